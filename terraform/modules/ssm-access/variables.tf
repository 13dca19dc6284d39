variable "name" {
  description = "The fixture's name prefix (`<name_prefix>-<run tag>[-<name_scope>]`)."
  type        = string
}

variable "side" {
  description = "Which VPC this is (consumer, producer, provider): names are `<name>-<side>-ssm` and `<name>-<side>-<endpoint>`."
  type        = string
}

variable "region" {
  description = "The VPC's region: the endpoints are com.amazonaws.<region>.<service>."
  type        = string
}

variable "vpc_id" {
  description = "The VPC of the endpoints."
  type        = string
}

variable "cidr" {
  description = "The VPC's CIDR block: the endpoints admit HTTPS from it."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets of the endpoints' ENIs (one per AZ)."
  type        = list(string)
}

variable "partition" {
  description = "The account's partition (aws, aws-cn, …), for the managed policy's ARN."
  type        = string
}

variable "endpoints" {
  description = "Whether to create the security group and the three endpoints."
  type        = bool
  default     = true
}

variable "instance_profile" {
  description = "Whether to create the IAM role and instance profile."
  type        = bool
  default     = true
}

variable "instance_profile_name" {
  description = "Name of the IAM role and instance profile (null: `<name>-<side>-ssm`). IAM names are global to the account."
  type        = string
  default     = null
}
