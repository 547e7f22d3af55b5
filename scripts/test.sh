#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what is missing (npm packages, Debian's PostgreSQL
# and Chromium), runs every check, with a throwaway PostgreSQL cluster for the PostgreSQL half.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium is missing: apt-get install chromium (or run as root to have it installed)." >&2
    exit 1
  fi
  say "Installing Debian's chromium"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
[ -d node_modules ] || { say "Installing npm packages"; npm install --no-audit --no-fund; }

say "Type check"
npm run --silent typecheck
say "Lint"
npm run --silent lint
say "Build"
npm run --silent build
say "Tests: unit, integration on PGlite and on PostgreSQL, system and browser"
results=$(mktemp /tmp/guilde-vitest.XXXXXX.json)
status=0
scripts/with-postgres.sh npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# One plain closing line, whatever the runner prints above it.
node -e 'const r = require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)' "$results" || true
rm -f "$results"
exit "$status"
