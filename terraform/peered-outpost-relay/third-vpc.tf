# Optional (third_vpc): a third VPC in region B, peered to the outpost VPC only, with one
# SSM-managed instance. It routes the provider VPC's CIDR to the outpost peering and the provider
# admits it, yet it cannot reach the provider instances: VPC peering is not transitive. It does
# reach the outpost NLB, which is in the VPC it peers with.

resource "aws_vpc" "third" {
  provider             = aws.outpost
  count                = var.third_vpc ? 1 : 0
  cidr_block           = var.third_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "${local.name}-third" }

  lifecycle {
    precondition {
      condition     = local.third_az != null
      error_message = "no zone of ${var.consumer_region} offers ${var.instance_type} to the producer account for the third VPC's instance."
    }
  }
}

resource "aws_subnet" "third" {
  provider          = aws.outpost
  count             = var.third_vpc ? 1 : 0
  vpc_id            = aws_vpc.third[0].id
  availability_zone = local.third_az
  cidr_block        = cidrsubnet(var.third_vpc_cidr, 4, 0)

  tags = { Name = "${local.name}-third-${local.third_az}" }
}

resource "aws_route_table" "third" {
  provider = aws.outpost
  count    = var.third_vpc ? 1 : 0
  vpc_id   = aws_vpc.third[0].id

  tags = { Name = "${local.name}-third" }
}

resource "aws_route_table_association" "third" {
  provider       = aws.outpost
  count          = var.third_vpc ? 1 : 0
  subnet_id      = aws_subnet.third[0].id
  route_table_id = aws_route_table.third[0].id
}

# Same account, same region: the requester accepts its own request.
resource "aws_vpc_peering_connection" "third" {
  provider    = aws.outpost
  count       = var.third_vpc ? 1 : 0
  vpc_id      = aws_vpc.third[0].id
  peer_vpc_id = aws_vpc.outpost.id
  auto_accept = true

  tags = { Name = "${local.name}-third" }
}

resource "aws_route" "third_to_outpost" {
  provider                  = aws.outpost
  count                     = var.third_vpc ? 1 : 0
  route_table_id            = aws_route_table.third[0].id
  destination_cidr_block    = var.outpost_cidr
  vpc_peering_connection_id = aws_vpc_peering_connection.third[0].id
}

# The transitive route that peering will not honour.
resource "aws_route" "third_to_provider" {
  provider                  = aws.outpost
  count                     = var.third_vpc ? 1 : 0
  route_table_id            = aws_route_table.third[0].id
  destination_cidr_block    = var.provider_cidr
  vpc_peering_connection_id = aws_vpc_peering_connection.third[0].id
}

resource "aws_route" "outpost_to_third" {
  provider                  = aws.outpost
  count                     = var.third_vpc ? 1 : 0
  route_table_id            = module.outpost_subnets.route_table_id
  destination_cidr_block    = var.third_vpc_cidr
  vpc_peering_connection_id = aws_vpc_peering_connection.third[0].id
}

resource "aws_security_group" "third" {
  provider    = aws.outpost
  count       = var.third_vpc ? 1 : 0
  name        = "${local.name}-third"
  description = "plh third VPC: HTTPS to the SSM endpoints from the VPC, no other ingress"
  vpc_id      = aws_vpc.third[0].id

  tags = { Name = "${local.name}-third" }
}

resource "aws_vpc_security_group_ingress_rule" "third_ssm" {
  provider          = aws.outpost
  count             = var.third_vpc ? 1 : 0
  security_group_id = aws_security_group.third[0].id
  cidr_ipv4         = var.third_vpc_cidr
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS from the third VPC (SSM endpoints)"
}

resource "aws_vpc_security_group_egress_rule" "third" {
  provider          = aws.outpost
  count             = var.third_vpc ? 1 : 0
  security_group_id = aws_security_group.third[0].id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "anything the VPC routes"
}

resource "aws_vpc_endpoint" "third_ssm" {
  provider            = aws.outpost
  for_each            = var.third_vpc ? toset(["ssm", "ssmmessages", "ec2messages"]) : toset([])
  vpc_id              = aws_vpc.third[0].id
  service_name        = "com.amazonaws.${var.consumer_region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.third[0].id]
  security_group_ids  = [aws_security_group.third[0].id]
  private_dns_enabled = true

  tags = { Name = "${local.name}-third-${each.key}" }
}

data "aws_ssm_parameter" "third_ami" {
  provider = aws.outpost
  count    = var.third_vpc ? 1 : 0
  name     = var.ami_ssm_parameter
}

resource "aws_instance" "third" {
  provider                    = aws.outpost
  count                       = var.third_vpc ? 1 : 0
  ami                         = data.aws_ssm_parameter.third_ami[0].insecure_value
  instance_type               = var.instance_type
  subnet_id                   = aws_subnet.third[0].id
  vpc_security_group_ids      = [aws_security_group.third[0].id]
  associate_public_ip_address = false
  iam_instance_profile        = module.provider_ssm.instance_profile_name

  metadata_options {
    http_tokens = "required"
  }

  tags = { Name = "${local.name}-third-${local.third_az}" }

  depends_on = [aws_vpc_endpoint.third_ssm]
}
