output "lb" {
  description = "The NLB."
  value       = aws_lb.this
}

output "target_groups" {
  description = "Target groups by port (as a string)."
  value       = aws_lb_target_group.this
}

output "target_group_attachments" {
  description = "Instance registrations by `<port>-<az>`."
  value       = aws_lb_target_group_attachment.this
}

output "listeners" {
  description = "Listeners by port (as a string)."
  value       = aws_lb_listener.this
}

output "nlb_ips" {
  description = "The NLB's private IPs, one per AZ in the order of azs."
  value       = [for eni in data.aws_network_interface.nlb : eni.private_ip]
}
