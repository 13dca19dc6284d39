# The pre-2024 inter-region workaround: the service runs in a provider VPC in region A; an
# "outpost" VPC in region B, peered with it, holds an NLB whose IP targets are the provider
# instances across the peering, and the endpoint service; consumers in region B reach it through an
# ordinary same-region interface endpoint. provider.tf builds region A, outpost.tf and peering.tf
# the relay, consumer.tf the consumer account, third-vpc.tf the optional non-transitivity witness,
# outputs.tf the `harness` contract.

locals {
  fixture = "peered-outpost-relay"
  # The short random part of the run id (`20261125T123300-3f9a2c` → `3f9a2c`), and the scenario's
  # scope if any, keep names unique and short enough for the 32-character NLB and target group
  # limit (at most 10 + 1 + 8 + 1 + 4 + `-p65535`: 31).
  run_tag = substr(replace(lower(element(split("-", var.run_id), length(split("-", var.run_id)) - 1)), "/[^a-z0-9]/", ""), 0, 8)
  name    = var.name_scope == "" ? "${var.name_prefix}-${local.run_tag}" : "${var.name_prefix}-${local.run_tag}-${var.name_scope}"
  tags    = merge(var.tags, { "plh:run-id" = var.run_id, "plh:fixture" = local.fixture }, var.name_scope == "" ? {} : { "plh:scope" = var.name_scope })

  listener_ports = { for p in var.listener_ports : tostring(p) => p }

  producer_account_id = data.aws_caller_identity.producer.account_id
  consumer_account_id = data.aws_caller_identity.consumer.account_id
  allowed_principals  = length(var.allowed_principals) > 0 ? var.allowed_principals : ["arn:${data.aws_partition.consumer.partition}:iam::${local.consumer_account_id}:root"]

  # One IAM role in the producer account serves every SSM-managed instance it owns.
  producer_iam = var.producer_ssm || var.third_vpc
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
# Region A: the first az_count zones that offer instance_type. Region B: zones are chosen by id
# (AZ names are shuffled per account, zone ids are not) among those the consumer can run
# instance_type in, so that the endpoint's subnets sit in the zones the outpost NLB serves.

module "provider_zones" {
  source        = "../modules/zones"
  providers     = { aws = aws.producer }
  instance_type = var.instance_type
}

module "outpost_zones" {
  source        = "../modules/zones"
  providers     = { aws = aws.outpost }
  instance_type = var.instance_type
}

module "consumer_zones" {
  source        = "../modules/zones"
  providers     = { aws = aws.consumer }
  instance_type = var.instance_type
}

locals {
  provider_usable_zone_ids = module.provider_zones.usable_zone_ids
  provider_zone_ids        = slice(local.provider_usable_zone_ids, 0, min(var.az_count, length(local.provider_usable_zone_ids)))
  provider_azs             = [for id in local.provider_zone_ids : module.provider_zones.name_by_zone_id[id]]

  region_b_usable_zone_ids = [for id in module.outpost_zones.zone_ids : id if contains(module.consumer_zones.usable_zone_ids, id)]
  region_b_zone_ids        = slice(local.region_b_usable_zone_ids, 0, min(var.az_count, length(local.region_b_usable_zone_ids)))
  outpost_azs              = [for id in local.region_b_zone_ids : module.outpost_zones.name_by_zone_id[id]]
  consumer_azs             = [for id in local.region_b_zone_ids : module.consumer_zones.name_by_zone_id[id]]
  # The third VPC's one instance: the first zone of region B where the producer can run it.
  third_az = try(module.outpost_zones.name_by_zone_id[module.outpost_zones.usable_zone_ids[0]], null)
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
