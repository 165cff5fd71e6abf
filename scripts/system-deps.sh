#!/usr/bin/env bash
# Install the Debian/Ubuntu packages given as arguments when any is missing.
# As root it runs apt-get; otherwise it prints the command for the user to run.
set -euo pipefail
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not a Debian-family system: see README
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}"
  echo "Install them with: sudo apt-get install ${missing[*]}"
fi
