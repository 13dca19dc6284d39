// The files `plh init fixture <name>` writes (pure): a single-account PrivateLink fixture built
// from the shared modules (terraform/modules), with the variables every fixture takes, the
// `harness` output of harness/core/contract.ts, an offline tftest with mock_provider "aws", and a
// manifest that `plh validate` accepts. A starting point that applies as written on AWS; the
// local target cannot build it until its manifest names a topology the emulator knows.

/** Variables the skeleton declares, in manifest order. */
export const fixtureTemplateVariables = ['name_prefix', 'run_id', 'name_scope', 'region', 'az_count', 'listener_ports', 'acceptance_required', 'ami_ssm_parameter', 'instance_type', 'tags'] as const

/** Relative path → content of every file of terraform/<name>/. */
export function renderFixtureFiles(name: string): Record<string, string> {
  return {
    'versions.tf': versionsTf,
    'providers.tf': providersTf,
    'variables.tf': variablesTf,
    'main.tf': mainTf(name),
    'outputs.tf': outputsTf,
    [`tests/${name}.tftest.hcl`]: tftest(name),
    'manifest.json': manifestJson(name),
  }
}

const versionsTf = `# Plain resources, local modules (../modules) and one provider, so that \`terraform init\` works
# against a local provider mirror. Terraform 1.7 is the first with \`mock_provider\` (tests/).
terraform {
  required_version = ">= 1.7.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.50.0, < 6.0.0"
    }
  }
}
`

const providersTf = `# One account, one aliased provider (no resource uses the default provider). Credentials come
# from the environment or the profile the harness passes. default_tags puts the run id on
# everything, so that \`plh cleanup --target aws\` (the janitor) finds what a dead run left.
provider "aws" {
  alias  = "main"
  region = var.region

  default_tags {
    tags = local.tags
  }
}
`

const variablesTf = `# Variables of this fixture. The harness passes run_id, name_prefix and name_scope on every run;
# scenarios override the others in their \`vars\`. Every variable needs a description: scenario
# authors read them (and \`plh validate\` warns without one).

variable "name_prefix" {
  description = "Prefix of every resource name, so that runs never collide."
  type        = string
  default     = "plh"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,9}$", var.name_prefix))
    error_message = "name_prefix: 1 to 10 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "run_id" {
  description = "Run id of the harness; every resource is tagged plh:run-id with it."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?$", var.run_id))
    error_message = "run_id: letters, digits and dashes, not starting or ending with a dash (such as 20261125T123300-3f9a2c)."
  }
}

variable "name_scope" {
  description = "Optional short id appended to every name (the harness passes the scenario's scope), so that scenarios of one run never collide; tagged plh:scope."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^[a-z0-9]{0,4}$", var.name_scope))
    error_message = "name_scope: up to 4 lower-case letters or digits."
  }
}

variable "region" {
  description = "Region of the producer and the consumer."
  type        = string
  default     = "us-east-1"
}

variable "az_count" {
  description = "Availability zones used by the NLB, the endpoint and the consumers."
  type        = number
  default     = 2
}

variable "listener_ports" {
  description = "TCP ports the NLB listens on (and the service answers on)."
  type        = list(number)
  default     = [80]
}

variable "acceptance_required" {
  description = "Whether endpoint connections wait in pendingAcceptance until the producer accepts them."
  type        = bool
  default     = false
}

variable "ami_ssm_parameter" {
  description = "Public SSM parameter naming the AMI of the instances (its architecture must suit instance_type)."
  type        = string
  default     = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

variable "instance_type" {
  description = "Instance type of producer and consumer instances."
  type        = string
  default     = "t3.micro"
}

variable "tags" {
  description = "Extra tags on every resource."
  type        = map(string)
  default     = {}
}
`

