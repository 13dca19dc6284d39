# Region B, producer account: the outpost VPC. Its internal NLB (modules/service-nlb) registers
# the provider instances by IP across the peering (targets outside the VPC take availability_zone =
# "all"), and the endpoint service in front of it is what consumers in region B connect to.

resource "aws_vpc" "outpost" {
  provider             = aws.outpost
  cidr_block           = var.outpost_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "${local.name}-outpost" }

  lifecycle {
    precondition {
      condition     = length(local.region_b_zone_ids) == var.az_count
      error_message = "az_count is ${var.az_count} but only ${length(local.region_b_usable_zone_ids)} zones of ${var.consumer_region} exist for both accounts and offer ${var.instance_type} to the consumer."
    }
  }
}

# Local route plus the peerings (peering.tf, third-vpc.tf): no internet path.
module "outpost_subnets" {
  source    = "../modules/private-subnets"
  providers = { aws = aws.outpost }

  name   = "${local.name}-outpost"
  vpc_id = aws_vpc.outpost.id
  cidr   = var.outpost_cidr
  azs    = local.outpost_azs
}

# Its own private IPs (nlb_ips, one per AZ) are the source address the provider instances see.
module "outpost" {
  source    = "../modules/service-nlb"
  providers = { aws = aws.outpost }

  name                      = "${local.name}-relay"
  port_name_prefix          = "${local.name}-r"
  vpc_id                    = aws_vpc.outpost.id
  subnet_ids                = module.outpost_subnets.subnet_ids
  azs                       = local.outpost_azs
  listener_ports            = var.listener_ports
  cross_zone_load_balancing = var.cross_zone_load_balancing
  target_type               = "ip"
}

resource "aws_lb_target_group_attachment" "relay" {
  provider = aws.outpost
  for_each = {
    for pair in setproduct(keys(local.listener_ports), range(length(local.provider_azs))) :
    "${pair[0]}-${local.provider_azs[pair[1]]}" => { port = pair[0], index = pair[1] }
  }
  target_group_arn = module.outpost.target_groups[each.value.port].arn
  target_id        = module.provider_instances.instances[each.value.index].private_ip
  port             = local.listener_ports[each.value.port]
  # ELB reports these targets in AZ "all": every NLB node sends to them, so the harness's
  # set-target-health and set-target-registration refuse to take one AZ out in this fixture.
  availability_zone = "all"

  # Health checks cross the peering: register once it routes both ways.
  depends_on = [aws_route.outpost_to_provider, aws_route.provider_to_outpost]
}

resource "aws_vpc_endpoint_service" "relay" {
  provider                   = aws.outpost
  acceptance_required        = var.acceptance_required
  network_load_balancer_arns = [module.outpost.lb.arn]
  allowed_principals         = local.allowed_principals

  tags = { Name = "${local.name}-relay" }
}
