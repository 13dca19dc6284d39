# Same-region, cross-account PrivateLink: a producer NLB and endpoint service in account A, an
# interface endpoint in account B, SSM-managed consumers in private subnets with no internet path.
# producer.tf builds account A's side, consumer.tf account B's (both mostly through ../modules),
# outputs.tf the `harness` contract.

locals {
  fixture = "same-region-cross-account"
  # The short random part of the run id (`20261125T123300-3f9a2c` → `3f9a2c`), and the scenario's
  # scope if any, keep names unique and short enough for the 32-character NLB and target group
  # limit (at most 10 + 1 + 8 + 1 + 4 + `-p65535`: 31).
  run_tag = substr(replace(lower(element(split("-", var.run_id), length(split("-", var.run_id)) - 1)), "/[^a-z0-9]/", ""), 0, 8)
  name    = var.name_scope == "" ? "${var.name_prefix}-${local.run_tag}" : "${var.name_prefix}-${local.run_tag}-${var.name_scope}"
  tags    = merge(var.tags, { "plh:run-id" = var.run_id, "plh:fixture" = local.fixture }, var.name_scope == "" ? {} : { "plh:scope" = var.name_scope })

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
