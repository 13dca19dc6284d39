variable "name" {
  description = "Name tag of the route table, and prefix of the subnets' (`<name>-<az>`)."
  type        = string
}

variable "vpc_id" {
  description = "The VPC to put the subnets in."
  type        = string
}

variable "cidr" {
  description = "The VPC's CIDR block: subnet i gets cidrsubnet(cidr, 4, i)."
  type        = string
}

variable "azs" {
  description = "Availability zone names, one subnet each, in this order."
  type        = list(string)
}
