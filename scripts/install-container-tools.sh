#!/usr/bin/env bash
# Debian's podman, buildah, runc and debootstrap for tests/container: the image is built and run
# for real without a Docker engine. Idempotent: does nothing when the tools are already there.
set -euo pipefail
tools=(podman buildah runc debootstrap)
missing=()
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Container tools missing (${missing[*]}): run 'bash scripts/install-container-tools.sh' as root." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
packages=(podman buildah runc debootstrap uidmap)
# Update the package lists only when apt cannot see the packages yet (a fresh machine).
if ! apt-cache show "${packages[@]}" >/dev/null 2>&1; then
  apt-get update -qq
fi
if ! apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
