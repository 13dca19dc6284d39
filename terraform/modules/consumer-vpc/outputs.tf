output "subnets" {
  description = "The consumer subnets, in the order of azs: the interface endpoint goes in them."
  value       = module.subnets.subnets
}

output "subnet_ids" {
  description = "Their ids, in the order of azs."
  value       = module.subnets.subnet_ids
}

output "endpoint_security_group_id" {
  description = "The security group for the interface endpoint."
  value       = aws_security_group.endpoint.id
}

output "endpoint_ingress_rules" {
  description = "What the endpoint admits, by `<port>-<cidr>`."
  value       = aws_vpc_security_group_ingress_rule.endpoint
}

output "instances" {
  description = "The consumer instances, in the order of azs."
  value       = module.instances.instances
}

output "ssm" {
  description = "The ssm-access module's outputs (endpoints, IAM role and profile)."
  value       = module.ssm
}
