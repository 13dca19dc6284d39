# The fixture contract (harness/core/contract.ts): the one output the harness reads. The third
# VPC's instance (non-transitivity) is a bystander: neither consumer nor producer.

locals {
  endpoint_dns_names = [for entry in aws_vpc_endpoint.service.dns_entry : entry.dns_name]
  # AWS lists the regional name (`<endpoint-id>.<service-id>.<region>.vpce.amazonaws.com`) and
  # one zonal name per AZ (`<endpoint-id>-<az>.<service-id>…`): the regional one names no AZ.
  endpoint_regional_dns = try([for n in local.endpoint_dns_names : n if length(regexall("-[a-z]{2}(-[a-z]+)+-[0-9][a-z]\\.", n)) == 0][0], null)
  endpoint_zonal_dns    = { for az in local.consumer_azs : az => [for n in local.endpoint_dns_names : n if strcontains(n, "-${az}.")] }
}

output "harness" {
  description = "The harness contract: service (the outpost's), endpoints, consumers, producers (the provider instances in region A), bystanders (the third VPC's instance, peered to the outpost only), hostnames."
  value = {
    service = {
      name     = aws_vpc_endpoint_service.relay.service_name
      region   = var.consumer_region
      ports    = var.listener_ports
      expected = { status = 200, body_pattern = "^Hello from plh producer [a-z0-9-]+" }
      nlb_ips  = module.outpost.nlb_ips
    }
    endpoints = [{
      id             = aws_vpc_endpoint.service.id
      region         = var.consumer_region
      service_region = var.consumer_region
      regional_dns   = local.endpoint_regional_dns
      zonal          = [for az in local.consumer_azs : { az = az, dns = local.endpoint_zonal_dns[az][0] } if length(local.endpoint_zonal_dns[az]) > 0]
      eni_ips        = [for eni in data.aws_network_interface.endpoint : { az = eni.availability_zone, ip = eni.private_ip }]
      state          = aws_vpc_endpoint.service.state
    }]
    consumers = [for i, instance in module.consumer.instances : {
      instance_id = instance.id
      region      = var.consumer_region
      az          = local.consumer_azs[i]
      account     = local.consumer_account_id
      private_ip  = instance.private_ip
    }]
    producers = [for i, instance in module.provider_instances.instances : {
      instance_id = instance.id
      region      = var.provider_region
      az          = local.provider_azs[i]
      account     = local.producer_account_id
      private_ip  = instance.private_ip
    } if var.producer_ssm]
    bystanders = [for instance in aws_instance.third : {
      instance_id = instance.id
      region      = var.consumer_region
      az          = local.third_az
      account     = local.producer_account_id
      private_ip  = instance.private_ip
    }]
    hostnames = {}
  }
}
