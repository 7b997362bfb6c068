#!/usr/bin/env bash
# The end-to-end suite: our package, built and packed, inside a real n8n 2.41.1 —
# test/e2e/package.e2e.ts (nodes, credentials, triggers), test/e2e/examples.e2e.ts (the
# workflows of examples/ against the sandbox's demo data), test/e2e/schemas.e2e.ts (the
# output schemas the editor fetches) and test/e2e/editor.e2e.ts (n8n's editor in headless
# Chromium: Debian's /usr/bin/chromium, see scripts/e2e/install-chromium.sh), each starting its
# own n8n.
# Installs n8n into its cache if needed (scripts/e2e/install-n8n.sh), builds the package (skip
# with E2E_SKIP_BUILD=1), then runs each node:test file under the cached Node 24 with the
# project's TypeScript hook (so `npm run setup` must have run). Ends with one plain line
# "e2e: N passed, N failed" counting all files; exits non-zero if anything failed.
# Extra arguments go to node before each file, e.g. --test-name-pattern="Sobot Trigger".
# Env: E2E_FILES (space-separated, default all three), E2E_TIMEOUT (per file, default 25m),
# N8N_E2E_VERBOSE=1 (n8n's log to stderr), and those of install-n8n.sh / test/e2e/n8n.ts.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
envfile=$(bash scripts/e2e/install-n8n.sh | tail -n1)
node24=$(sed -n 's/.*"nodeBin": "\(.*\)".*/\1/p' "$envfile")
[[ -x "$node24" ]] || { echo "no Node 24 binary in $envfile" >&2; exit 1; }
[[ -d node_modules/typescript ]] || { echo "node_modules/typescript missing: run npm run setup first" >&2; exit 1; }
if [[ "${E2E_SKIP_BUILD:-}" != 1 ]]; then
  echo "== e2e: npm run build"
  npm run build
fi
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
passed=0 failed=0 rc=0
for file in ${E2E_FILES:-test/e2e/package.e2e.ts test/e2e/clock.e2e.ts test/e2e/examples.e2e.ts test/e2e/schemas.e2e.ts test/e2e/editor.e2e.ts}; do
  echo "== e2e: $file"
  : >"$summary"
  set +e
  timeout --kill-after=30s "${E2E_TIMEOUT:-25m}" "$node24" -r ./scripts/ts-register.js \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./test/e2e/summary-reporter.js --test-reporter-destination="$summary" \
    "$@" "$file"
  frc=$?
  set -e
  line=$(tail -n1 "$summary" 2>/dev/null || true)
  if [[ "$line" =~ ^e2e:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
  else
    p=0 f=1   # the run died before the reporter could count (timeout, crash)
  fi
  (( f == 0 && frc == 0 )) || { (( f > 0 )) || f=1; rc=1; }
  passed=$(( passed + p )) failed=$(( failed + f ))
  echo "== e2e: $file: $p passed, $f failed (exit $frc)"
done
echo "== e2e: finished in $(( $(date +%s) - t0 ))s (exit $rc)"
echo "e2e: $passed passed, $failed failed"
exit $rc
