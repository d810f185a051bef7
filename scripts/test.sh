#!/usr/bin/env bash
# Sets up everything the tests need (Python packages, Debian's Chromium), then runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-test.txt
bash scripts/install-chromium.sh
bash scripts/install-container-tools.sh
.venv/bin/ruff check .
bash scripts/lint-js.sh
exec .venv/bin/python -m pytest "$@"
