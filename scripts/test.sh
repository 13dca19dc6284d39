#!/usr/bin/env bash
# The test command (README quick start and .ci/run): installs what is missing, then runs every
# test, unit and end-to-end, and ends with one line: "N passed, N failed, N skipped", then each
# skipped file with its count and the reason it printed. Where the terraform provider mirror
# exists, a skipped terraform fixture check fails the run (so CI cannot pass without them).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh || exit $?
PLH_TF_PROVIDER_MIRROR="$(bash scripts/find-provider-mirror.sh)"
export PLH_TF_PROVIDER_MIRROR
[ -n "$PLH_TF_PROVIDER_MIRROR" ] && echo "test.sh: terraform provider mirror: $PLH_TF_PROVIDER_MIRROR"
mkdir -p test-output
npx tsc --noEmit -p . || { echo "test.sh: type check failed"; echo "0 passed, 1 failed"; exit 1; }
PLH_SKIP_REASONS_FILE=test-output/skip-reasons.json
export PLH_SKIP_REASONS_FILE
rm -f test-output/vitest.json "$PLH_SKIP_REASONS_FILE"
npx vitest run --reporter=default --reporter=json --reporter=./test/support/skip-reasons-reporter.ts --outputFile.json=test-output/vitest.json "$@"
code=$?
if [ -f test-output/vitest.json ]; then
  # the mirror counts as existing only when it holds the AWS provider
  mirror_found=""
  [ -n "$PLH_TF_PROVIDER_MIRROR" ] && [ -d "$PLH_TF_PROVIDER_MIRROR/registry.terraform.io/hashicorp/aws" ] && mirror_found="$PLH_TF_PROVIDER_MIRROR"
  node bin/run-ts.mjs scripts/summarize-test-run.ts test-output/vitest.json "$PLH_SKIP_REASONS_FILE" "$mirror_found"
  summary=$?
  [ "$code" = 0 ] && [ "$summary" != 0 ] && code=1
else
  echo "test.sh: vitest wrote no report (exit $code); nothing to summarise"
fi
exit $code
