#!/usr/bin/env bash
# Renders the Arabic and Chinese HTML releases in headless Chromium (Debian's package) and saves a
# screenshot of each, to check by eye that right-to-left text, isolated phone numbers and CJK
# punctuation render in the right order. Skipped with a message where Chromium is absent.
# Usage: tests/browser_screenshot.sh [OUT_DIR]   (after `relocale build`; default: out/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "browser_screenshot: Chromium is not installed (apt-get install chromium); skipped"
  exit 0
fi
shots=${1:-out/screenshots}
mkdir -p "$shots"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for lang in ar zh fr; do
  page="out/$lang/idm-geneva-release.html"
  [ -f "$page" ] || { echo "browser_screenshot: $page missing; run relocale build first" >&2; exit 1; }
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=1000,1400 \
    --screenshot="$shots/$lang.png" "file://$(pwd)/$page" >/dev/null 2>&1
  [ -s "$shots/$lang.png" ] || { echo "browser_screenshot: no screenshot for $lang" >&2; exit 1; }
  echo "browser_screenshot: $shots/$lang.png"
done
