#!/usr/bin/env bash
# Prints the folder that holds registry.terraform.io/hashicorp/aws (a local provider mirror), or
# nothing. PLH_TF_PROVIDER_MIRROR wins when it is set.
set -uo pipefail
if [ -n "${PLH_TF_PROVIDER_MIRROR:-}" ]; then echo "$PLH_TF_PROVIDER_MIRROR"; exit 0; fi
for dir in /opt/tf-plugins /usr/share/terraform/plugins /usr/local/share/terraform/plugins "$HOME/.terraform.d/plugins" "$HOME/.local/share/terraform/plugins"; do
  if [ -d "$dir/registry.terraform.io/hashicorp/aws" ]; then echo "$dir"; exit 0; fi
done
found=$(find / -maxdepth 6 -type d -path '*/registry.terraform.io/hashicorp/aws' -not -path '/proc/*' 2>/dev/null | head -1)
[ -n "$found" ] && dirname "$(dirname "$(dirname "$found")")"
exit 0
