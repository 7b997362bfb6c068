#!/usr/bin/env bash
# Runs a command with Node 24 first on the PATH.
#
# n8n-workflow / n8n-core 2.x need Node 24, while a fresh machine may only have an older Node.
# When the current Node is not 24, this re-runs itself through the `node` package from the npm
# registry (`npx -p node@24`), which puts a Node 24 binary first on the PATH.
set -euo pipefail

if [ "$(node -p 'process.versions.node.split(".")[0]')" != "24" ]; then
  exec npx --yes --package node@24 -- bash "$0" "$@"
fi
exec "$@"
