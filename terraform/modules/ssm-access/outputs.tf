# The SSM agent registers at boot; with the endpoints and the policy in place it does so at once.
# Instances that take their profile from here therefore wait for both.
output "instance_profile_name" {
  description = "The instance profile's name (null without one), available once the endpoints and the policy attachment exist."
  value       = one(aws_iam_instance_profile.this[*].name)
  depends_on  = [aws_vpc_endpoint.this, aws_iam_role_policy_attachment.this]
}

output "endpoints" {
  description = "The SSM interface endpoints by service (ssm, ssmmessages, ec2messages); empty without endpoints."
  value       = aws_vpc_endpoint.this
}

output "iam_roles" {
  description = "The IAM role (a list of one, or empty)."
  value       = aws_iam_role.this
}

output "iam_role_policy_attachments" {
  description = "The AmazonSSMManagedInstanceCore attachment (a list of one, or empty)."
  value       = aws_iam_role_policy_attachment.this
}

output "iam_instance_profiles" {
  description = "The instance profile (a list of one, or empty)."
  value       = aws_iam_instance_profile.this
}
