# One provider configuration per account. Credentials come from a profile, a role to assume, or
# the environment; default_tags puts the run id on everything so that the janitor finds it.

provider "aws" {
  alias   = "producer"
  region  = var.service_region
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
