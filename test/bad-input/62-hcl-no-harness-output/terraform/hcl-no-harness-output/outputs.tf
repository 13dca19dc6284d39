# Bad input on purpose (test/bad-input): the contract output is missing
output "not_harness" {
  value = var.region
}
