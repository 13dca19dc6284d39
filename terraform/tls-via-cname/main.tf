# TLS through PrivateLink under a friendly name. The same-region cross-account topology, plus: a
# TLS listener on the NLB with a public ACM certificate for `consumer-link.<zone>` (tls.tf), and
# in the consumer VPC a private zone where that name is a CNAME to the endpoint's regional name
# (consumer-dns.tf). HTTPS to the friendly name verifies; HTTPS to the raw vpce name fails on the
# name, which is what broke when a service started redirecting HTTP to HTTPS.

locals {
  fixture = "tls-via-cname"
  # The short random part of the run id (`20261125T123300-3f9a2c` → `3f9a2c`), and the scenario's
  # scope if any, keep names unique and short enough for the 32-character NLB and target group
  # limit (at most 10 + 1 + 8 + 1 + 4 + `-p65535`: 31).
  run_tag = substr(replace(lower(element(split("-", var.run_id), length(split("-", var.run_id)) - 1)), "/[^a-z0-9]/", ""), 0, 8)
  name    = var.name_scope == "" ? "${var.name_prefix}-${local.run_tag}" : "${var.name_prefix}-${local.run_tag}-${var.name_scope}"
  tags    = merge(var.tags, { "plh:run-id" = var.run_id, "plh:fixture" = local.fixture }, var.name_scope == "" ? {} : { "plh:scope" = var.name_scope })

  # Every port the endpoint must pass: the plain listeners and the TLS one.
  service_ports = concat(var.listener_ports, contains(var.listener_ports, var.tls_port) ? [] : [var.tls_port])
  tls_hostname  = "${var.tls_record_name}.${var.zone_name}"
  # The public zone's account: its own credentials if any are given, else the producer's.
  dns_own_credentials = var.dns_profile != null || var.dns_role_arn != null

  producer_account_id = data.aws_caller_identity.producer.account_id
  consumer_account_id = data.aws_caller_identity.consumer.account_id
  allowed_principals  = length(var.allowed_principals) > 0 ? var.allowed_principals : ["arn:${data.aws_partition.consumer.partition}:iam::${local.consumer_account_id}:root"]
}

data "aws_caller_identity" "producer" {
  provider = aws.producer
}

data "aws_caller_identity" "consumer" {
  provider = aws.consumer
}

data "aws_partition" "producer" {
  provider = aws.producer
}

data "aws_partition" "consumer" {
  provider = aws.consumer
}

# --- Availability zones -------------------------------------------------------------------------
# AZ names are shuffled per account (us-east-1a in A need not be us-east-1a in B); zone ids are
# not. Zones are chosen by id, among those where both accounts can run instance_type, so that the
# endpoint's subnets sit in the zones the NLB serves (which matters with cross-zone load
# balancing off).

module "producer_zones" {
  source        = "../modules/zones"
  providers     = { aws = aws.producer }
  instance_type = var.instance_type
}

module "consumer_zones" {
  source        = "../modules/zones"
  providers     = { aws = aws.consumer }
  instance_type = var.instance_type
}

locals {
  usable_zone_ids = [for id in module.producer_zones.usable_zone_ids : id if contains(module.consumer_zones.usable_zone_ids, id)]
  zone_ids        = slice(local.usable_zone_ids, 0, min(var.az_count, length(local.usable_zone_ids)))
  producer_azs    = [for id in local.zone_ids : module.producer_zones.name_by_zone_id[id]]
  consumer_azs    = [for id in local.zone_ids : module.consumer_zones.name_by_zone_id[id]]
}

# Account ids are inputs of the local target; on AWS the credentials decide. A mismatch is worth a
# warning (the harness maps an account to credentials), not a failed apply.
check "account_ids" {
  assert {
    condition     = var.producer_account_id == null || var.producer_account_id == local.producer_account_id
    error_message = "producer_account_id is ${coalesce(var.producer_account_id, "null")} but the producer credentials belong to ${local.producer_account_id}; set it to null or to that account."
  }

  assert {
    condition     = var.consumer_account_id == null || var.consumer_account_id == local.consumer_account_id
    error_message = "consumer_account_id is ${coalesce(var.consumer_account_id, "null")} but the consumer credentials belong to ${local.consumer_account_id}; set it to null or to that account."
  }
}
