#!/usr/bin/env bash
# The briefing's print test needs headless Chromium, Chinese fonts (Noto CJK) and poppler's PDF tools; the README's
# examples (npm run test:readme) need curl. Installs them from Debian's packages when missing (as root); otherwise says
# what to install.
set -euo pipefail
have() { command -v curl >/dev/null && command -v chromium >/dev/null && command -v pdfinfo >/dev/null && command -v fc-list >/dev/null && fc-list :lang=zh | grep -q 'CJK'; }
have && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium, Noto CJK fonts and poppler-utils for the briefing print test, curl for the README examples…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl chromium fonts-noto-cjk poppler-utils fontconfig >/dev/null
  have && exit 0
fi
echo "The tests need: curl, chromium, fonts-noto-cjk, poppler-utils (Debian package names). Install them and run the tests again." >&2
exit 1
