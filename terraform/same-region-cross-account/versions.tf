# Plain resources, local modules (../modules) and one provider, so that `terraform init` works
# against a local provider mirror. Terraform 1.7 is the first with `mock_provider`, which tests/
# relies on.
terraform {
  required_version = ">= 1.7.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.50.0, < 6.0.0"
    }
  }
}
