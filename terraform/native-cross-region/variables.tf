# Variables of the native cross-region fixture. The local target reads the same variables
# (defaults here, overrides from the scenario) and builds the topology from them.

variable "name_prefix" {
  description = "Prefix of every resource name, so that runs never collide."
  type        = string
  default     = "plh"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,9}$", var.name_prefix))
    error_message = "name_prefix: 1 to 10 lower-case letters, digits or dashes, starting with a letter (NLB and target group names allow 32 characters)."
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
  description = "Optional short id appended to every name (the harness passes the scenario's scope), so that scenarios of one run applying the same fixture never collide; tagged plh:scope."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^[a-z0-9]{0,4}$", var.name_scope))
    error_message = "name_scope: up to 4 lower-case letters or digits (the names must fit in 32 characters)."
  }
}

variable "service_region" {
  description = "Region of the producer: its VPC, NLB and endpoint service."
  type        = string
  default     = "us-east-1"
}

variable "consumer_region" {
  description = "Region of the consumer VPC and its interface endpoint (service_region on the endpoint, supported_regions on the service)."
  type        = string
  default     = "eu-west-2"
}

variable "producer_profile" {
  description = "AWS CLI profile of the producer account (null: default credentials)."
  type        = string
  default     = null
}

variable "producer_role_arn" {
  description = "Role to assume in the producer account (null: none)."
  type        = string
  default     = null
}

variable "consumer_profile" {
  description = "AWS CLI profile of the consumer account (null: default credentials)."
  type        = string
  default     = null
}

variable "consumer_role_arn" {
  description = "Role to assume in the consumer account (null: none)."
  type        = string
  default     = null
}

variable "producer_account_id" {
  description = "Producer account id. On AWS it must match the producer credentials (null: taken from them); the local target uses it as the emulated account."
  type        = string
  default     = "111111111111"
}

variable "consumer_account_id" {
  description = "Consumer account id. On AWS it must match the consumer credentials (null: taken from them); the local target uses it as the emulated account."
  type        = string
  default     = "222222222222"
}

variable "producer_cidr" {
  description = "CIDR of the producer VPC."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.producer_cidr)) && try(tonumber(split("/", var.producer_cidr)[1]) <= 24, false)
    error_message = "producer_cidr: an IPv4 CIDR block of /24 or larger (each AZ gets a /4 share of it)."
  }
}

variable "consumer_cidr" {
  description = "CIDR of the consumer VPC. Overlapping the producer's on purpose: PrivateLink does not care, across regions either."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.consumer_cidr)) && try(tonumber(split("/", var.consumer_cidr)[1]) <= 24, false)
    error_message = "consumer_cidr: an IPv4 CIDR block of /24 or larger (each AZ gets a /4 share of it)."
  }
}

variable "az_count" {
  description = "Availability zones used by the producer NLB (in service_region), the endpoint and the consumers (in consumer_region)."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 6 && floor(var.az_count) == var.az_count
    error_message = "az_count: a whole number from 2 to 6 (a cross-region endpoint service must span at least two AZs)."
  }
}

variable "listener_ports" {
  description = "TCP ports the NLB listens on (and the service answers on)."
  type        = list(number)
  default     = [80]

  validation {
    condition     = length(var.listener_ports) > 0 && alltrue([for p in var.listener_ports : p >= 1 && p <= 65535 && floor(p) == p]) && length(distinct(var.listener_ports)) == length(var.listener_ports)
    error_message = "listener_ports: at least one distinct TCP port from 1 to 65535."
  }
}

variable "support_consumer_region" {
  description = "Whether the service lists consumer_region in supported_regions (false: creating the endpoint must fail, for the negative scenario)."
  type        = bool
  default     = true
}

variable "acceptance_required" {
  description = "Whether endpoint connections wait in pendingAcceptance until the producer accepts them."
  type        = bool
  default     = false
}

variable "allowed_principals" {
  description = "Principals allowed to create endpoints to the service (empty: the consumer account's root)."
  type        = list(string)
  default     = []
}

variable "cross_zone_load_balancing" {
  description = "Whether the NLB sends traffic to targets in other AZs."
  type        = bool
  default     = true
}

variable "endpoint_ingress_cidrs" {
  description = "Source CIDRs the endpoint's security group admits on the listener ports (empty: the consumer VPC)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.endpoint_ingress_cidrs : can(cidrnetmask(c))])
    error_message = "endpoint_ingress_cidrs: IPv4 CIDR blocks."
  }
}

variable "producer_ssm" {
  description = "Whether producer instances are SSM-managed too (SSM interface endpoints in the producer VPC), for scenarios that act from the provider side."
  type        = bool
  default     = true
}

variable "ami_ssm_parameter" {
  description = "Public SSM parameter naming the AMI of producer and consumer instances (its architecture must suit instance_type)."
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
