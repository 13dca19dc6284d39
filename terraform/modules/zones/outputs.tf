output "zone_ids" {
  description = "Ids of the available zones (no opt-in needed), in AWS's order."
  value       = data.aws_availability_zones.this.zone_ids
}

output "usable_zone_ids" {
  description = "Those of zone_ids that offer instance_type, in the same order."
  value       = [for id in data.aws_availability_zones.this.zone_ids : id if contains(data.aws_ec2_instance_type_offerings.this.locations, id)]
}

output "name_by_zone_id" {
  description = "This account's name of each zone, by zone id."
  value       = zipmap(data.aws_availability_zones.this.zone_ids, data.aws_availability_zones.this.names)
}
