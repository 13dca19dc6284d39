# Offline: mock providers apply the fixture and the assertions check the `harness` output against
# the contract's shape (the same patterns as harness/core/contract.ts) and the cross-region
# settings: supported_regions on the service, service_region on the endpoint.

mock_provider "aws" {
  alias = "producer"

  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111", arn = "arn:aws:iam::111111111111:user/plh", user_id = "AIDAPRODUCER" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws", dns_suffix = "amazonaws.com" }
  }
  mock_data "aws_availability_zones" {
    defaults = { names = ["us-east-1a", "us-east-1b", "us-east-1c"], zone_ids = ["use1-az1", "use1-az2", "use1-az4"] }
  }
  # use1-az2 cannot run the instance type: the producer skips us-east-1b.
  mock_data "aws_ec2_instance_type_offerings" {
    defaults = { locations = ["use1-az1", "use1-az4"] }
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
  mock_data "aws_availability_zones" {
    defaults = { names = ["eu-west-2a", "eu-west-2b", "eu-west-2c"], zone_ids = ["euw2-az2", "euw2-az3", "euw2-az1"] }
  }
  mock_data "aws_ec2_instance_type_offerings" {
    defaults = { locations = ["euw2-az1", "euw2-az2", "euw2-az3"] }
  }
  mock_data "aws_ssm_parameter" {
    defaults = { insecure_value = "ami-0fedcba9876543210", value = "ami-0fedcba9876543210" }
  }
  mock_data "aws_network_interface" {
    defaults = { private_ip = "10.0.0.5", availability_zone = "eu-west-2a" }
  }
  mock_resource "aws_instance" {
    defaults = { id = "i-0bbbbbbbbbbbbbbb0", private_ip = "10.0.0.20" }
  }
  mock_resource "aws_vpc_endpoint" {
    defaults = {
      id    = "vpce-0123456789abcdef0"
      state = "available"
      dns_entry = [
        { dns_name = "vpce-0123456789abcdef0-4xyz5678.vpce-svc-0123456789abcdef0.eu-west-2.vpce.amazonaws.com", hosted_zone_id = "ZOJJZC49E0EPZ" },
        { dns_name = "vpce-0123456789abcdef0-4xyz5678-eu-west-2a.vpce-svc-0123456789abcdef0.eu-west-2.vpce.amazonaws.com", hosted_zone_id = "ZOJJZC49E0EPZ" },
        { dns_name = "vpce-0123456789abcdef0-4xyz5678-eu-west-2b.vpce-svc-0123456789abcdef0.eu-west-2.vpce.amazonaws.com", hosted_zone_id = "ZOJJZC49E0EPZ" },
      ]
      network_interface_ids = ["eni-0aaaaaaaaaaaaaaa1", "eni-0aaaaaaaaaaaaaaa2"]
    }
  }
}

override_data {
  target = data.aws_network_interface.endpoint[1]
  values = { private_ip = "10.0.16.5", availability_zone = "eu-west-2b" }
}

override_resource {
  target = module.consumer.module.instances.aws_instance.this[1]
  values = { id = "i-0bbbbbbbbbbbbbbb1", private_ip = "10.0.16.20" }
}

variables {
  run_id = "20261125T123300-3f9a2c"
}

