# Bad input on purpose (test/bad-input): unclosed block
output "x" {
