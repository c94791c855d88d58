#!/usr/bin/env bash
# Regenerate docs/report.png: the HTML report of the seeds, first screen, in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
.venv/bin/factcheck audit seeds/ --format "html:$out/report.html" --fail-on never
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --hide-scrollbars --window-size=1280,1000 --screenshot=docs/report.png "file://$out/report.html"
rm -r "$out"
