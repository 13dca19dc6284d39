# The inter-region peering between the provider VPC (region A, requester) and the outpost VPC
# (region B). Across regions the requester cannot auto-accept: the accepter resource in region B
# does. Routes go both ways; the provider VPC also routes the third VPC's CIDR here, so that the
# third VPC's failure to reach it shows non-transitivity and nothing else.

resource "aws_vpc_peering_connection" "relay" {
  provider    = aws.producer
  vpc_id      = aws_vpc.provider.id
  peer_vpc_id = aws_vpc.outpost.id
  peer_region = var.consumer_region

  tags = { Name = "${local.name}-relay" }
}

resource "aws_vpc_peering_connection_accepter" "relay" {
  provider                  = aws.outpost
  vpc_peering_connection_id = aws_vpc_peering_connection.relay.id
  auto_accept               = true

  tags = { Name = "${local.name}-relay" }
}

resource "aws_route" "provider_to_outpost" {
  provider                  = aws.producer
  route_table_id            = module.provider_subnets.route_table_id
  destination_cidr_block    = var.outpost_cidr
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.relay.id
}

resource "aws_route" "outpost_to_provider" {
  provider                  = aws.outpost
  route_table_id            = module.outpost_subnets.route_table_id
  destination_cidr_block    = var.provider_cidr
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.relay.id
}

resource "aws_route" "provider_to_third" {
  provider                  = aws.producer
  count                     = var.third_vpc ? 1 : 0
  route_table_id            = module.provider_subnets.route_table_id
  destination_cidr_block    = var.third_vpc_cidr
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.relay.id
}
