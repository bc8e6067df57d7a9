#!/usr/bin/env bash
# Runs the whole suite again with the system clock set to the awkward times that broke it before: a Monday
# before the digest's 09:00 slot and just after it, the last minute of a Sunday, and a day Europe's clocks change (the change
# falls during the run), each in a time zone where the local date or offset differs from UTC.
# Every Node process of a run (vitest, its forks, the `node dist/main.js` processes the e2e tests start)
# reads a clock moved to the given instant that keeps running (test/clock/shifted-date.mjs); Redis and
# Chromium keep the real time, which Baton never reads from them. Exits non-zero if any run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-redis.sh
bash scripts/ensure-chromium.sh
npm run --silent build

# instant (UTC) | TZ | why
runs=(
  "2026-12-07 03:00:00|UTC|a Monday before the weekly digest's 09:00 slot"
  "2026-12-07 09:01:00|UTC|a Monday just after the digest's slot, while that digest is still owed"
  "2026-12-06 23:59:00|Pacific/Auckland|the last minute of a Sunday (already Monday in Auckland)"
  "2026-03-29 00:58:30|Europe/Berlin|a DST change day (Berlin moves to summer time at 01:00 UTC, during the run)"
)
for run in "${runs[@]}"; do
  IFS='|' read -r instant zone why <<<"$run"
  echo "== the suite at ${instant} UTC, TZ=${zone}: ${why}"
  offset=$(( $(date -u -d "${instant} UTC" +%s%3N) - $(date -u +%s%3N) ))
  TZ="$zone" CLOCK_OFFSET_MS="$offset" NODE_OPTIONS="${NODE_OPTIONS:-} --import ${PWD}/test/clock/shifted-date.mjs" npx vitest run
done
