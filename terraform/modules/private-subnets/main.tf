# One private subnet per AZ in a VPC the fixture owns (subnet i is cidrsubnet(cidr, 4, i): a /20 of
# a /16), and one route table for them all with only the implicit local route. Whatever else the
# VPC routes (a peering), the fixture adds to route_table_id.

terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

resource "aws_subnet" "this" {
  count             = length(var.azs)
  vpc_id            = var.vpc_id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.cidr, 4, count.index)

  tags = { Name = "${var.name}-${var.azs[count.index]}" }
}

resource "aws_route_table" "this" {
  vpc_id = var.vpc_id

  tags = { Name = var.name }
}

resource "aws_route_table_association" "this" {
  count          = length(aws_subnet.this)
  subnet_id      = aws_subnet.this[count.index].id
  route_table_id = aws_route_table.this.id
}
