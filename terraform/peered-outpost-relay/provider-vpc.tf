# Region A, producer account: the provider VPC and one service instance per AZ. Its only way out
# is the peering with the outpost VPC; the outpost NLB's health checks and traffic come from there.

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

resource "aws_subnet" "provider" {
  provider          = aws.producer
  count             = length(local.provider_azs)
  vpc_id            = aws_vpc.provider.id
  availability_zone = local.provider_azs[count.index]
  cidr_block        = cidrsubnet(var.provider_cidr, 4, count.index)

  tags = { Name = "${local.name}-provider-${local.provider_azs[count.index]}" }
}

# Local route plus the peering (peering.tf): no internet path.
resource "aws_route_table" "provider" {
  provider = aws.producer
  vpc_id   = aws_vpc.provider.id

  tags = { Name = "${local.name}-provider" }
}

resource "aws_route_table_association" "provider" {
  provider       = aws.producer
  count          = length(aws_subnet.provider)
  subnet_id      = aws_subnet.provider[count.index].id
  route_table_id = aws_route_table.provider.id
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

data "aws_ssm_parameter" "provider_ami" {
  provider = aws.producer
  name     = var.ami_ssm_parameter
}

resource "aws_instance" "provider" {
  provider                    = aws.producer
  count                       = length(aws_subnet.provider)
  ami                         = data.aws_ssm_parameter.provider_ami.insecure_value
  instance_type               = var.instance_type
  subnet_id                   = aws_subnet.provider[count.index].id
  vpc_security_group_ids      = [aws_security_group.provider_service.id]
  associate_public_ip_address = false
  iam_instance_profile        = var.producer_ssm ? aws_iam_instance_profile.producer[0].name : null
  user_data_replace_on_change = true
  user_data = templatefile("${path.module}/templates/producer-user-data.sh.tftpl", {
    az    = local.provider_azs[count.index]
    ports = join(",", var.listener_ports)
  })

  metadata_options {
    http_tokens = "required"
  }

  tags = { Name = "${local.name}-provider-${local.provider_azs[count.index]}" }

  depends_on = [aws_vpc_endpoint.provider_ssm, aws_iam_role_policy_attachment.producer_ssm]
}
