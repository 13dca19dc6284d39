# Offline: mock providers apply the fixture and the assertions check the `harness` output against
# the contract's shape (the same patterns as harness/core/contract.ts) and the key settings.
# Mock values are realistic where the contract checks them: ids, DNS names, addresses, zones.

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

variables {
  run_id = "20261125T123300-3f9a2c"
}

run "defaults_meet_the_contract" {
  command = apply

  # service
  assert {
    condition     = output.harness.service.name == "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0" && output.harness.service.region == "us-east-1"
    error_message = "service name and region: ${jsonencode(output.harness.service)}"
  }
  assert {
    condition     = output.harness.service.ports == tolist([80]) && output.harness.service.expected.status == 200
    error_message = "service ports and expected status: ${jsonencode(output.harness.service)}"
  }
  assert {
    condition     = can(regex(output.harness.service.expected.body_pattern, "Hello from plh producer us-east-1a"))
    error_message = "body_pattern must match what the producer's user data answers"
  }
  assert {
    condition     = length(output.harness.service.nlb_ips) == 2 && alltrue([for ip in output.harness.service.nlb_ips : can(cidrhost("${ip}/32", 0))])
    error_message = "nlb_ips: one IPv4 address per AZ: ${jsonencode(output.harness.service.nlb_ips)}"
  }

  # endpoints
  assert {
    condition     = length(output.harness.endpoints) == 1 && can(regex("^vpce-[0-9a-f]{8,17}$", output.harness.endpoints[0].id))
    error_message = "one endpoint with a vpce id: ${jsonencode(output.harness.endpoints)}"
  }
  assert {
    condition     = output.harness.endpoints[0].region == "us-east-1" && output.harness.endpoints[0].service_region == "us-east-1"
    error_message = "endpoint region and service_region are the fixture's region"
  }
  assert {
    condition     = output.harness.endpoints[0].regional_dns == "vpce-0123456789abcdef0-4xyz5678.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com"
    error_message = "regional_dns is the dns_entry without an AZ: ${jsonencode(output.harness.endpoints[0])}"
  }
  assert {
    condition     = [for z in output.harness.endpoints[0].zonal : z.az] == ["us-east-1c", "us-east-1a"] && alltrue([for z in output.harness.endpoints[0].zonal : strcontains(z.dns, "-${z.az}.")])
    error_message = "zonal: one name per consumer AZ, in zone-id order: ${jsonencode(output.harness.endpoints[0].zonal)}"
  }
  assert {
    condition     = output.harness.endpoints[0].eni_ips == [{ az = "us-east-1c", ip = "10.0.0.5" }, { az = "us-east-1a", ip = "10.0.16.5" }]
    error_message = "eni_ips: one per AZ from the endpoint's network interfaces: ${jsonencode(output.harness.endpoints[0].eni_ips)}"
  }
  assert {
    condition     = contains(["pendingAcceptance", "pending", "available", "rejected", "failed", "deleting", "deleted"], output.harness.endpoints[0].state)
    error_message = "endpoint state is one the contract knows"
  }

  # consumers and producers
  assert {
    condition     = length(output.harness.consumers) == 2 && alltrue([for c in output.harness.consumers : can(regex("^(i|mi)-[0-9a-f]{8,17}$", c.instance_id)) && c.region == "us-east-1" && can(regex("^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$", c.az)) && c.account == "222222222222"])
    error_message = "consumers: ${jsonencode(output.harness.consumers)}"
  }
  assert {
    condition     = [for c in output.harness.consumers : c.az] == ["us-east-1c", "us-east-1a"] && output.harness.consumers[1].instance_id == "i-0bbbbbbbbbbbbbbb1"
    error_message = "consumer AZs follow the producer's zone ids (use1-az1 is us-east-1c in the consumer account)"
  }
  assert {
    condition     = [for p in output.harness.producers : p.az] == ["us-east-1a", "us-east-1b"] && alltrue([for p in output.harness.producers : p.account == "111111111111"])
    error_message = "producers: ${jsonencode(output.harness.producers)}"
  }
  assert {
    condition     = output.harness.hostnames == {}
    error_message = "no extra hostnames in this fixture"
  }

  # key settings
  assert {
    condition     = aws_vpc_endpoint_service.service.acceptance_required == false
    error_message = "acceptance_required defaults to false"
  }
  assert {
    condition     = aws_vpc_endpoint_service.service.allowed_principals == toset(["arn:aws:iam::222222222222:root"])
    error_message = "allowed_principals defaults to the consumer account's root"
  }
  assert {
    condition     = module.producer.lb.internal && module.producer.lb.load_balancer_type == "network" && module.producer.lb.enable_cross_zone_load_balancing
    error_message = "an internal NLB with cross-zone load balancing on"
  }
  assert {
    condition     = toset(keys(module.producer.listeners)) == toset(["80"]) && module.producer.listeners["80"].protocol == "TCP" && module.producer.target_groups["80"].health_check[0].protocol == "HTTP"
    error_message = "a TCP listener on 80 with HTTP health checks"
  }
  assert {
    condition     = alltrue([for n in concat([module.producer.lb.name], [for tg in module.producer.target_groups : tg.name]) : length(n) <= 32]) && module.producer.lb.name == "plh-3f9a2c-nlb"
    error_message = "NLB and target group names fit in 32 characters and carry the run id's short part"
  }
  assert {
    condition     = aws_vpc_endpoint.service.vpc_endpoint_type == "Interface" && !aws_vpc_endpoint.service.private_dns_enabled
    error_message = "the service endpoint is an interface endpoint without private DNS"
  }
  assert {
    condition     = toset(keys(module.consumer.ssm.endpoints)) == toset(["ec2messages", "ssm", "ssmmessages"]) && alltrue([for e in module.consumer.ssm.endpoints : e.private_dns_enabled && e.service_name == "com.amazonaws.us-east-1.${split("-", e.tags["Name"])[3]}"])
    error_message = "the consumer VPC has the three SSM endpoints with private DNS"
  }
  assert {
    condition     = endswith(module.consumer.ssm.iam_role_policy_attachments[0].policy_arn, ":iam::aws:policy/AmazonSSMManagedInstanceCore")
    error_message = "consumers carry AmazonSSMManagedInstanceCore"
  }
  assert {
    condition     = alltrue([for i in module.consumer.instances : i.associate_public_ip_address == false && i.ami == "ami-0123456789abcdef0"])
    error_message = "consumers have no public address and run the AMI from the SSM parameter"
  }
  assert {
    condition     = [for r in module.consumer.endpoint_ingress_rules : r.cidr_ipv4] == ["10.0.0.0/16"]
    error_message = "the endpoint admits the consumer VPC by default"
  }

  # tags
  assert {
    condition     = local.tags["plh:run-id"] == "20261125T123300-3f9a2c" && local.tags["plh:fixture"] == "same-region-cross-account"
    error_message = "default_tags carry plh:run-id and plh:fixture: ${jsonencode(local.tags)}"
  }
  assert {
    condition     = aws_vpc_endpoint.service.tags["Name"] == "plh-3f9a2c-service" && aws_vpc.consumer.tags["Name"] == "plh-3f9a2c-consumer"
    error_message = "resource names carry the prefix and the run id's short part"
  }
}

