# One provider configuration per account and region: the producer account in region A (provider
# VPC) and in region B (outpost VPC, third VPC), the consumer account in region B. default_tags
# puts the run id on everything so that the janitor finds it.

provider "aws" {
  alias   = "producer"
  region  = var.provider_region
  profile = var.producer_profile

  dynamic "assume_role" {
    for_each = var.producer_role_arn == null ? [] : [var.producer_role_arn]
    content {
      role_arn     = assume_role.value
      session_name = "plh-${local.run_tag}-producer"
    }
  }

  default_tags {
    tags = local.tags
  }
}

provider "aws" {
  alias   = "outpost"
  region  = var.consumer_region
  profile = var.producer_profile

  dynamic "assume_role" {
    for_each = var.producer_role_arn == null ? [] : [var.producer_role_arn]
    content {
      role_arn     = assume_role.value
      session_name = "plh-${local.run_tag}-outpost"
    }
  }

  default_tags {
    tags = local.tags
  }
}

provider "aws" {
  alias   = "consumer"
  region  = var.consumer_region
  profile = var.consumer_profile

  dynamic "assume_role" {
    for_each = var.consumer_role_arn == null ? [] : [var.consumer_role_arn]
    content {
      role_arn     = assume_role.value
      session_name = "plh-${local.run_tag}-consumer"
    }
  }

  default_tags {
    tags = local.tags
  }
}
