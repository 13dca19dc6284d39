# The availability zones of one account and region, and those among them that offer
# instance_type. Zone ids, not names, are what two accounts can compare: AZ names are shuffled per
# account (us-east-1a in one need not be us-east-1a in another), zone ids are not.

terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

data "aws_availability_zones" "this" {
  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_ec2_instance_type_offerings" "this" {
  location_type = "availability-zone-id"

  filter {
    name   = "instance-type"
    values = [var.instance_type]
  }
}
