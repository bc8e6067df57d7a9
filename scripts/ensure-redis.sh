#!/usr/bin/env bash
# The scale-out tests run against a real Redis. Install the server from Debian's packages when it is
# missing; the test run starts its own instance on a free loopback port, so no service is left running.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "redis-server is not installed and cannot be installed here: install Redis (Debian: apt-get install redis-server)." >&2
  exit 1
fi
echo "Installing redis-server from Debian's packages..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq redis-server >/dev/null
command -v redis-server >/dev/null
