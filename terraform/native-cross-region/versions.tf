# Plain resources, local modules (../modules) and one provider, so that `terraform init` works
# against a local provider mirror. Terraform 1.7 is the first with `mock_provider`, which tests/
# relies on. The AWS provider takes `supported_regions` on endpoint services from 5.80 and
# `service_region` on endpoints from 5.83 (both stay in this fixture, not in the modules).
terraform {
  required_version = ">= 1.7.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.83.0, < 6.0.0"
    }
  }
}
