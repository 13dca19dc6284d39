variable "name" {
  description = "The NLB's name and Name tag (AWS allows 32 characters)."
  type        = string
}

variable "port_name_prefix" {
  description = "Target groups and listeners are named `<port_name_prefix><port>` (32 characters at most)."
  type        = string
}

variable "vpc_id" {
  description = "The NLB's VPC."
  type        = string
}

variable "subnet_ids" {
  description = "The NLB's subnets, one per AZ."
  type        = list(string)
}

variable "azs" {
  description = "The subnets' availability zones, in the order of subnet_ids (and of target_instance_ids)."
  type        = list(string)
}

variable "listener_ports" {
  description = "TCP ports to listen on and forward to the same port of the targets."
  type        = list(number)
}

variable "cross_zone_load_balancing" {
  description = "Whether the NLB sends traffic to targets in other AZs."
  type        = bool
}

variable "target_type" {
  description = "Target type of the target groups: instance, or ip for targets the fixture registers itself."
  type        = string
  default     = "instance"
}

variable "target_instance_ids" {
  description = "Instances to register on every port, one per AZ in the order of azs (empty: none)."
  type        = list(string)
  default     = []
}
