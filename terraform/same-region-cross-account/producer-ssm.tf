# SSM for the producer instances (optional, producer_ssm): scenarios that act from the provider
# side (the provider cannot reach the consumer; it sees the NLB's IP) run commands there.

resource "aws_security_group" "producer_ssm" {
  provider    = aws.producer
  count       = var.producer_ssm ? 1 : 0
  name        = "${local.name}-producer-ssm"
  description = "plh SSM interface endpoints: HTTPS from the producer VPC"
  vpc_id      = aws_vpc.producer.id

  tags = { Name = "${local.name}-producer-ssm" }
}

resource "aws_vpc_security_group_ingress_rule" "producer_ssm" {
  provider          = aws.producer
  count             = var.producer_ssm ? 1 : 0
  security_group_id = aws_security_group.producer_ssm[0].id
  cidr_ipv4         = var.producer_cidr
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS from the producer VPC"
}

resource "aws_vpc_endpoint" "producer_ssm" {
  provider            = aws.producer
  for_each            = var.producer_ssm ? toset(["ssm", "ssmmessages", "ec2messages"]) : toset([])
  vpc_id              = aws_vpc.producer.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.producer[*].id
  security_group_ids  = [aws_security_group.producer_ssm[0].id]
  private_dns_enabled = true

  tags = { Name = "${local.name}-producer-${each.key}" }
}

resource "aws_iam_role" "producer" {
  provider = aws.producer
  count    = var.producer_ssm ? 1 : 0
  name     = "${local.name}-producer-ssm"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "producer_ssm" {
  provider   = aws.producer
  count      = var.producer_ssm ? 1 : 0
  role       = aws_iam_role.producer[0].name
  policy_arn = "arn:${data.aws_partition.producer.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "producer" {
  provider = aws.producer
  count    = var.producer_ssm ? 1 : 0
  name     = "${local.name}-producer-ssm"
  role     = aws_iam_role.producer[0].name
}
