# SSM in the producer account: endpoints in the provider VPC (optional, producer_ssm) for
# scenarios that act from the provider side, and the instance profile that the provider
# instances and the third VPC's instance share (IAM is global).

resource "aws_security_group" "provider_ssm" {
  provider    = aws.producer
  count       = var.producer_ssm ? 1 : 0
  name        = "${local.name}-provider-ssm"
  description = "plh SSM interface endpoints: HTTPS from the provider VPC"
  vpc_id      = aws_vpc.provider.id

  tags = { Name = "${local.name}-provider-ssm" }
}

resource "aws_vpc_security_group_ingress_rule" "provider_ssm" {
  provider          = aws.producer
  count             = var.producer_ssm ? 1 : 0
  security_group_id = aws_security_group.provider_ssm[0].id
  cidr_ipv4         = var.provider_cidr
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS from the provider VPC"
}

resource "aws_vpc_endpoint" "provider_ssm" {
  provider            = aws.producer
  for_each            = var.producer_ssm ? toset(["ssm", "ssmmessages", "ec2messages"]) : toset([])
  vpc_id              = aws_vpc.provider.id
  service_name        = "com.amazonaws.${var.provider_region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.provider[*].id
  security_group_ids  = [aws_security_group.provider_ssm[0].id]
  private_dns_enabled = true

  tags = { Name = "${local.name}-provider-${each.key}" }
}

resource "aws_iam_role" "producer" {
  provider = aws.producer
  count    = local.producer_iam ? 1 : 0
  name     = "${local.name}-producer-ssm"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "producer_ssm" {
  provider   = aws.producer
  count      = local.producer_iam ? 1 : 0
  role       = aws_iam_role.producer[0].name
  policy_arn = "arn:${data.aws_partition.producer.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "producer" {
  provider = aws.producer
  count    = local.producer_iam ? 1 : 0
  name     = "${local.name}-producer-ssm"
  role     = aws_iam_role.producer[0].name
}
