#!/usr/bin/env bash
# npm run dev: n8n with this package and a sandbox, see scripts/dev.ts.
# On a fresh clone it first runs `npm run setup` (dependencies under Node 24) and installs n8n
# into its cache (scripts/e2e/install-n8n.sh: ~8 min the first time, instant afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d node_modules/typescript || ! -d node_modules/n8n-workflow ]]; then
  echo "[dev] node_modules missing: npm run setup"
  npm run setup
fi
envfile=$(bash scripts/e2e/install-n8n.sh | tail -n1)
node24=$(sed -n 's/.*"nodeBin": "\(.*\)".*/\1/p' "$envfile")
[[ -x "$node24" ]] || { echo "no Node 24 binary in $envfile" >&2; exit 1; }
exec "$node24" -r ./scripts/ts-register.js scripts/dev.ts "$@"
