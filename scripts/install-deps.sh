#!/usr/bin/env bash
# Installs what the tests and the site need on a fresh Debian machine: PostgreSQL (tests run on it
# too), Chromium and its driver (browser tests), libvips (images), an SMTP sink, and the npm
# packages of the browser tests. Safe to run again: present packages are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(postgresql postgresql-contrib chromium chromium-driver libvips-tools fonts-dejavu-core poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

(cd tests/Tradehall.BrowserTests && npm ci --silent --no-audit --no-fund)
