# SSM in the producer account: endpoints in the provider VPC (optional, producer_ssm) for
# scenarios that act from the provider side, and the instance profile that the provider
# instances and the third VPC's instance share (IAM is global).

module "provider_ssm" {
  source    = "../modules/ssm-access"
  providers = { aws = aws.producer }

  name                  = local.name
  side                  = "provider"
  region                = var.provider_region
  vpc_id                = aws_vpc.provider.id
  cidr                  = var.provider_cidr
  subnet_ids            = module.provider_subnets.subnet_ids
  partition             = data.aws_partition.producer.partition
  endpoints             = var.producer_ssm
  instance_profile      = local.producer_iam
  instance_profile_name = "${local.name}-producer-ssm"
}
