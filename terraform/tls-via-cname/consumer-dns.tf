# The friendly name inside the consumer VPC: a private zone named like the public one, where
# <tls_record_name> is a CNAME to the endpoint's regional DNS name.

resource "aws_route53_zone" "private" {
  provider      = aws.consumer
  name          = var.zone_name
  comment       = "plh ${var.run_id}: ${local.tls_hostname} to the interface endpoint"
  force_destroy = true

  vpc {
    vpc_id = aws_vpc.consumer.id
  }

  tags = { Name = "${local.name}-private" }
}

resource "aws_route53_record" "consumer_link" {
  provider = aws.consumer
  zone_id  = aws_route53_zone.private.zone_id
  name     = local.tls_hostname
  type     = "CNAME"
  ttl      = 60
  records  = [local.endpoint_regional_dns]
}
