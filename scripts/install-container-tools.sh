#!/usr/bin/env bash
# Debian's podman, runc and debootstrap for tests/container: the Dockerfile is built and run for
# real without a Docker engine (podman as root, vfs storage, host network: no buildah binary,
# fuse-overlayfs, slirp4netns or uidmap needed). Idempotent: does nothing when all are there.
set -euo pipefail
packages=(podman runc debootstrap debian-archive-keyring)
missing=()
for tool in podman runc debootstrap; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Container tools missing (${missing[*]}): run 'bash scripts/install-container-tools.sh' as root." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Update the package lists first only when apt does not know the packages (a fresh machine), and
# again if installing from lists that have gone stale fails.
if ! apt-cache show "${packages[@]}" >/dev/null 2>&1; then
  apt-get update -qq
fi
if ! apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
