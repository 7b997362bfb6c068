#!/usr/bin/env bash
# The queue-mode e2e leg (test/e2e/queue.e2e.ts): our package, built and packed, inside n8n 2.41.1
# in queue mode — PostgreSQL + Redis from Debian's packages (private instances on 127.0.0.1),
# n8n main, two workers and a webhook processor (test/e2e/queue.ts). Modelled on run.sh:
#  1. installs the Debian packages postgresql and redis-server if missing (apt-get; root or sudo);
#  2. installs n8n into its cache if needed (scripts/e2e/install-n8n.sh);
#  3. builds the package (skip with E2E_SKIP_BUILD=1);
#  4. runs the node:test file under the cached Node 24 with the project's TypeScript hook (so
#     `npm run setup` must have run), in a throwaway run directory (E2E_QUEUE_RUN_DIR) where the
#     test lists every process group it starts; whatever is still running there is stopped on
#     exit, on failure, on Ctrl-C and on timeout.
# Ends with one plain line "e2e:queue: N passed, N failed"; exits non-zero if anything failed.
# Extra arguments go to node before the file, e.g. --test-name-pattern="CRM push".
# Env: E2E_TIMEOUT (whole test run, default 20m), E2E_QUEUE_KEEP=1 (keep the run directory: logs,
# database), N8N_E2E_VERBOSE=1 (every process's log to stderr), and those of install-n8n.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
say() { echo "== e2e:queue: $*"; }

# ---- 1. PostgreSQL and Redis (Debian packages) -------------------------------------------------
pg_server() { ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n1 || true; }
if [[ -z "$(pg_server)" ]] || ! command -v redis-server >/dev/null; then
  ta=$(date +%s)
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  say "installing the Debian packages postgresql and redis-server"
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql redis-server
  say "Debian packages installed in $(( $(date +%s) - ta ))s"
fi
pg=$(pg_server)
[[ -n "$pg" ]] || { echo "no PostgreSQL server binary under /usr/lib/postgresql" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server not found" >&2; exit 1; }
export E2E_PG_BIN="${E2E_PG_BIN:-$(dirname "$pg")}"
export E2E_REDIS_SERVER="${E2E_REDIS_SERVER:-$(command -v redis-server)}"

# ---- 2. n8n, 3. build ---------------------------------------------------------------------------
envfile=$(bash scripts/e2e/install-n8n.sh | tail -n1)
node24=$(sed -n 's/.*"nodeBin": "\(.*\)".*/\1/p' "$envfile")
[[ -x "$node24" ]] || { echo "no Node 24 binary in $envfile" >&2; exit 1; }
[[ -d node_modules/typescript ]] || { echo "node_modules/typescript missing: run npm run setup first" >&2; exit 1; }
if [[ "${E2E_SKIP_BUILD:-}" != 1 ]]; then
  say "npm run build"
  npm run build
fi

# ---- 4. the test, in a run directory that is cleaned up whatever happens -----------------------
rundir=$(mktemp -d "${TMPDIR:-/tmp}/n8n-e2e-queue.XXXXXX")
chmod 755 "$rundir" # the postgres OS user needs to reach its directory inside
export E2E_QUEUE_RUN_DIR="$rundir"
summary=$(mktemp)
tpid=""
cleaned=""
# A process group with a live member (killed processes may linger as zombies while PID 1 is slow
# to reap them). Reads /proc: `ps` is not always installed. (cat fails on processes that vanish
# meanwhile; with pipefail that must not count.)
group_alive() {
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v g="$1" '
    { s = $0; sub(/^.*\) /, "", s); split(s, f, " "); if (f[1] != "Z" && f[3] == g) found = 1 }
    END { exit !found }'
}
cleanup() {
  [[ -z "$cleaned" ]] || return 0
  cleaned=1
  set +e
  # the test runner (timeout is the leader of its process group)
  if [[ -n "$tpid" ]] && group_alive "$tpid"; then
    kill -TERM -- "-$tpid" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do group_alive "$tpid" || break; sleep 0.5; done
    kill -KILL -- "-$tpid" 2>/dev/null
  fi
  # every process group the test started (n8n processes, postgres, redis) that is still alive
  if [[ -f "$rundir/pids" ]]; then
    local alive=()
    while read -r pgid sig name; do
      if group_alive "$pgid"; then
        echo "e2e:queue: stopping leftover $name (process group $pgid)" >&2
        kill -s "${sig#SIG}" -- "-$pgid" 2>/dev/null
        alive+=("$pgid")
      fi
    done <"$rundir/pids"
    for _ in $(seq 1 20); do
      local any=""
      for g in "${alive[@]}"; do group_alive "$g" && any=1; done
      [[ -n "$any" ]] || break
      sleep 0.5
    done
    for g in "${alive[@]}"; do kill -KILL -- "-$g" 2>/dev/null; done
  fi
  if [[ "${E2E_QUEUE_KEEP:-}" == 1 ]]; then
    echo "e2e:queue: run directory kept: $rundir" >&2
  else
    rm -rf "$rundir"
  fi
  rm -f "$summary"
}
on_signal() {
  trap - INT TERM
  cleanup
  say "interrupted after $(( $(date +%s) - t0 ))s"
  echo "e2e:queue: 0 passed, 1 failed"
  exit 130
}
trap cleanup EXIT
trap on_signal INT TERM

say "test/e2e/queue.e2e.ts (run directory $rundir)"
set +e
timeout --kill-after=30s "${E2E_TIMEOUT:-20m}" "$node24" -r ./scripts/ts-register.js \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./test/e2e/summary-reporter.js --test-reporter-destination="$summary" \
  "$@" test/e2e/queue.e2e.ts &
tpid=$!
wait "$tpid"
rc=$?
set -e
line=$(tail -n1 "$summary" 2>/dev/null || true)
cleanup
say "finished in $(( $(date +%s) - t0 ))s (exit $rc)"
if [[ "$line" =~ ^e2e:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  line="e2e:queue: ${BASH_REMATCH[1]} passed, ${BASH_REMATCH[2]} failed"
else
  line="e2e:queue: 0 passed, 1 failed" # the run died before the reporter could count (timeout, crash)
  [[ $rc -ne 0 ]] || rc=1
fi
[[ "$line" =~ \ 0\ failed$ ]] || [[ $rc -ne 0 ]] || rc=1
echo "$line"
exit $rc
