variable "name" {
  description = "The fixture's name prefix (`<name_prefix>-<run tag>[-<name_scope>]`)."
  type        = string
}

variable "region" {
  description = "The consumer's region."
  type        = string
}

variable "vpc_id" {
  description = "The consumer VPC (the fixture creates it)."
  type        = string
}

variable "cidr" {
  description = "The consumer VPC's CIDR block."
  type        = string
}

variable "azs" {
  description = "The consumer's availability zones: one subnet, instance and endpoint ENI each."
  type        = list(string)
}

variable "partition" {
  description = "The consumer account's partition."
  type        = string
}

variable "endpoint_ports" {
  description = "TCP ports the interface endpoint's security group admits."
  type        = list(number)
}

variable "endpoint_ingress_cidrs" {
  description = "Source CIDRs the endpoint's security group admits (empty: the consumer VPC)."
  type        = list(string)
}

variable "ami_ssm_parameter" {
  description = "Public SSM parameter naming the AMI of the consumer instances."
  type        = string
}

variable "instance_type" {
  description = "Instance type of the consumer instances."
  type        = string
}
