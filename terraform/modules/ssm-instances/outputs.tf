output "instances" {
  description = "The instances, in the order of subnet_ids."
  value       = aws_instance.this
}
