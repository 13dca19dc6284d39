# Region A, producer account: the provider VPC and one service instance per AZ (modules/
# ssm-instances). Its only way out is the peering with the outpost VPC; the outpost NLB's health
# checks and traffic come from there.

resource "aws_vpc" "provider" {
  provider             = aws.producer
  cidr_block           = var.provider_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "${local.name}-provider" }

  lifecycle {
    precondition {
      condition     = var.consumer_region != var.provider_region
      error_message = "consumer_region must differ from provider_region (${var.provider_region}): the relay exists to cross regions."
    }
    precondition {
      condition     = length(local.provider_zone_ids) == var.az_count
      error_message = "az_count is ${var.az_count} but only ${length(local.provider_usable_zone_ids)} zones offer ${var.instance_type} in ${var.provider_region}."
    }
  }
}

# Local route plus the peering (peering.tf): no internet path.
module "provider_subnets" {
  source    = "../modules/private-subnets"
  providers = { aws = aws.producer }

  name   = "${local.name}-provider"
  vpc_id = aws_vpc.provider.id
  cidr   = var.provider_cidr
  azs    = local.provider_azs
}

# The service admits the outpost VPC (the NLB's own IPs) and, when it exists, the third VPC: so
# that when the third VPC cannot reach the service, non-transitive peering is the only reason.
resource "aws_security_group" "provider_service" {
  provider    = aws.producer
  name        = "${local.name}-provider-service"
  description = "plh provider service: listener ports from the outpost VPC"
  vpc_id      = aws_vpc.provider.id

  tags = { Name = "${local.name}-provider-service" }
}

resource "aws_vpc_security_group_ingress_rule" "provider_service" {
  provider = aws.producer
  for_each = {
    for pair in setproduct(keys(local.listener_ports), var.third_vpc ? [var.outpost_cidr, var.third_vpc_cidr] : [var.outpost_cidr]) :
    "${pair[0]}-${pair[1]}" => { port = local.listener_ports[pair[0]], cidr = pair[1] }
  }
  security_group_id = aws_security_group.provider_service.id
  cidr_ipv4         = each.value.cidr
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  description       = "service port ${each.value.port}"
}

resource "aws_vpc_security_group_egress_rule" "provider_service" {
  provider          = aws.producer
  security_group_id = aws_security_group.provider_service.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "anything the VPC routes (SSM endpoints, the peering)"
}

module "provider_instances" {
  source    = "../modules/ssm-instances"
  providers = { aws = aws.producer }

  name               = "${local.name}-provider"
  azs                = local.provider_azs
  subnet_ids         = module.provider_subnets.subnet_ids
  security_group_ids = [aws_security_group.provider_service.id]
  instance_profile   = var.producer_ssm ? module.provider_ssm.instance_profile_name : null
  service_ports      = var.listener_ports
  ami_ssm_parameter  = var.ami_ssm_parameter
  instance_type      = var.instance_type
}
