#!/usr/bin/env bash
# The playground's browser tests drive a real headless Chromium. Install Debian's `chromium` package when
# it is missing; playwright-core drives it at /usr/bin/chromium, so no browser is downloaded from npm.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium is not installed and cannot be installed here: install it (Debian: apt-get install chromium)." >&2
  exit 1
fi
echo "Installing chromium from Debian's packages..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
[ -x /usr/bin/chromium ]
