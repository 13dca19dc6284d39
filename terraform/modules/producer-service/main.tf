# The producer side inside a VPC the fixture owns: one subnet and one service instance per AZ
# behind an internal NLB, no internet path (the service needs none), and optionally SSM for the
# instances, for scenarios that act from the provider side. The fixture puts its endpoint service
# in front of lb.

terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

locals {
  listener_ports = { for p in var.listener_ports : tostring(p) => p }
}

module "subnets" {
  source = "../private-subnets"
  name   = "${var.name}-producer"
  vpc_id = var.vpc_id
  cidr   = var.cidr
  azs    = var.azs
}

# The NLB (its own private IPs, inside the VPC) and its health checks reach the service.
resource "aws_security_group" "service" {
  name        = "${var.name}-producer-service"
  description = "plh producer service: listener ports from the producer VPC"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-producer-service" }
}

resource "aws_vpc_security_group_ingress_rule" "service" {
  for_each          = local.listener_ports
  security_group_id = aws_security_group.service.id
  cidr_ipv4         = var.cidr
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  description       = "service port ${each.value} from the NLB"
}

resource "aws_vpc_security_group_egress_rule" "service" {
  security_group_id = aws_security_group.service.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "anything the VPC routes (SSM endpoints; probes of the consumer that must fail)"
}

# Scenarios that act from the provider side (the provider cannot reach the consumer; it sees the
# NLB's IP) run commands on the producer instances.
module "ssm" {
  source           = "../ssm-access"
  name             = var.name
  side             = "producer"
  region           = var.region
  vpc_id           = var.vpc_id
  cidr             = var.cidr
  subnet_ids       = module.subnets.subnet_ids
  partition        = var.partition
  endpoints        = var.ssm
  instance_profile = var.ssm
}

module "instances" {
  source             = "../ssm-instances"
  name               = "${var.name}-producer"
  azs                = var.azs
  subnet_ids         = module.subnets.subnet_ids
  security_group_ids = [aws_security_group.service.id]
  instance_profile   = module.ssm.instance_profile_name
  service_ports      = var.listener_ports
  ami_ssm_parameter  = var.ami_ssm_parameter
  instance_type      = var.instance_type
}

module "nlb" {
  source                    = "../service-nlb"
  name                      = "${var.name}-nlb"
  port_name_prefix          = "${var.name}-p"
  vpc_id                    = var.vpc_id
  subnet_ids                = module.subnets.subnet_ids
  azs                       = var.azs
  listener_ports            = var.listener_ports
  cross_zone_load_balancing = var.cross_zone_load_balancing
  target_instance_ids       = module.instances.instances[*].id
}
