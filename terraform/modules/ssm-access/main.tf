# How the harness reaches instances without an internet path: the SSM interface endpoints (ssm,
# ssmmessages, ec2messages) with private DNS in the VPC, behind a security group that admits HTTPS
# from the VPC, and an instance profile carrying AmazonSSMManagedInstanceCore. Either half can be
# left out: a VPC may go without endpoints while its account's profile serves another VPC.

terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

locals {
  iam_name = coalesce(var.instance_profile_name, "${var.name}-${var.side}-ssm")
}

resource "aws_security_group" "this" {
  count       = var.endpoints ? 1 : 0
  name        = "${var.name}-${var.side}-ssm"
  description = "plh SSM interface endpoints: HTTPS from the ${var.side} VPC"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-${var.side}-ssm" }
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  count             = var.endpoints ? 1 : 0
  security_group_id = aws_security_group.this[0].id
  cidr_ipv4         = var.cidr
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS from the ${var.side} VPC"
}

resource "aws_vpc_endpoint" "this" {
  for_each            = var.endpoints ? toset(["ssm", "ssmmessages", "ec2messages"]) : toset([])
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.this[0].id]
  private_dns_enabled = true

  tags = { Name = "${var.name}-${var.side}-${each.key}" }
}

resource "aws_iam_role" "this" {
  count = var.instance_profile ? 1 : 0
  name  = local.iam_name
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "this" {
  count      = var.instance_profile ? 1 : 0
  role       = aws_iam_role.this[0].name
  policy_arn = "arn:${var.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "this" {
  count = var.instance_profile ? 1 : 0
  name  = local.iam_name
  role  = aws_iam_role.this[0].name
}
