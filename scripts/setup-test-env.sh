#!/usr/bin/env bash
# Installs what the browser tests need and the package registries can give:
# Debian's Chromium (never a browser downloaded by a test tool).
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian chromium for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
chromium --version
