# The consumer side inside a VPC the fixture owns: one subnet and one consumer instance per AZ, no
# internet path, the SSM endpoints and instance profile through which the harness drives the
# consumers, and the security group of the fixture's interface endpoint. The fixture creates the
# endpoint itself (in subnet_ids, with endpoint_security_group_id).

terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

# Everything the consumers reach, they reach through endpoints.
module "subnets" {
  source = "../private-subnets"
  name   = "${var.name}-consumer"
  vpc_id = var.vpc_id
  cidr   = var.cidr
  azs    = var.azs
}

# The endpoint's ENIs admit endpoint_ports from endpoint_ingress_cidrs only.
resource "aws_security_group" "endpoint" {
  name        = "${var.name}-endpoint"
  description = "plh interface endpoint: listener ports from the admitted CIDRs"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-endpoint" }
}

resource "aws_vpc_security_group_ingress_rule" "endpoint" {
  for_each = {
    for pair in setproduct(var.endpoint_ports, length(var.endpoint_ingress_cidrs) > 0 ? var.endpoint_ingress_cidrs : [var.cidr]) :
    "${pair[0]}-${pair[1]}" => { port = pair[0], cidr = pair[1] }
  }
  security_group_id = aws_security_group.endpoint.id
  cidr_ipv4         = each.value.cidr
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  description       = "listener port ${each.value.port}"
}

resource "aws_security_group" "consumer" {
  name        = "${var.name}-consumer"
  description = "plh consumer instances: no ingress"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-consumer" }
}

resource "aws_vpc_security_group_egress_rule" "consumer" {
  security_group_id = aws_security_group.consumer.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "anything the VPC routes (endpoints only)"
}

module "ssm" {
  source     = "../ssm-access"
  name       = var.name
  side       = "consumer"
  region     = var.region
  vpc_id     = var.vpc_id
  cidr       = var.cidr
  subnet_ids = module.subnets.subnet_ids
  partition  = var.partition
}

module "instances" {
  source             = "../ssm-instances"
  name               = "${var.name}-consumer"
  azs                = var.azs
  subnet_ids         = module.subnets.subnet_ids
  security_group_ids = [aws_security_group.consumer.id]
  instance_profile   = module.ssm.instance_profile_name
  ami_ssm_parameter  = var.ami_ssm_parameter
  instance_type      = var.instance_type
}