run "defaults_meet_the_contract" {
  command = apply

  assert {
    condition     = output.harness.service.region == "us-east-1" && output.harness.service.ports == tolist([80]) && output.harness.service.expected.status == 200
    error_message = "service: ${jsonencode(output.harness.service)}"
  }
  assert {
    condition     = can(regex(output.harness.service.expected.body_pattern, "Hello from plh producer us-east-1c"))
    error_message = "body_pattern must match what the producer's user data answers"
  }
  assert {
    condition     = length(output.harness.endpoints) == 1 && can(regex("^vpce-[0-9a-f]{8,17}$", output.harness.endpoints[0].id))
    error_message = "one endpoint with a vpce id: ${jsonencode(output.harness.endpoints)}"
  }
  assert {
    condition     = output.harness.endpoints[0].region == "eu-west-2" && output.harness.endpoints[0].service_region == "us-east-1"
    error_message = "the endpoint lives in consumer_region and names service_region"
  }
  assert {
    condition     = output.harness.endpoints[0].regional_dns == "vpce-0123456789abcdef0-4xyz5678.vpce-svc-0123456789abcdef0.eu-west-2.vpce.amazonaws.com"
    error_message = "regional_dns is the dns_entry without an AZ: ${jsonencode(output.harness.endpoints[0])}"
  }
  assert {
    condition     = [for z in output.harness.endpoints[0].zonal : z.az] == ["eu-west-2a", "eu-west-2b"] && alltrue([for z in output.harness.endpoints[0].zonal : strcontains(z.dns, "-${z.az}.")])
    error_message = "zonal: one consumer-region name per AZ: ${jsonencode(output.harness.endpoints[0].zonal)}"
  }
  assert {
    condition     = length(output.harness.endpoints[0].eni_ips) == 2 && alltrue([for e in output.harness.endpoints[0].eni_ips : can(cidrhost("${e.ip}/32", 0)) && startswith(e.az, "eu-west-2")])
    error_message = "eni_ips: ${jsonencode(output.harness.endpoints[0].eni_ips)}"
  }
  assert {
    condition     = contains(["pendingAcceptance", "pending", "available", "rejected", "failed", "deleting", "deleted"], output.harness.endpoints[0].state)
    error_message = "endpoint state is one the contract knows"
  }
  assert {
    condition     = [for c in output.harness.consumers : c.az] == ["eu-west-2a", "eu-west-2b"] && alltrue([for c in output.harness.consumers : can(regex("^(i|mi)-[0-9a-f]{8,17}$", c.instance_id)) && c.region == "eu-west-2" && c.account == "222222222222"])
    error_message = "consumers in consumer_region's first zones: ${jsonencode(output.harness.consumers)}"
  }
  assert {
    condition     = [for p in output.harness.producers : p.az] == ["us-east-1a", "us-east-1c"] && alltrue([for p in output.harness.producers : p.region == "us-east-1"])
    error_message = "producers in service_region, zones that offer the instance type: ${jsonencode(output.harness.producers)}"
  }

  # cross-region settings
  assert {
    condition     = aws_vpc_endpoint_service.service.supported_regions == toset(["us-east-1", "eu-west-2"])
    error_message = "supported_regions lists the service's region and consumer_region"
  }
  assert {
    condition     = aws_vpc_endpoint.service.service_region == "us-east-1" && aws_vpc_endpoint.service.vpc_endpoint_type == "Interface"
    error_message = "the endpoint names the service's region"
  }
  assert {
    condition     = alltrue([for e in module.consumer.ssm.endpoints : startswith(e.service_name, "com.amazonaws.eu-west-2.")]) && alltrue([for e in module.producer.ssm.endpoints : startswith(e.service_name, "com.amazonaws.us-east-1.")])
    error_message = "SSM endpoints are those of each side's own region"
  }
  assert {
    condition     = aws_vpc_endpoint_service.service.acceptance_required == false && aws_vpc_endpoint_service.service.allowed_principals == toset(["arn:aws:iam::222222222222:root"])
    error_message = "acceptance off, the consumer account allowed, by default"
  }
  assert {
    condition     = length(module.producer.lb.subnets) == 2 && module.producer.lb.internal && length(module.producer.lb.name) <= 32
    error_message = "an internal NLB in two AZs"
  }
  assert {
    condition     = local.tags["plh:run-id"] == "20261125T123300-3f9a2c" && local.tags["plh:fixture"] == "native-cross-region"
    error_message = "default_tags carry plh:run-id and plh:fixture"
  }
}

run "three_zones_and_acceptance" {
  command   = apply
  state_key = "options"

  variables {
    az_count            = 3
    acceptance_required = true
    listener_ports      = [80, 443]
  }

  override_data {
    target = module.producer_zones.data.aws_ec2_instance_type_offerings.this
    values = { locations = ["use1-az1", "use1-az2", "use1-az4"] }
  }

  assert {
    condition     = aws_vpc_endpoint_service.service.acceptance_required && length(output.harness.endpoints[0].eni_ips) == 0
    error_message = "acceptance_required reaches the service; ENIs are read after acceptance"
  }
  assert {
    condition     = length(output.harness.consumers) == 3 && length(output.harness.producers) == 3 && output.harness.service.ports == tolist([80, 443])
    error_message = "three zones on each side; both listener ports"
  }
}

run "rejects_one_zone" {
  command = plan

  variables {
    az_count = 1
  }

  expect_failures = [var.az_count]
}

run "rejects_same_region" {
  command = plan

  variables {
    consumer_region = "us-east-1"
  }

  expect_failures = [aws_vpc.producer]
}

run "consumer_region_not_supported" {
  command = plan

  variables {
    support_consumer_region = false
  }

  assert {
    condition     = aws_vpc_endpoint_service.service.supported_regions == toset(["us-east-1"])
    error_message = "with support_consumer_region = false the service lists only its own region, so the endpoint cannot be created"
  }
}
