# Offline: mock providers apply the fixture and the assertions check the `harness` output against
# the contract's shape (the same patterns as harness/core/contract.ts) and the TLS wiring: the
# certificate and its validation record, the TLS listener, the private zone and its CNAME.

mock_provider "aws" {
  alias = "producer"

  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111", arn = "arn:aws:iam::111111111111:user/plh", user_id = "AIDAPRODUCER" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws", dns_suffix = "amazonaws.com" }
  }
  # The producer account sees zone ids in this order ...
  mock_data "aws_availability_zones" {
    defaults = { names = ["us-east-1a", "us-east-1b", "us-east-1c"], zone_ids = ["use1-az1", "use1-az2", "use1-az4"] }
  }
  mock_data "aws_ec2_instance_type_offerings" {
    defaults = { locations = ["use1-az1", "use1-az2", "use1-az4"] }
  }
  mock_data "aws_ssm_parameter" {
    defaults = { insecure_value = "ami-0123456789abcdef0", value = "ami-0123456789abcdef0" }
  }
  mock_data "aws_network_interface" {
    defaults = { private_ip = "10.0.0.4", availability_zone = "us-east-1a" }
  }
  mock_resource "aws_lb" {
    defaults = { arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/plh-3f9a2c-nlb/0123456789abcdef", arn_suffix = "net/plh-3f9a2c-nlb/0123456789abcdef" }
  }
  mock_resource "aws_lb_target_group" {
    defaults = { arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/plh-3f9a2c-p80/0123456789abcdef" }
  }
  mock_resource "aws_acm_certificate" {
    defaults = {
      arn = "arn:aws:acm:us-east-1:111111111111:certificate/01234567-89ab-cdef-0123-456789abcdef"
      domain_validation_options = [{
        domain_name           = "consumer-link.example.com"
        resource_record_name  = "_0123456789abcdef.consumer-link.example.com."
        resource_record_type  = "CNAME"
        resource_record_value = "_fedcba9876543210.abcdefghij.acm-validations.aws."
      }]
    }
  }
  mock_resource "aws_vpc_endpoint_service" {
    defaults = { service_name = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", state = "Available" }
  }
  mock_resource "aws_instance" {
    defaults = { id = "i-0aaaaaaaaaaaaaaa0", private_ip = "10.0.0.10" }
  }
  mock_resource "aws_vpc_endpoint" {
    defaults = { state = "available", dns_entry = [], network_interface_ids = [] }
  }
}

mock_provider "aws" {
  alias = "consumer"

  mock_data "aws_caller_identity" {
    defaults = { account_id = "222222222222", arn = "arn:aws:iam::222222222222:user/plh", user_id = "AIDACONSUMER" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws", dns_suffix = "amazonaws.com" }
  }
  # ... and the consumer account, as AWS does, under other names: use1-az1 is us-east-1c here.
  mock_data "aws_availability_zones" {
    defaults = { names = ["us-east-1a", "us-east-1b", "us-east-1c"], zone_ids = ["use1-az2", "use1-az4", "use1-az1"] }
  }
  mock_data "aws_ec2_instance_type_offerings" {
    defaults = { locations = ["use1-az1", "use1-az2", "use1-az4"] }
  }
  mock_data "aws_ssm_parameter" {
    defaults = { insecure_value = "ami-0123456789abcdef0", value = "ami-0123456789abcdef0" }
  }
  mock_data "aws_network_interface" {
    defaults = { private_ip = "10.0.0.5", availability_zone = "us-east-1a" }
  }
  mock_resource "aws_instance" {
    defaults = { id = "i-0bbbbbbbbbbbbbbb0", private_ip = "10.0.0.20" }
  }
  mock_resource "aws_vpc_endpoint" {
    defaults = {
      id    = "vpce-0123456789abcdef0"
      state = "available"
      dns_entry = [
        { dns_name = "vpce-0123456789abcdef0-4xyz5678.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" },
        { dns_name = "vpce-0123456789abcdef0-4xyz5678-us-east-1a.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" },
        { dns_name = "vpce-0123456789abcdef0-4xyz5678-us-east-1b.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" },
        { dns_name = "vpce-0123456789abcdef0-4xyz5678-us-east-1c.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" },
      ]
      network_interface_ids = ["eni-0aaaaaaaaaaaaaaa1", "eni-0aaaaaaaaaaaaaaa2", "eni-0aaaaaaaaaaaaaaa3"]
    }
  }
}

override_data {
  target = data.aws_network_interface.endpoint[0]
  values = { private_ip = "10.0.0.5", availability_zone = "us-east-1c" }
}

override_data {
  target = data.aws_network_interface.endpoint[1]
  values = { private_ip = "10.0.16.5", availability_zone = "us-east-1a" }
}

override_resource {
  target = module.consumer.module.instances.aws_instance.this[1]
  values = { id = "i-0bbbbbbbbbbbbbbb1", private_ip = "10.0.16.20" }
}

mock_provider "aws" {
  alias = "dns"

  mock_data "aws_route53_zone" {
    defaults = { zone_id = "Z0PUBLICZONE000000001", name = "example.com" }
  }
  mock_resource "aws_route53_record" {
    defaults = { fqdn = "_0123456789abcdef.consumer-link.example.com" }
  }
}

variables {
  run_id = "20261125T123300-3f9a2c"
}

run "defaults_meet_the_contract" {
  command = apply

  assert {
    condition     = output.harness.hostnames.tls == "consumer-link.example.com"
    error_message = "hostnames.tls is consumer-link.<zone>: ${jsonencode(output.harness.hostnames)}"
  }
  assert {
    condition     = output.harness.service.ports == tolist([80, 443]) && output.harness.service.region == "us-east-1" && output.harness.service.expected.status == 200
    error_message = "service ports: the plain listener, then the TLS one: ${jsonencode(output.harness.service)}"
  }
  assert {
    condition     = can(regex(output.harness.service.expected.body_pattern, "Hello from plh producer us-east-1a"))
    error_message = "body_pattern must match what the producer's user data answers"
  }
  assert {
    condition     = can(regex("^vpce-[0-9a-f]{8,17}$", output.harness.endpoints[0].id)) && output.harness.endpoints[0].regional_dns == "vpce-0123456789abcdef0-4xyz5678.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com"
    error_message = "endpoint: ${jsonencode(output.harness.endpoints)}"
  }
  assert {
    condition     = [for z in output.harness.endpoints[0].zonal : z.az] == ["us-east-1c", "us-east-1a"] && length(output.harness.endpoints[0].eni_ips) == 2
    error_message = "zonal names and ENIs per consumer AZ: ${jsonencode(output.harness.endpoints[0])}"
  }
  assert {
    condition     = length(output.harness.consumers) == 2 && alltrue([for c in output.harness.consumers : can(regex("^(i|mi)-[0-9a-f]{8,17}$", c.instance_id)) && c.account == "222222222222" && c.region == "us-east-1"])
    error_message = "consumers: ${jsonencode(output.harness.consumers)}"
  }

  # TLS
  assert {
    condition     = aws_acm_certificate.tls.domain_name == "consumer-link.example.com" && aws_acm_certificate.tls.validation_method == "DNS"
    error_message = "a DNS-validated certificate for the friendly name"
  }
  assert {
    condition     = aws_route53_record.tls_validation.zone_id == "Z0PUBLICZONE000000001" && aws_route53_record.tls_validation.name == "_0123456789abcdef.consumer-link.example.com." && aws_route53_record.tls_validation.type == "CNAME"
    error_message = "the validation record lands in the public zone found by name"
  }
  assert {
    condition     = aws_acm_certificate_validation.tls.validation_record_fqdns == toset(["_0123456789abcdef.consumer-link.example.com"])
    error_message = "the validation waits for that record"
  }
  assert {
    condition     = aws_lb_listener.tls.protocol == "TLS" && aws_lb_listener.tls.port == 443 && aws_lb_listener.tls.certificate_arn == aws_acm_certificate.tls.arn && aws_lb_listener.tls.ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06"
    error_message = "a TLS listener on 443 with the validated certificate"
  }
  assert {
    condition     = aws_lb_listener.tls.default_action[0].target_group_arn == module.producer.target_groups["80"].arn && module.producer.listeners["80"].protocol == "TCP"
    error_message = "TLS terminates at the NLB and forwards to the plain port's targets"
  }
  assert {
    condition     = aws_route53_zone.private.name == "example.com" && one(aws_route53_zone.private.vpc).vpc_id == aws_vpc.consumer.id
    error_message = "a private zone for the zone, in the consumer VPC"
  }
  assert {
    condition     = aws_route53_record.consumer_link.name == "consumer-link.example.com" && aws_route53_record.consumer_link.type == "CNAME" && aws_route53_record.consumer_link.records == toset([output.harness.endpoints[0].regional_dns])
    error_message = "consumer-link.<zone> is a CNAME to the endpoint's regional name"
  }
  assert {
    condition     = toset([for r in module.consumer.endpoint_ingress_rules : "${r.cidr_ipv4}:${r.from_port}"]) == toset(["10.0.0.0/16:80", "10.0.0.0/16:443"])
    error_message = "the endpoint admits the plain and the TLS port"
  }
  assert {
    condition     = aws_vpc_endpoint_service.service.acceptance_required == false && aws_vpc_endpoint_service.service.allowed_principals == toset(["arn:aws:iam::222222222222:root"])
    error_message = "acceptance off, the consumer account allowed, by default"
  }
  assert {
    condition     = local.tags["plh:run-id"] == "20261125T123300-3f9a2c" && local.tags["plh:fixture"] == "tls-via-cname"
    error_message = "default_tags carry plh:run-id and plh:fixture"
  }
}

run "given_zone_and_names" {
  command   = apply
  state_key = "named"

  variables {
    zone_name       = "plh.example.net"
    public_zone_id  = "Z0GIVENZONE0000000002"
    tls_record_name = "api"
    tls_port        = 8443
    listener_ports  = [8080]
  }

  assert {
    condition     = output.harness.hostnames.tls == "api.plh.example.net" && aws_acm_certificate.tls.domain_name == "api.plh.example.net"
    error_message = "the friendly name follows tls_record_name and zone_name"
  }
  assert {
    condition     = length(data.aws_route53_zone.public) == 0 && aws_route53_record.tls_validation.zone_id == "Z0GIVENZONE0000000002"
    error_message = "a given public_zone_id is used as is, without a lookup"
  }
  assert {
    condition     = output.harness.service.ports == tolist([8080, 8443]) && aws_lb_listener.tls.port == 8443 && aws_lb_listener.tls.default_action[0].target_group_arn == module.producer.target_groups["8080"].arn
    error_message = "the TLS port and its forward to the first plain port"
  }
}

run "rejects_tls_port_among_plain_ports" {
  command = plan

  variables {
    listener_ports = [80, 443]
  }

  expect_failures = [aws_vpc.producer]
}

run "rejects_bad_zone_name" {
  command = plan

  variables {
    zone_name       = "Example.COM."
    tls_record_name = "two.labels"
  }

  expect_failures = [var.zone_name, var.tls_record_name]
}
