# An internal NLB in front of the producer service: one TCP listener and one target group per
# port, with HTTP health checks on /healthz. Instance targets (target_instance_ids) are registered
# on every port here; other targets (IPs across a peering) the fixture registers itself against
# target_groups. The fixture puts its endpoint service in front of lb.

terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

locals {
  listener_ports = { for p in var.listener_ports : tostring(p) => p }
}

resource "aws_lb" "this" {
  name                             = var.name
  internal                         = true
  load_balancer_type               = "network"
  subnets                          = var.subnet_ids
  enable_cross_zone_load_balancing = var.cross_zone_load_balancing

  tags = { Name = var.name }
}

resource "aws_lb_target_group" "this" {
  for_each             = local.listener_ports
  name                 = "${var.port_name_prefix}${each.value}"
  port                 = each.value
  protocol             = "TCP"
  target_type          = var.target_type
  vpc_id               = var.vpc_id
  deregistration_delay = "10"

  health_check {
    protocol            = "HTTP"
    path                = "/healthz"
    port                = "traffic-port"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }

  tags = { Name = "${var.port_name_prefix}${each.value}" }
}

resource "aws_lb_target_group_attachment" "this" {
  for_each = {
    for pair in setproduct(keys(local.listener_ports), range(length(var.target_instance_ids))) :
    "${pair[0]}-${var.azs[pair[1]]}" => { port = pair[0], index = pair[1] }
  }
  target_group_arn = aws_lb_target_group.this[each.value.port].arn
  target_id        = var.target_instance_ids[each.value.index]
}

resource "aws_lb_listener" "this" {
  for_each          = local.listener_ports
  load_balancer_arn = aws_lb.this.arn
  port              = each.value
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[each.key].arn
  }

  tags = { Name = "${var.port_name_prefix}${each.value}" }
}

# The NLB's own private IPs (one per AZ): the source address the service sees for every
# connection that arrives through PrivateLink.
data "aws_network_interface" "nlb" {
  count = length(var.azs)

  filter {
    name   = "description"
    values = ["ELB ${aws_lb.this.arn_suffix}"]
  }

  filter {
    name   = "availability-zone"
    values = [var.azs[count.index]]
  }
}
