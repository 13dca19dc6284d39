#!/usr/bin/env bash
# Installs what the harness needs on a fresh Debian machine (run as root): the system packages the
# local target and the report test use, only when missing, then the locked npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v ip >/dev/null || need+=(iproute2)
command -v nft >/dev/null || need+=(nftables)
command -v curl >/dev/null || need+=(curl)
command -v git >/dev/null || need+=(git)
# the end-to-end tests look for leftover processes with pgrep (procps is not on a minimal Debian)
command -v pgrep >/dev/null || need+=(procps)
# the end-to-end tests run `plh run` in a tmux pane (the live display, a closed terminal)
command -v tmux >/dev/null || need+=(tmux)
if [ "${PLH_SKIP_CHROMIUM:-0}" != 1 ] && ! command -v chromium >/dev/null; then need+=(chromium); fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install.sh: missing ${need[*]}; run as root or install them: apt-get install -y ${need[*]}" >&2
    exit 3
  fi
  echo "install.sh: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# npm ci only when the lockfile changed since the last install
stamp=node_modules/.plh-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi
