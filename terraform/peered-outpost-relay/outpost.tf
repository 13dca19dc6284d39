# Region B, producer account: the outpost VPC. Its internal NLB registers the provider instances by
# IP across the peering (targets outside the VPC take availability_zone = "all"), and the endpoint
# service in front of it is what consumers in region B connect to.

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

resource "aws_subnet" "outpost" {
  provider          = aws.outpost
  count             = length(local.outpost_azs)
  vpc_id            = aws_vpc.outpost.id
  availability_zone = local.outpost_azs[count.index]
  cidr_block        = cidrsubnet(var.outpost_cidr, 4, count.index)

  tags = { Name = "${local.name}-outpost-${local.outpost_azs[count.index]}" }
}

# Local route plus the peerings (peering.tf, third-vpc.tf): no internet path.
resource "aws_route_table" "outpost" {
  provider = aws.outpost
  vpc_id   = aws_vpc.outpost.id

  tags = { Name = "${local.name}-outpost" }
}

resource "aws_route_table_association" "outpost" {
  provider       = aws.outpost
  count          = length(aws_subnet.outpost)
  subnet_id      = aws_subnet.outpost[count.index].id
  route_table_id = aws_route_table.outpost.id
}

resource "aws_lb" "relay" {
  provider                         = aws.outpost
  name                             = "${local.name}-relay"
  internal                         = true
  load_balancer_type               = "network"
  subnets                          = aws_subnet.outpost[*].id
  enable_cross_zone_load_balancing = var.cross_zone_load_balancing

  tags = { Name = "${local.name}-relay" }
}

resource "aws_lb_target_group" "relay" {
  provider             = aws.outpost
  for_each             = local.listener_ports
  name                 = "${local.name}-r${each.value}"
  port                 = each.value
  protocol             = "TCP"
  target_type          = "ip"
  vpc_id               = aws_vpc.outpost.id
  deregistration_delay = "10"

  health_check {
    protocol            = "HTTP"
    path                = "/healthz"
    port                = "traffic-port"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }

  tags = { Name = "${local.name}-r${each.value}" }
}

resource "aws_lb_target_group_attachment" "relay" {
  provider = aws.outpost
  for_each = {
    for pair in setproduct(keys(local.listener_ports), range(length(local.provider_azs))) :
    "${pair[0]}-${local.provider_azs[pair[1]]}" => { port = pair[0], index = pair[1] }
  }
  target_group_arn  = aws_lb_target_group.relay[each.value.port].arn
  target_id         = aws_instance.provider[each.value.index].private_ip
  port              = local.listener_ports[each.value.port]
  availability_zone = "all"

  # Health checks cross the peering: register once it routes both ways.
  depends_on = [aws_route.outpost_to_provider, aws_route.provider_to_outpost]
}

resource "aws_lb_listener" "relay" {
  provider          = aws.outpost
  for_each          = local.listener_ports
  load_balancer_arn = aws_lb.relay.arn
  port              = each.value
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.relay[each.key].arn
  }

  tags = { Name = "${local.name}-r${each.value}" }
}

resource "aws_vpc_endpoint_service" "relay" {
  provider                   = aws.outpost
  acceptance_required        = var.acceptance_required
  network_load_balancer_arns = [aws_lb.relay.arn]
  allowed_principals         = local.allowed_principals

  tags = { Name = "${local.name}-relay" }
}

# The outpost NLB's own private IPs (one per AZ): the source address the provider instances see.
data "aws_network_interface" "relay_nlb" {
  provider = aws.outpost
  count    = length(local.outpost_azs)

  filter {
    name   = "description"
    values = ["ELB ${aws_lb.relay.arn_suffix}"]
  }

  filter {
    name   = "availability-zone"
    values = [local.outpost_azs[count.index]]
  }
}
