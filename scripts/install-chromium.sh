#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright cannot download its own here), and
# fonts for the page's Traditional Chinese (without them Chromium draws empty boxes).
set -euo pipefail
if [ -x /usr/lib/chromium/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium or its fonts are missing: run 'apt-get install -y chromium fonts-noto-cjk' as root." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-noto-cjk >/dev/null
