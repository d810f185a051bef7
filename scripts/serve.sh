#!/usr/bin/env bash
# Sets up and serves the app on http://127.0.0.1:5006 (PORT and ADDRESS override).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
exec .venv/bin/python app.py
