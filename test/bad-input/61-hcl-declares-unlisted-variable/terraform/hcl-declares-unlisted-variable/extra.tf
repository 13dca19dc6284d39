# Bad input on purpose (test/bad-input): declared here, missing from manifest.json
variable "extra_knob" {
  description = "Not listed in the manifest."
  type        = string
  default     = "x"
}
