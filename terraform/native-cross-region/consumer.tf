# The consumer side, in consumer_region: the consumer VPC with no internet path, the cross-region
# interface endpoint, and one consumer instance per AZ that the harness drives through SSM.

resource "aws_vpc" "consumer" {
  provider             = aws.consumer
  cidr_block           = var.consumer_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "${local.name}-consumer" }

  lifecycle {
    precondition {
      condition     = length(local.consumer_zone_ids) == var.az_count
      error_message = "az_count is ${var.az_count} but only ${length(local.consumer_usable_zone_ids)} zones offer ${var.instance_type} to the consumer in ${var.consumer_region}."
    }
  }
}

resource "aws_subnet" "consumer" {
  provider          = aws.consumer
  count             = length(local.consumer_azs)
  vpc_id            = aws_vpc.consumer.id
  availability_zone = local.consumer_azs[count.index]
  cidr_block        = cidrsubnet(var.consumer_cidr, 4, count.index)

  tags = { Name = "${local.name}-consumer-${local.consumer_azs[count.index]}" }
}

# Only the implicit local route: everything the consumers reach, they reach through endpoints.
resource "aws_route_table" "consumer" {
  provider = aws.consumer
  vpc_id   = aws_vpc.consumer.id

  tags = { Name = "${local.name}-consumer" }
}

resource "aws_route_table_association" "consumer" {
  provider       = aws.consumer
  count          = length(aws_subnet.consumer)
  subnet_id      = aws_subnet.consumer[count.index].id
  route_table_id = aws_route_table.consumer.id
}

# The endpoint's ENIs admit the listener ports from endpoint_ingress_cidrs only.
resource "aws_security_group" "endpoint" {
  provider    = aws.consumer
  name        = "${local.name}-endpoint"
  description = "plh interface endpoint: listener ports from the admitted CIDRs"
  vpc_id      = aws_vpc.consumer.id

  tags = { Name = "${local.name}-endpoint" }
}

resource "aws_vpc_security_group_ingress_rule" "endpoint" {
  provider = aws.consumer
  for_each = {
    for pair in setproduct(keys(local.listener_ports), length(var.endpoint_ingress_cidrs) > 0 ? var.endpoint_ingress_cidrs : [var.consumer_cidr]) :
    "${pair[0]}-${pair[1]}" => { port = local.listener_ports[pair[0]], cidr = pair[1] }
  }
  security_group_id = aws_security_group.endpoint.id
  cidr_ipv4         = each.value.cidr
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  description       = "listener port ${each.value.port}"
}

resource "aws_security_group" "consumer" {
  provider    = aws.consumer
  name        = "${local.name}-consumer"
  description = "plh consumer instances: no ingress"
  vpc_id      = aws_vpc.consumer.id

  tags = { Name = "${local.name}-consumer" }
}

resource "aws_vpc_security_group_egress_rule" "consumer" {
  provider          = aws.consumer
  security_group_id = aws_security_group.consumer.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "anything the VPC routes (endpoints only)"
}

data "aws_ssm_parameter" "consumer_ami" {
  provider = aws.consumer
  name     = var.ami_ssm_parameter
}

resource "aws_instance" "consumer" {
  provider                    = aws.consumer
  count                       = length(aws_subnet.consumer)
  ami                         = data.aws_ssm_parameter.consumer_ami.insecure_value
  instance_type               = var.instance_type
  subnet_id                   = aws_subnet.consumer[count.index].id
  vpc_security_group_ids      = [aws_security_group.consumer.id]
  associate_public_ip_address = false
  iam_instance_profile        = aws_iam_instance_profile.consumer.name

  metadata_options {
    http_tokens = "required"
  }

  tags = { Name = "${local.name}-consumer-${local.consumer_azs[count.index]}" }

  depends_on = [aws_vpc_endpoint.consumer_ssm, aws_iam_role_policy_attachment.consumer_ssm]
}

resource "aws_vpc_endpoint" "service" {
  provider            = aws.consumer
  vpc_id              = aws_vpc.consumer.id
  service_name        = aws_vpc_endpoint_service.service.service_name
  service_region      = var.service_region
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.consumer[*].id
  security_group_ids  = [aws_security_group.endpoint.id]
  private_dns_enabled = false

  tags = { Name = "${local.name}-service" }
}

# One ENI per endpoint subnet: the addresses the regional and zonal names resolve to. Not read
# while the connection waits for acceptance (AWS does not promise the ENIs exist then): eni_ips
# stays empty and the harness reads them from EC2 once it has accepted the connection.
data "aws_network_interface" "endpoint" {
  provider = aws.consumer
  count    = var.acceptance_required ? 0 : length(local.consumer_azs)
  id       = sort(aws_vpc_endpoint.service.network_interface_ids)[count.index]
}
