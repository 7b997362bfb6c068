#!/usr/bin/env bash
# Install (cached) n8n and run the e2e harness smoke test (test/e2e/n8n.smoke.ts, a node:test
# file) under Node 24, transpiling TypeScript with the project's scripts/ts-register.js
# (needs the project's devDependencies: `npm run setup`).
set -euo pipefail
cd "$(dirname "$0")/../.."
envfile=$(bash scripts/e2e/install-n8n.sh | tail -n1)
node24=$(sed -n 's/.*"nodeBin": "\(.*\)".*/\1/p' "$envfile")
[[ -d node_modules/typescript ]] || { echo "node_modules/typescript missing: run npm run setup first" >&2; exit 1; }
exec "$node24" -r ./scripts/ts-register.js --test-reporter=spec test/e2e/n8n.smoke.ts "$@"
