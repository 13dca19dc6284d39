# The service side, in service_region: the producer VPC, one service instance per AZ behind an
# internal NLB (modules/producer-service), and the endpoint service, open to consumers in
# consumer_region. No internet path.

resource "aws_vpc" "producer" {
  provider             = aws.producer
  cidr_block           = var.producer_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "${local.name}-producer" }

  lifecycle {
    precondition {
      condition     = var.consumer_region != var.service_region
      error_message = "consumer_region must differ from service_region (${var.service_region}): this fixture is about cross-region PrivateLink."
    }
    precondition {
      condition     = length(local.producer_zone_ids) == var.az_count
      error_message = "az_count is ${var.az_count} but only ${length(local.producer_usable_zone_ids)} zones offer ${var.instance_type} to the producer in ${var.service_region}."
    }
  }
}

module "producer" {
  source    = "../modules/producer-service"
  providers = { aws = aws.producer }

  name                      = local.name
  region                    = var.service_region
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

# Each supported region starts Pending after the service is Available, and the provider waits only
# for the service, so the consumer's CreateVpcEndpoint with service_region could be refused. The
# provider offers no wait for a supported region's ServiceState, so the apply is split in two
# (manifest.json `apply_stages`): the AWS target applies this resource (and what it depends on)
# first, waits with DescribeVpcEndpointServiceConfigurations until every supported region is
# Available, then applies the rest. A plain `terraform apply` of this folder does not wait.
resource "aws_vpc_endpoint_service" "service" {
  provider                   = aws.producer
  acceptance_required        = var.acceptance_required
  network_load_balancer_arns = [module.producer.lb.arn]
  allowed_principals         = local.allowed_principals
  # The service's own region is always supported; listing it keeps plans clean (AWS reports it).
  supported_regions = var.support_consumer_region ? [var.service_region, var.consumer_region] : [var.service_region]

  tags = { Name = "${local.name}-service" }
}
