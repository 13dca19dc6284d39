variable "instance_type" {
  description = "The instance type the zones must offer to count as usable."
  type        = string
}
