# The service side, in service_region: the producer VPC, one service instance per AZ behind an
# internal NLB, and the endpoint service, open to consumers in consumer_region. No internet path.

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

resource "aws_subnet" "producer" {
  provider          = aws.producer
  count             = length(local.producer_azs)
  vpc_id            = aws_vpc.producer.id
  availability_zone = local.producer_azs[count.index]
  cidr_block        = cidrsubnet(var.producer_cidr, 4, count.index)

  tags = { Name = "${local.name}-producer-${local.producer_azs[count.index]}" }
}

# Only the implicit local route: the producer VPC has no way out.
resource "aws_route_table" "producer" {
  provider = aws.producer
  vpc_id   = aws_vpc.producer.id

  tags = { Name = "${local.name}-producer" }
}

resource "aws_route_table_association" "producer" {
  provider       = aws.producer
  count          = length(aws_subnet.producer)
  subnet_id      = aws_subnet.producer[count.index].id
  route_table_id = aws_route_table.producer.id
}

# The NLB (its own private IPs, inside the VPC) and its health checks reach the service.
resource "aws_security_group" "producer_service" {
  provider    = aws.producer
  name        = "${local.name}-producer-service"
  description = "plh producer service: listener ports from the producer VPC"
  vpc_id      = aws_vpc.producer.id

  tags = { Name = "${local.name}-producer-service" }
}

resource "aws_vpc_security_group_ingress_rule" "producer_service" {
  provider          = aws.producer
  for_each          = local.listener_ports
  security_group_id = aws_security_group.producer_service.id
  cidr_ipv4         = var.producer_cidr
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  description       = "service port ${each.value} from the NLB"
}

resource "aws_vpc_security_group_egress_rule" "producer_service" {
  provider          = aws.producer
  security_group_id = aws_security_group.producer_service.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "anything the VPC routes (SSM endpoints; probes of the consumer that must fail)"
}

data "aws_ssm_parameter" "producer_ami" {
  provider = aws.producer
  name     = var.ami_ssm_parameter
}

resource "aws_instance" "producer" {
  provider                    = aws.producer
  count                       = length(aws_subnet.producer)
  ami                         = data.aws_ssm_parameter.producer_ami.insecure_value
  instance_type               = var.instance_type
  subnet_id                   = aws_subnet.producer[count.index].id
  vpc_security_group_ids      = [aws_security_group.producer_service.id]
  associate_public_ip_address = false
  iam_instance_profile        = var.producer_ssm ? aws_iam_instance_profile.producer[0].name : null
  user_data_replace_on_change = true
  user_data = templatefile("${path.module}/templates/producer-user-data.sh.tftpl", {
    az    = local.producer_azs[count.index]
    ports = join(",", var.listener_ports)
  })

  metadata_options {
    http_tokens = "required"
  }

  tags = { Name = "${local.name}-producer-${local.producer_azs[count.index]}" }

  # The SSM agent registers at boot; with the endpoints in place it does so at once.
  depends_on = [aws_vpc_endpoint.producer_ssm, aws_iam_role_policy_attachment.producer_ssm]
}

resource "aws_lb" "service" {
  provider                         = aws.producer
  name                             = "${local.name}-nlb"
  internal                         = true
  load_balancer_type               = "network"
  subnets                          = aws_subnet.producer[*].id
  enable_cross_zone_load_balancing = var.cross_zone_load_balancing

  tags = { Name = "${local.name}-nlb" }
}

resource "aws_lb_target_group" "service" {
  provider             = aws.producer
  for_each             = local.listener_ports
  name                 = "${local.name}-p${each.value}"
  port                 = each.value
  protocol             = "TCP"
  target_type          = "instance"
  vpc_id               = aws_vpc.producer.id
  deregistration_delay = "10"

  health_check {
    protocol            = "HTTP"
    path                = "/healthz"
    port                = "traffic-port"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }

  tags = { Name = "${local.name}-p${each.value}" }
}

resource "aws_lb_target_group_attachment" "service" {
  provider = aws.producer
  for_each = {
    for pair in setproduct(keys(local.listener_ports), range(length(local.producer_azs))) :
    "${pair[0]}-${local.producer_azs[pair[1]]}" => { port = pair[0], index = pair[1] }
  }
  target_group_arn = aws_lb_target_group.service[each.value.port].arn
  target_id        = aws_instance.producer[each.value.index].id
}

resource "aws_lb_listener" "service" {
  provider          = aws.producer
  for_each          = local.listener_ports
  load_balancer_arn = aws_lb.service.arn
  port              = each.value
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service[each.key].arn
  }

  tags = { Name = "${local.name}-p${each.value}" }
}

resource "aws_vpc_endpoint_service" "service" {
  provider                   = aws.producer
  acceptance_required        = var.acceptance_required
  network_load_balancer_arns = [aws_lb.service.arn]
  allowed_principals         = local.allowed_principals
  # The service's own region is always supported; listing it keeps plans clean (AWS reports it).
  supported_regions = [var.service_region, var.consumer_region]

  tags = { Name = "${local.name}-service" }
}

# The NLB's own private IPs (one per AZ): the source address the service sees for every
# connection that arrives through PrivateLink.
data "aws_network_interface" "nlb" {
  provider = aws.producer
  count    = length(local.producer_azs)

  filter {
    name   = "description"
    values = ["ELB ${aws_lb.service.arn_suffix}"]
  }

  filter {
    name   = "availability-zone"
    values = [local.producer_azs[count.index]]
  }
}
