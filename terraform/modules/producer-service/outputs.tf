output "subnets" {
  description = "The producer subnets, in the order of azs."
  value       = module.subnets.subnets
}

output "instances" {
  description = "The service instances, in the order of azs."
  value       = module.instances.instances
}

output "lb" {
  description = "The NLB."
  value       = module.nlb.lb
}

output "target_groups" {
  description = "Target groups by port (as a string)."
  value       = module.nlb.target_groups
}

output "target_group_attachments" {
  description = "Instance registrations by `<port>-<az>`."
  value       = module.nlb.target_group_attachments
}

output "listeners" {
  description = "Listeners by port (as a string)."
  value       = module.nlb.listeners
}

output "nlb_ips" {
  description = "The NLB's private IPs, one per AZ in the order of azs."
  value       = module.nlb.nlb_ips
}

output "ssm" {
  description = "The ssm-access module's outputs (endpoints, IAM role and profile; empty when ssm is false)."
  value       = module.ssm
}
