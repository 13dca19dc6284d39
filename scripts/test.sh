#!/usr/bin/env bash
# The test command (README quick start and .ci/run): installs what is missing, then runs every
# test, unit and end-to-end, and ends with one "N passed, N failed, N skipped" line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh || exit $?
PLH_TF_PROVIDER_MIRROR="$(bash scripts/find-provider-mirror.sh)"
export PLH_TF_PROVIDER_MIRROR
[ -n "$PLH_TF_PROVIDER_MIRROR" ] && echo "test.sh: terraform provider mirror: $PLH_TF_PROVIDER_MIRROR"
mkdir -p test-output
npx tsc --noEmit -p . || { echo "test.sh: type check failed"; echo "0 passed, 1 failed"; exit 1; }
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@"
code=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-output/vitest.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' || true
exit $code
