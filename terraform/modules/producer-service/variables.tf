variable "name" {
  description = "The fixture's name prefix (`<name_prefix>-<run tag>[-<name_scope>]`)."
  type        = string
}

variable "region" {
  description = "The producer's region."
  type        = string
}

variable "vpc_id" {
  description = "The producer VPC (the fixture creates it, with its own preconditions)."
  type        = string
}

variable "cidr" {
  description = "The producer VPC's CIDR block."
  type        = string
}

variable "azs" {
  description = "The producer's availability zones: one subnet, instance and NLB address each."
  type        = list(string)
}

variable "partition" {
  description = "The producer account's partition."
  type        = string
}

variable "listener_ports" {
  description = "TCP ports the NLB listens on and the service answers on."
  type        = list(number)
}

variable "cross_zone_load_balancing" {
  description = "Whether the NLB sends traffic to targets in other AZs."
  type        = bool
}

variable "ssm" {
  description = "Whether the producer instances are SSM-managed (SSM interface endpoints in the VPC, an instance profile)."
  type        = bool
}

variable "ami_ssm_parameter" {
  description = "Public SSM parameter naming the AMI of the instances."
  type        = string
}

variable "instance_type" {
  description = "Instance type of the instances."
  type        = string
}
