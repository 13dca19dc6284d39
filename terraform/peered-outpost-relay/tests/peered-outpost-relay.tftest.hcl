# Offline: mock providers apply the fixture and the assertions check the `harness` output against
# the contract's shape (the same patterns as harness/core/contract.ts) and the relay's wiring:
# inter-region peering with an accepter, routes both ways, IP targets across the peering.

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
  mock_data "aws_ec2_instance_type_offerings" {
    defaults = { locations = ["use1-az1", "use1-az2", "use1-az4"] }
  }
  mock_data "aws_ssm_parameter" {
    defaults = { insecure_value = "ami-0123456789abcdef0", value = "ami-0123456789abcdef0" }
  }
  mock_resource "aws_instance" {
    defaults = { id = "i-0aaaaaaaaaaaaaaa0", private_ip = "10.0.0.10" }
  }
  mock_resource "aws_vpc_endpoint" {
    defaults = { state = "available", dns_entry = [], network_interface_ids = [] }
  }
  mock_resource "aws_vpc_peering_connection" {
    defaults = { id = "pcx-0123456789abcdef0", accept_status = "pending-acceptance" }
  }
}

mock_provider "aws" {
  alias = "outpost"

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
    defaults = { private_ip = "10.1.0.4", availability_zone = "eu-west-2a" }
  }
  mock_resource "aws_lb" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-2:111111111111:loadbalancer/net/plh-3f9a2c-relay/0123456789abcdef", arn_suffix = "net/plh-3f9a2c-relay/0123456789abcdef" }
  }
  mock_resource "aws_lb_target_group" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-2:111111111111:targetgroup/plh-3f9a2c-r80/0123456789abcdef" }
  }
  mock_resource "aws_vpc_endpoint_service" {
    defaults = { service_name = "com.amazonaws.vpce.eu-west-2.vpce-svc-0123456789abcdef0", state = "Available" }
  }
  mock_resource "aws_vpc_peering_connection_accepter" {
    defaults = { id = "pcx-0123456789abcdef0", accept_status = "active" }
  }
  mock_resource "aws_vpc_peering_connection" {
    defaults = { id = "pcx-0fedcba9876543210", accept_status = "active" }
  }
  mock_resource "aws_instance" {
    defaults = { id = "i-0ccccccccccccccc0", private_ip = "10.2.0.10" }
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
  # The consumer account names region B's zones differently: euw2-az2 is eu-west-2c here.
  mock_data "aws_availability_zones" {
    defaults = { names = ["eu-west-2a", "eu-west-2b", "eu-west-2c"], zone_ids = ["euw2-az1", "euw2-az3", "euw2-az2"] }
  }
  mock_data "aws_ec2_instance_type_offerings" {
    defaults = { locations = ["euw2-az1", "euw2-az2", "euw2-az3"] }
  }
  mock_data "aws_ssm_parameter" {
    defaults = { insecure_value = "ami-0fedcba9876543210", value = "ami-0fedcba9876543210" }
  }
  mock_data "aws_network_interface" {
    defaults = { private_ip = "10.0.0.5", availability_zone = "eu-west-2c" }
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
        { dns_name = "vpce-0123456789abcdef0-4xyz5678-eu-west-2b.vpce-svc-0123456789abcdef0.eu-west-2.vpce.amazonaws.com", hosted_zone_id = "ZOJJZC49E0EPZ" },
        { dns_name = "vpce-0123456789abcdef0-4xyz5678-eu-west-2c.vpce-svc-0123456789abcdef0.eu-west-2.vpce.amazonaws.com", hosted_zone_id = "ZOJJZC49E0EPZ" },
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
  target = module.provider_instances.aws_instance.this[1]
  values = { id = "i-0aaaaaaaaaaaaaaa1", private_ip = "10.0.16.10" }
}

variables {
  run_id = "20261125T123300-3f9a2c"
}

run "defaults_meet_the_contract" {
  command = apply

  assert {
    condition     = output.harness.service.name == "com.amazonaws.vpce.eu-west-2.vpce-svc-0123456789abcdef0" && output.harness.service.region == "eu-west-2" && output.harness.service.ports == tolist([80])
    error_message = "the service is the outpost's, in region B: ${jsonencode(output.harness.service)}"
  }
  assert {
    condition     = can(regex(output.harness.service.expected.body_pattern, "Hello from plh producer us-east-1a")) && output.harness.service.expected.status == 200
    error_message = "body_pattern must match what the provider's user data answers"
  }
  assert {
    condition     = length(output.harness.service.nlb_ips) == 2 && alltrue([for ip in output.harness.service.nlb_ips : can(cidrhost("${ip}/32", 0))])
    error_message = "nlb_ips: the outpost NLB's addresses: ${jsonencode(output.harness.service.nlb_ips)}"
  }
  assert {
    condition     = can(regex("^vpce-[0-9a-f]{8,17}$", output.harness.endpoints[0].id)) && output.harness.endpoints[0].region == "eu-west-2" && output.harness.endpoints[0].service_region == "eu-west-2"
    error_message = "a same-region endpoint in region B: ${jsonencode(output.harness.endpoints)}"
  }
  assert {
    condition     = output.harness.endpoints[0].regional_dns == "vpce-0123456789abcdef0-4xyz5678.vpce-svc-0123456789abcdef0.eu-west-2.vpce.amazonaws.com"
    error_message = "regional_dns is the dns_entry without an AZ"
  }
  assert {
    condition     = [for z in output.harness.endpoints[0].zonal : z.az] == ["eu-west-2c", "eu-west-2b"] && alltrue([for z in output.harness.endpoints[0].zonal : strcontains(z.dns, "-${z.az}.")])
    error_message = "zonal names follow the outpost's zone ids in the consumer's names: ${jsonencode(output.harness.endpoints[0].zonal)}"
  }
  assert {
    condition     = output.harness.endpoints[0].eni_ips == [{ az = "eu-west-2c", ip = "10.0.0.5" }, { az = "eu-west-2b", ip = "10.0.16.5" }]
    error_message = "eni_ips: ${jsonencode(output.harness.endpoints[0].eni_ips)}"
  }
  assert {
    condition     = [for c in output.harness.consumers : c.az] == ["eu-west-2c", "eu-west-2b"] && alltrue([for c in output.harness.consumers : can(regex("^(i|mi)-[0-9a-f]{8,17}$", c.instance_id)) && c.region == "eu-west-2" && c.account == "222222222222"])
    error_message = "consumers in region B: ${jsonencode(output.harness.consumers)}"
  }
  assert {
    condition     = [for p in output.harness.producers : p.az] == ["us-east-1a", "us-east-1b"] && alltrue([for p in output.harness.producers : p.region == "us-east-1" && p.account == "111111111111"])
    error_message = "producers are the provider instances in region A: ${jsonencode(output.harness.producers)}"
  }
  assert {
    condition     = output.harness.bystanders == [] && length(aws_vpc.third) == 0
    error_message = "no third VPC by default"
  }

  # the relay
  assert {
    condition     = aws_vpc_peering_connection.relay.peer_region == "eu-west-2" && aws_vpc_peering_connection.relay.auto_accept != true && aws_vpc_peering_connection_accepter.relay.auto_accept
    error_message = "an inter-region peering request, accepted by the accepter in region B"
  }
  assert {
    condition     = aws_route.provider_to_outpost.destination_cidr_block == "10.1.0.0/16" && aws_route.outpost_to_provider.destination_cidr_block == "10.0.0.0/16" && aws_route.outpost_to_provider.vpc_peering_connection_id == aws_vpc_peering_connection_accepter.relay.id
    error_message = "routes both ways through the accepted peering"
  }
  assert {
    condition     = module.outpost.target_groups["80"].target_type == "ip" && alltrue([for a in aws_lb_target_group_attachment.relay : a.availability_zone == "all"])
    error_message = "IP targets registered for all zones (they are outside the outpost VPC)"
  }
  assert {
    condition     = toset([for a in aws_lb_target_group_attachment.relay : a.target_id]) == toset(["10.0.0.10", "10.0.16.10"])
    error_message = "the targets are the provider instances' private IPs"
  }
  assert {
    condition     = toset([for r in aws_vpc_security_group_ingress_rule.provider_service : r.cidr_ipv4]) == toset(["10.1.0.0/16"])
    error_message = "the provider admits the outpost VPC (the NLB's IPs)"
  }
  assert {
    condition     = aws_vpc_endpoint_service.relay.acceptance_required == false && aws_vpc_endpoint_service.relay.allowed_principals == toset(["arn:aws:iam::222222222222:root"])
    error_message = "acceptance off, the consumer account allowed, by default"
  }
  assert {
    condition     = module.outpost.lb.internal && length(module.outpost.lb.name) <= 32 && alltrue([for tg in module.outpost.target_groups : length(tg.name) <= 32])
    error_message = "an internal NLB; names fit AWS limits"
  }
  assert {
    condition     = local.tags["plh:run-id"] == "20261125T123300-3f9a2c" && local.tags["plh:fixture"] == "peered-outpost-relay"
    error_message = "default_tags carry plh:run-id and plh:fixture"
  }
}

run "third_vpc_for_non_transitivity" {
  command   = apply
  state_key = "third"

  variables {
    third_vpc      = true
    producer_ssm   = false
    listener_ports = [80, 8080]
  }

  assert {
    condition     = length(output.harness.bystanders) == 1 && output.harness.bystanders[0].instance_id == "i-0ccccccccccccccc0" && output.harness.bystanders[0].region == "eu-west-2" && output.harness.bystanders[0].az == "eu-west-2a" && output.harness.bystanders[0].account == "111111111111"
    error_message = "the third VPC's instance is the one bystander, in the contract's instance shape: ${jsonencode(output.harness.bystanders)}"
  }
  assert {
    condition     = aws_vpc_peering_connection.third[0].peer_vpc_id == aws_vpc.outpost.id && aws_vpc_peering_connection.third[0].auto_accept
    error_message = "the third VPC peers with the outpost only"
  }
  assert {
    condition     = aws_route.third_to_provider[0].destination_cidr_block == "10.0.0.0/16" && aws_route.provider_to_third[0].destination_cidr_block == "10.2.0.0/16"
    error_message = "routes that a transitive peering would need are in place (and still will not work)"
  }
  assert {
    condition     = toset([for r in aws_vpc_security_group_ingress_rule.provider_service : "${r.cidr_ipv4}:${r.from_port}"]) == toset(["10.1.0.0/16:80", "10.1.0.0/16:8080", "10.2.0.0/16:80", "10.2.0.0/16:8080"])
    error_message = "the provider admits the third VPC too, so that only non-transitivity stops it"
  }
  assert {
    condition     = length(module.provider_ssm.iam_instance_profiles) == 1 && length(module.provider_ssm.endpoints) == 0 && output.harness.producers == []
    error_message = "producer_ssm off: no SSM in the provider VPC, but the third VPC's instance still gets a profile"
  }
  assert {
    condition     = length(aws_lb_target_group_attachment.relay) == 4
    error_message = "every provider instance on every port"
  }
}

run "longest_names_fit" {
  command = plan

  variables {
    name_prefix    = "abcdefghij"
    run_id         = "20261125T123300-0123456789abcdef"
    name_scope     = "wxyz"
    listener_ports = [65535]
  }

  assert {
    condition     = length(module.outpost.lb.name) <= 32 && module.outpost.target_groups["65535"].name == "abcdefghij-01234567-wxyz-r65535" && length(module.outpost.target_groups["65535"].name) <= 32
    error_message = "the longest prefix, run tag and scope still fit AWS's 32-character NLB and target group names"
  }
}

run "rejects_same_region" {
  command = plan

  variables {
    consumer_region = "us-east-1"
  }

  expect_failures = [aws_vpc.provider]
}
