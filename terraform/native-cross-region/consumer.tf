# The consumer side, in consumer_region: the consumer VPC with no internet path, one consumer
# instance per AZ that the harness drives through SSM (modules/consumer-vpc), and the cross-region
# interface endpoint.

resource "aws_vpc" "consumer" {
  provider             = aws.consumer
  cidr_block           = var.consumer_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "${local.name}-consumer" }

  lifecycle {
    precondition {
      condition     = length(local.consumer_zone_ids) == var.az_count
      error_message = "az_count is ${var.az_count} but only ${length(local.consumer_usable_zone_ids)} zones offer ${var.instance_type} to the consumer in ${var.consumer_region}."
    }
  }
}

module "consumer" {
  source    = "../modules/consumer-vpc"
  providers = { aws = aws.consumer }

  name                   = local.name
  region                 = var.consumer_region
  vpc_id                 = aws_vpc.consumer.id
  cidr                   = var.consumer_cidr
  azs                    = local.consumer_azs
  partition              = data.aws_partition.consumer.partition
  endpoint_ports         = var.listener_ports
  endpoint_ingress_cidrs = var.endpoint_ingress_cidrs
  ami_ssm_parameter      = var.ami_ssm_parameter
  instance_type          = var.instance_type
}

resource "aws_vpc_endpoint" "service" {
  provider            = aws.consumer
  vpc_id              = aws_vpc.consumer.id
  service_name        = aws_vpc_endpoint_service.service.service_name
  service_region      = var.service_region
  vpc_endpoint_type   = "Interface"
  subnet_ids          = module.consumer.subnet_ids
  security_group_ids  = [module.consumer.endpoint_security_group_id]
  private_dns_enabled = false

  tags = { Name = "${local.name}-service" }
}

# One ENI per endpoint subnet: the addresses the regional and zonal names resolve to. Not read
# while the connection waits for acceptance (AWS does not promise the ENIs exist then): eni_ips
# stays empty and the harness reads them from EC2 once it has accepted the connection.
data "aws_network_interface" "endpoint" {
  provider = aws.consumer
  count    = var.acceptance_required ? 0 : length(local.consumer_azs)
  id       = sort(aws_vpc_endpoint.service.network_interface_ids)[count.index]
}
