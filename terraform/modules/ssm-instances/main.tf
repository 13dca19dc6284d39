# One Amazon Linux 2023 instance per subnet (AMI from the public SSM parameter), with no public
# address and IMDSv2 only, that the harness drives through SSM. With service_ports, each runs the
# producer service `plh-producer` (templates/producer-user-data.sh.tftpl) on those ports.

terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

locals {
  service = length(var.service_ports) > 0
}

data "aws_ssm_parameter" "ami" {
  name = var.ami_ssm_parameter
}

resource "aws_instance" "this" {
  count                       = length(var.subnet_ids)
  ami                         = data.aws_ssm_parameter.ami.insecure_value
  instance_type               = var.instance_type
  subnet_id                   = var.subnet_ids[count.index]
  vpc_security_group_ids      = var.security_group_ids
  associate_public_ip_address = false
  iam_instance_profile        = var.instance_profile
  user_data_replace_on_change = local.service ? true : null
  user_data = local.service ? templatefile("${path.module}/templates/producer-user-data.sh.tftpl", {
    az    = var.azs[count.index]
    ports = join(",", var.service_ports)
  }) : null

  metadata_options {
    http_tokens = "required"
  }

  tags = { Name = "${var.name}-${var.azs[count.index]}" }
}
