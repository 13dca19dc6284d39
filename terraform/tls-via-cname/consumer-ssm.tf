# How the harness reaches the consumers without an internet path: SSM interface endpoints with
# private DNS in the consumer VPC, and an instance profile with AmazonSSMManagedInstanceCore.

resource "aws_security_group" "consumer_ssm" {
  provider    = aws.consumer
  name        = "${local.name}-consumer-ssm"
  description = "plh SSM interface endpoints: HTTPS from the consumer VPC"
  vpc_id      = aws_vpc.consumer.id

  tags = { Name = "${local.name}-consumer-ssm" }
}

resource "aws_vpc_security_group_ingress_rule" "consumer_ssm" {
  provider          = aws.consumer
  security_group_id = aws_security_group.consumer_ssm.id
  cidr_ipv4         = var.consumer_cidr
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS from the consumer VPC"
}

resource "aws_vpc_endpoint" "consumer_ssm" {
  provider            = aws.consumer
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.consumer.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.consumer[*].id
  security_group_ids  = [aws_security_group.consumer_ssm.id]
  private_dns_enabled = true

  tags = { Name = "${local.name}-consumer-${each.key}" }
}

resource "aws_iam_role" "consumer" {
  provider = aws.consumer
  name     = "${local.name}-consumer-ssm"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "consumer_ssm" {
  provider   = aws.consumer
  role       = aws_iam_role.consumer.name
  policy_arn = "arn:${data.aws_partition.consumer.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "consumer" {
  provider = aws.consumer
  name     = "${local.name}-consumer-ssm"
  role     = aws_iam_role.consumer.name
}
