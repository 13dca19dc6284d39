# The TLS listener: a public ACM certificate for <tls_record_name>.<zone_name>, validated through
# a record in the public zone, on a listener that forwards to the first plain port's target
# group. The certificate names the friendly name only, never the vpce names.

data "aws_route53_zone" "public" {
  provider     = aws.dns
  count        = var.public_zone_id == null ? 1 : 0
  name         = var.zone_name
  private_zone = false
}

locals {
  public_zone_id = var.public_zone_id != null ? var.public_zone_id : data.aws_route53_zone.public[0].zone_id
}

resource "aws_acm_certificate" "tls" {
  provider          = aws.producer
  domain_name       = local.tls_hostname
  validation_method = "DNS"

  tags = { Name = "${local.name}-tls" }

  lifecycle {
    create_before_destroy = true
  }
}

# One name, one validation record (no for_each over domain_validation_options: its keys are
# unknown until the certificate exists).
resource "aws_route53_record" "tls_validation" {
  provider        = aws.dns
  zone_id         = local.public_zone_id
  name            = tolist(aws_acm_certificate.tls.domain_validation_options)[0].resource_record_name
  type            = tolist(aws_acm_certificate.tls.domain_validation_options)[0].resource_record_type
  records         = [tolist(aws_acm_certificate.tls.domain_validation_options)[0].resource_record_value]
  ttl             = 60
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "tls" {
  provider                = aws.producer
  certificate_arn         = aws_acm_certificate.tls.arn
  validation_record_fqdns = [aws_route53_record.tls_validation.fqdn]

  timeouts {
    create = "30m"
  }
}

resource "aws_lb_listener" "tls" {
  provider          = aws.producer
  load_balancer_arn = module.producer.lb.arn
  port              = var.tls_port
  protocol          = "TLS"
  certificate_arn   = aws_acm_certificate_validation.tls.certificate_arn
  ssl_policy        = var.tls_ssl_policy

  default_action {
    type             = "forward"
    target_group_arn = module.producer.target_groups[tostring(var.listener_ports[0])].arn
  }

  tags = { Name = "${local.name}-tls" }
}
