#!/usr/bin/env bash
# `npm test`: every check, in order, stopping at the first failure:
# typecheck, lint, production build, Vitest (unit, data layer, integration), Playwright.
# With TEST_DATABASE_URL set, the data-layer, outage and every-configuration suites also run against
# that PostgreSQL (through node-postgres and through the Neon serverless driver), and the races suite
# through node-postgres.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
source scripts/browser.sh

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export NEXT_TELEMETRY_DISABLED=1

started=$SECONDS
current="setup"
timings=()
trap 'echo "npm test: FAILED at \"$current\" after $((SECONDS - started))s${timings[*]:+ (passed: ${timings[*]})}" >&2' ERR

step() {
  current=$1
  shift
  echo
  echo "==> $current"
  local step_started=$SECONDS
  "$@"
  timings+=("$current $((SECONDS - step_started))s")
}

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "TEST_DATABASE_URL is set: data-layer, outage, every-configuration and races suites also run on PostgreSQL."
else
  echo "TEST_DATABASE_URL is not set: the data layer is tested on the embedded PGlite only."
fi

# First, because it is the check most likely to need a person, and the cheapest.
step "browser" ensure_browser
step "typecheck" npm run --silent typecheck
step "lint" npm run --silent lint
step "build" npx --no-install next build
step "vitest" npx --no-install vitest run
step "playwright" npx --no-install playwright test

trap - ERR
echo
echo "npm test: all passed in $((SECONDS - started))s (${timings[*]})"
