output "subnets" {
  description = "The subnets, in the order of azs."
  value       = aws_subnet.this
}

output "subnet_ids" {
  description = "Their ids, in the order of azs."
  value       = aws_subnet.this[*].id
}

output "route_table_id" {
  description = "The subnets' route table, for routes the fixture adds."
  value       = aws_route_table.this.id
}