function mainTf(name: string): string {
  return `# ${name}: a producer service behind an NLB and an endpoint service, and a consumer VPC with an
# interface endpoint to it and SSM-managed consumer instances, in one account and region.
# Written by \`plh init fixture\`: change what your topology needs, keep the \`harness\` output's
# shape (outputs.tf) and the manifest's variable and output lists in step with the HCL.

locals {
  fixture = "${name}"
  # the short random part of the run id (\`20261125T123300-3f9a2c\` → \`3f9a2c\`) keeps names short and unique
  run_tag = substr(replace(lower(element(split("-", var.run_id), length(split("-", var.run_id)) - 1)), "/[^a-z0-9]/", ""), 0, 8)
  name    = var.name_scope == "" ? "\${var.name_prefix}-\${local.run_tag}" : "\${var.name_prefix}-\${local.run_tag}-\${var.name_scope}"
  tags    = merge(var.tags, { "plh:run-id" = var.run_id, "plh:fixture" = local.fixture }, var.name_scope == "" ? {} : { "plh:scope" = var.name_scope })

  account_id = data.aws_caller_identity.main.account_id
  zone_ids   = slice(module.zones.usable_zone_ids, 0, min(var.az_count, length(module.zones.usable_zone_ids)))
  azs        = [for id in local.zone_ids : module.zones.name_by_zone_id[id]]
}

data "aws_caller_identity" "main" {
  provider = aws.main
}

data "aws_partition" "main" {
  provider = aws.main
}

module "zones" {
  source        = "../modules/zones"
  providers     = { aws = aws.main }
  instance_type = var.instance_type
}

# --- producer: VPC, one service instance per AZ behind an internal NLB, the endpoint service ---

resource "aws_vpc" "producer" {
  provider             = aws.main
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "\${local.name}-producer" }
}

module "producer" {
  source    = "../modules/producer-service"
  providers = { aws = aws.main }

  name                      = local.name
  region                    = var.region
  vpc_id                    = aws_vpc.producer.id
  cidr                      = "10.0.0.0/16"
  azs                       = local.azs
  partition                 = data.aws_partition.main.partition
  listener_ports            = var.listener_ports
  cross_zone_load_balancing = true
  ssm                       = false
  ami_ssm_parameter         = var.ami_ssm_parameter
  instance_type             = var.instance_type
}

resource "aws_vpc_endpoint_service" "service" {
  provider                   = aws.main
  acceptance_required        = var.acceptance_required
  network_load_balancer_arns = [module.producer.lb.arn]
  allowed_principals         = ["arn:\${data.aws_partition.main.partition}:iam::\${local.account_id}:root"]

  tags = { Name = "\${local.name}-service" }
}

# --- consumer: VPC without an internet path, SSM-managed instances, the interface endpoint ---

resource "aws_vpc" "consumer" {
  provider             = aws.main
  cidr_block           = "10.1.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "\${local.name}-consumer" }
}

module "consumer" {
  source    = "../modules/consumer-vpc"
  providers = { aws = aws.main }

  name                   = local.name
  region                 = var.region
  vpc_id                 = aws_vpc.consumer.id
  cidr                   = "10.1.0.0/16"
  azs                    = local.azs
  partition              = data.aws_partition.main.partition
  endpoint_ports         = var.listener_ports
  endpoint_ingress_cidrs = []
  ami_ssm_parameter      = var.ami_ssm_parameter
  instance_type          = var.instance_type
}

resource "aws_vpc_endpoint" "service" {
  provider            = aws.main
  vpc_id              = aws_vpc.consumer.id
  service_name        = aws_vpc_endpoint_service.service.service_name
  vpc_endpoint_type   = "Interface"
  subnet_ids          = module.consumer.subnet_ids
  security_group_ids  = [module.consumer.endpoint_security_group_id]
  private_dns_enabled = false

  tags = { Name = "\${local.name}-service" }
}

# the endpoint's ENIs: what its names resolve to (absent while the connection awaits acceptance)
data "aws_network_interface" "endpoint" {
  provider = aws.main
  count    = var.acceptance_required ? 0 : length(local.azs)
  id       = sort(aws_vpc_endpoint.service.network_interface_ids)[count.index]
}
`
}

