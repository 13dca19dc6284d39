# Account A: the producer VPC, one service instance per AZ behind an internal NLB
# (modules/producer-service), and the endpoint service in front of the NLB. No internet path here
# either: the service needs none.

resource "aws_vpc" "producer" {
  provider             = aws.producer
  cidr_block           = var.producer_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "${local.name}-producer" }

  lifecycle {
    precondition {
      condition     = length(local.zone_ids) == var.az_count
      error_message = "az_count is ${var.az_count} but only ${length(local.usable_zone_ids)} zones offer ${var.instance_type} to both accounts in ${var.region}."
    }
  }
}

module "producer" {
  source    = "../modules/producer-service"
  providers = { aws = aws.producer }

  name                      = local.name
  region                    = var.region
  vpc_id                    = aws_vpc.producer.id
  cidr                      = var.producer_cidr
  azs                       = local.producer_azs
  partition                 = data.aws_partition.producer.partition
  listener_ports            = var.listener_ports
  cross_zone_load_balancing = var.cross_zone_load_balancing
  ssm                       = var.producer_ssm
  ami_ssm_parameter         = var.ami_ssm_parameter
  instance_type             = var.instance_type
}

resource "aws_vpc_endpoint_service" "service" {
  provider                   = aws.producer
  acceptance_required        = var.acceptance_required
  network_load_balancer_arns = [module.producer.lb.arn]
  allowed_principals         = local.allowed_principals

  tags = { Name = "${local.name}-service" }
}
