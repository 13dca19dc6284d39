variable "name" {
  description = "Prefix of the instances' Name tags (`<name>-<az>`)."
  type        = string
}

variable "azs" {
  description = "The subnets' availability zones, in the order of subnet_ids."
  type        = list(string)
}

variable "subnet_ids" {
  description = "One instance per subnet."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of every instance."
  type        = list(string)
}

variable "instance_profile" {
  description = "Instance profile name (null: none). Pass ssm-access's instance_profile_name, so that the instances wait for the SSM endpoints and the policy."
  type        = string
  default     = null
}

variable "service_ports" {
  description = "Ports the producer service answers on (empty: no service, a plain SSM-managed instance)."
  type        = list(number)
  default     = []
}

variable "ami_ssm_parameter" {
  description = "Public SSM parameter naming the AMI (its architecture must suit instance_type)."
  type        = string
}

variable "instance_type" {
  description = "Instance type."
  type        = string
}