const outputsTf = `# The fixture contract (harness/core/contract.ts): the one output the harness reads.

locals {
  endpoint_dns_names = [for entry in aws_vpc_endpoint.service.dns_entry : entry.dns_name]
  # the regional name names no AZ; each zonal name ends its first label with -<az>
  endpoint_regional_dns = try([for n in local.endpoint_dns_names : n if length(regexall("-[a-z]{2}(-[a-z]+)+-[0-9][a-z]\\\\.", n)) == 0][0], null)
  endpoint_zonal_dns    = { for az in local.azs : az => [for n in local.endpoint_dns_names : n if strcontains(n, "-\${az}.")] }
}

output "harness" {
  description = "The harness contract: service, endpoints, consumers, hostnames."
  value = {
    service = {
      name     = aws_vpc_endpoint_service.service.service_name
      region   = var.region
      ports    = var.listener_ports
      expected = { status = 200, body_pattern = "^Hello from plh producer [a-z0-9-]+" }
      nlb_ips  = module.producer.nlb_ips
    }
    endpoints = [{
      id             = aws_vpc_endpoint.service.id
      region         = var.region
      service_region = var.region
      regional_dns   = local.endpoint_regional_dns
      zonal          = [for az in local.azs : { az = az, dns = local.endpoint_zonal_dns[az][0] } if length(local.endpoint_zonal_dns[az]) > 0]
      eni_ips        = [for eni in data.aws_network_interface.endpoint : { az = eni.availability_zone, ip = eni.private_ip }]
      state          = aws_vpc_endpoint.service.state
    }]
    consumers = [for i, instance in module.consumer.instances : {
      instance_id = instance.id
      region      = var.region
      az          = local.azs[i]
      account     = local.account_id
      private_ip  = instance.private_ip
    }]
    hostnames = {}
  }
}
`

function tftest(name: string): string {
  return `# Offline: \`terraform test\` applies ${name} against a mock AWS provider and checks the shape of
# the \`harness\` output (the same patterns as harness/core/contract.ts). Mock values are realistic
# where the contract checks them: ids, DNS names, addresses, zones.

mock_provider "aws" {
  alias = "main"

  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111", arn = "arn:aws:iam::111111111111:user/plh", user_id = "AIDAMAIN" }
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
  mock_data "aws_network_interface" {
    defaults = { private_ip = "10.1.0.5", availability_zone = "us-east-1a" }
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
    defaults = { id = "i-0aaaaaaaaaaaaaaa0", private_ip = "10.1.0.10" }
  }
  mock_resource "aws_vpc_endpoint" {
    defaults = {
      id    = "vpce-0123456789abcdef0"
      state = "available"
      dns_entry = [
        { dns_name = "vpce-0123456789abcdef0-4xyz5678.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" },
        { dns_name = "vpce-0123456789abcdef0-4xyz5678-us-east-1a.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" },
        { dns_name = "vpce-0123456789abcdef0-4xyz5678-us-east-1b.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" },
      ]
      network_interface_ids = ["eni-0aaaaaaaaaaaaaaa1", "eni-0aaaaaaaaaaaaaaa2"]
    }
  }
}

variables {
  run_id = "20261125T123300-3f9a2c"
}

run "defaults_meet_the_contract" {
  command = apply

  assert {
    condition     = output.harness.service.region == "us-east-1" && output.harness.service.ports == tolist([80]) && output.harness.service.expected.status == 200
    error_message = "service: \${jsonencode(output.harness.service)}"
  }
  assert {
    condition     = length(output.harness.endpoints) == 1 && can(regex("^vpce-[0-9a-f]{8,17}$", output.harness.endpoints[0].id))
    error_message = "one endpoint with a vpce id: \${jsonencode(output.harness.endpoints)}"
  }
  assert {
    condition     = output.harness.endpoints[0].regional_dns == "vpce-0123456789abcdef0-4xyz5678.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com"
    error_message = "regional_dns is the dns_entry without an AZ: \${jsonencode(output.harness.endpoints[0])}"
  }
  assert {
    condition     = [for z in output.harness.endpoints[0].zonal : z.az] == ["us-east-1a", "us-east-1b"] && alltrue([for z in output.harness.endpoints[0].zonal : strcontains(z.dns, "-\${z.az}.")])
    error_message = "zonal: one name per AZ: \${jsonencode(output.harness.endpoints[0].zonal)}"
  }
  assert {
    condition     = length(output.harness.consumers) == 2 && alltrue([for c in output.harness.consumers : can(regex("^(i|mi)-[0-9a-f]{8,17}$", c.instance_id)) && c.account == "111111111111"])
    error_message = "consumers: \${jsonencode(output.harness.consumers)}"
  }
  assert {
    condition     = module.producer.lb.name == "plh-3f9a2c-nlb"
    error_message = "names carry the run id's short part"
  }
}
`
}

function manifestJson(name: string): string {
  return (
    JSON.stringify(
      {
        name,
        description: `${name}: a producer NLB and endpoint service and a consumer interface endpoint in one account and region (written by plh init; describe your topology here).`,
        proves: ['consumers reach the service through the endpoint\'s regional and zonal names'],
        targets: ['aws'],
        variables: [...fixtureTemplateVariables],
        outputs: ['harness'],
      },
      null,
      2,
    ) + '\n'
  )
}
