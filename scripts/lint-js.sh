#!/usr/bin/env bash
# Lints the browser code under static/ with the eslint pinned in package.json (npm ci: the lock file).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/eslint ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node_modules/.bin/eslint --max-warnings=0 static
