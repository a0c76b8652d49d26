#!/usr/bin/env bash
# Debian packages the browser tests need: chromium and a Thai font. Installed only when missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi -e sarabun -e garuda -e loma -e tlwg || missing+=(fonts-thai-tlwg)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "missing ${missing[*]} and apt-get is not usable here: install them to run the browser tests" >&2
  exit 1
fi
echo "installing ${missing[*]} from Debian"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q "${missing[@]}" >/dev/null
