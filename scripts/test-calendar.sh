#!/usr/bin/env bash
# Runs the whole suite again with the system clock set to the awkward times that broke it before: a Monday
# before the digest's 09:00 slot, the last minute of a Sunday, and a day Europe's clocks change (the change
# falls during the run), each in a time zone where the local date or offset differs from UTC.
# libfaketime starts the clock at the given instant and lets it run; monotonic time stays real, so timers
# and timeouts behave as in any run. Installs faketime from Debian's packages when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "faketime is not installed and cannot be installed here: install it (Debian: apt-get install faketime)." >&2
    exit 1
  fi
  echo "Installing faketime from Debian's packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq faketime >/dev/null
fi
bash scripts/ensure-redis.sh
bash scripts/ensure-chromium.sh
npm run --silent build

# instant (UTC) | TZ | why
runs=(
  "2026-12-07 03:00:00|UTC|a Monday before the weekly digest's 09:00 slot"
  "2026-12-06 23:59:00|Pacific/Auckland|the last minute of a Sunday (already Monday in Auckland)"
  "2026-03-29 00:58:30|Europe/Berlin|a DST change day (Berlin moves to summer time at 01:00 UTC, during the run)"
)
for run in "${runs[@]}"; do
  IFS='|' read -r instant zone why <<<"$run"
  echo "== the suite at ${instant} UTC, TZ=${zone}: ${why}"
  TZ="$zone" FAKETIME_DONT_FAKE_MONOTONIC=1 faketime "${instant} UTC" npx vitest run
done
