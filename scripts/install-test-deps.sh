#!/usr/bin/env bash
# Installs what the tests need beyond a JDK, on Debian/Ubuntu:
#   chromium                     the headless-browser check of report.html (tests tagged "browser")
#   fontconfig, fonts-dejavu-core  chart rendering (headless AWT needs a font; charts use DejaVu Sans)
# Does nothing when they are already there. Run as root, or with sudo available.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "DejaVu Sans"; then
  need+=(fontconfig fonts-dejavu-core)
fi
if ((${#need[@]} == 0)); then
  exit 0
fi

sudo=()
if [[ "$(id -u)" != 0 ]]; then
  sudo=(sudo)
fi
echo "install-test-deps: installing ${need[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