run "acceptance_ports_and_principals" {
  command = apply
  # A state of its own: a fresh apply, not an update of the run above.
  state_key = "options"

  variables {
    az_count                  = 3
    listener_ports            = [80, 8443]
    acceptance_required       = true
    allowed_principals        = ["arn:aws:iam::333333333333:root"]
    cross_zone_load_balancing = false
    endpoint_ingress_cidrs    = ["10.9.0.0/24"]
    producer_ssm              = false
    name_scope                = "a1b2"
    tags                      = { team = "net", "plh:run-id" = "spoofed" }
  }

  # Overriding replaces every mocked value of the resource, not just the state.
  override_resource {
    target = aws_vpc_endpoint.service
    values = {
      id                    = "vpce-0fedcba9876543210"
      state                 = "pendingAcceptance"
      dns_entry             = [{ dns_name = "vpce-0fedcba9876543210-1abc2345.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" }]
      network_interface_ids = []
    }
  }

  assert {
    condition     = aws_vpc_endpoint_service.service.acceptance_required && output.harness.endpoints[0].state == "pendingAcceptance"
    error_message = "acceptance_required reaches the service; the endpoint's state passes through"
  }
  assert {
    condition     = output.harness.endpoints[0].eni_ips == [] && output.harness.endpoints[0].zonal == [] && output.harness.endpoints[0].regional_dns == "vpce-0fedcba9876543210-1abc2345.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com"
    error_message = "pending acceptance: no ENI lookups (the harness reads them after accepting), zonal names only where AWS lists them"
  }
  assert {
    condition     = aws_vpc_endpoint_service.service.allowed_principals == toset(["arn:aws:iam::333333333333:root"])
    error_message = "allowed_principals as given"
  }
  assert {
    condition     = output.harness.service.ports == tolist([80, 8443]) && toset(keys(module.producer.listeners)) == toset(["80", "8443"]) && length(module.producer.target_group_attachments) == 6
    error_message = "one listener and target group per port, every producer attached to each"
  }
  assert {
    condition     = !module.producer.lb.enable_cross_zone_load_balancing
    error_message = "cross_zone_load_balancing reaches the NLB"
  }
  assert {
    condition     = sort([for r in module.consumer.endpoint_ingress_rules : "${r.cidr_ipv4}:${r.from_port}"]) == tolist(["10.9.0.0/24:80", "10.9.0.0/24:8443"])
    error_message = "the endpoint admits exactly endpoint_ingress_cidrs on the listener ports"
  }
  assert {
    condition     = [for c in output.harness.consumers : c.az] == ["us-east-1c", "us-east-1a", "us-east-1b"] && length(module.consumer.subnets) == 3 && length(module.producer.lb.subnets) == 3
    error_message = "three AZs: three consumers, three endpoint subnets, three NLB subnets"
  }
  assert {
    condition     = output.harness.producers == [] && length(module.producer.ssm.endpoints) == 0 && length(module.producer.ssm.iam_instance_profiles) == 0
    error_message = "producer_ssm = false: no producer SSM endpoints, no producers in the output"
  }
  assert {
    condition     = local.tags["plh:run-id"] == "20261125T123300-3f9a2c" && local.tags["team"] == "net"
    error_message = "extra tags are added, but cannot replace plh:run-id"
  }
  assert {
    condition     = module.producer.lb.name == "plh-3f9a2c-a1b2-nlb" && local.tags["plh:scope"] == "a1b2" && module.consumer.ssm.iam_roles[0].name == "plh-3f9a2c-a1b2-consumer-ssm"
    error_message = "name_scope keeps scenarios of one run apart, in names and in the plh:scope tag"
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
    condition     = module.producer.lb.name == "abcdefghij-01234567-wxyz-nlb" && module.producer.target_groups["65535"].name == "abcdefghij-01234567-wxyz-p65535" && length(module.producer.target_groups["65535"].name) <= 32
    error_message = "the longest prefix, run tag and scope still fit AWS's 32-character NLB and target group names"
  }
}

run "rejects_bad_names" {
  command = plan

  variables {
    name_prefix = "Way_Too_Long_Prefix"
    run_id      = "-oops"
  }

  expect_failures = [var.name_prefix, var.run_id]
}

run "rejects_bad_ports_and_zones" {
  command = plan

  variables {
    listener_ports = []
    az_count       = 0
    consumer_cidr  = "10.0.0.0/28"
  }

  expect_failures = [var.listener_ports, var.az_count, var.consumer_cidr]
}
