#!/usr/bin/env bash
# The main job (README quick start): the nightly suite on the local target, reports in
# reports/<run-id>/ with reports/latest pointing there. Exit code as `plh run` (DESIGN.md).
set -uo pipefail
cd "$(dirname "$0")/.."
PLH_SKIP_CHROMIUM=1 bash scripts/install.sh || exit $?
exec node bin/plh.mjs run --target local --report-dir reports "$@"
