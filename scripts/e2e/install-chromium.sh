#!/usr/bin/env bash
# The browser of test/e2e/editor.e2e.ts: Debian's `chromium` (run headless by playwright-core,
# which downloads no browser) and `fonts-noto-cjk` (the demo data's Chinese names in the
# screenshots). Installs whichever is missing with apt-get (`apt-get update` once, as root or
# through sudo), like scripts/e2e/queue.sh does for postgresql/redis-server; does nothing when
# both are there, or when CHROMIUM_PATH names an existing browser and the fonts are there.
# Prints how long the install took.
set -euo pipefail
say() { echo "== e2e: $*"; }

missing=()
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
[[ -x "$chromium" ]] || missing+=(chromium)
[[ "$(dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null || true)" == "install ok installed" ]] || missing+=(fonts-noto-cjk)
if (( ${#missing[@]} == 0 )); then
  say "chromium and fonts-noto-cjk present ($chromium)"
  exit 0
fi
ta=$(date +%s)
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
say "installing the Debian packages ${missing[*]}"
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
[[ -x "$chromium" ]] || { echo "no Chromium at $chromium after installing" >&2; exit 1; }
say "Debian packages installed in $(( $(date +%s) - ta ))s"
