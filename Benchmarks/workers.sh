#!/usr/bin/env bash
# Issue 22's benchmark: 1, 2 and 4 workers exporting the 40 sandbox connections of part 1 at
# --rate-scale 10 (BENCH_WORKERS_SCALE; the bound then dwarfs a process start) together through one PostgreSQL store, and 2 workers at --budget-share 0.5:
# wall time ÷ the rate limits' lower bound (the budget binds, not the workers), calls per bucket
# against SPEC §8's minimum, 429s. Prints a markdown table.
# Usage: Scripts/with-postgres.sh -- Benchmarks/workers.sh [path/to/paybatch]
# (`make bench-workers` builds the release binary and runs this beside a throw-away server).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-.build-release/release/paybatch}")
: "${PAYBATCH_TEST_POSTGRES_URL:?run under Scripts/with-postgres.sh}"
PERIOD=2026-10
NOW=2026-11-15T12:00:00Z
WORK=$(mktemp -d)
SB_PID=""
trap '[ -z "$SB_PID" ] || kill "$SB_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
SCALE=${BENCH_WORKERS_SCALE:-10}
export PAYBATCH_KEY PAYBATCH_NOW=$NOW PAYBATCH_RATE_SCALE=$SCALE
PAYBATCH_KEY=$(head -c 32 /dev/urandom | base64)
unset PAYBATCH_KEY_FILE PAYBATCH_CONFIG PAYBATCH_OUT PAYBATCH_BUDGET_SHARE

"$BIN" sandbox --port 0 --now "$NOW" --companies 40 --rate-scale "$SCALE" --write-roster "$WORK/roster.csv" \
  >"$WORK/sandbox" 2>"$WORK/sandbox.err" &
SB_PID=$!
for _ in $(seq 300); do [ -s "$WORK/sandbox" ] && break; sleep 0.1; done
BASE=http://127.0.0.1:$(head -1 "$WORK/sandbox")
export FINCH_BASE_URL=$BASE
curl -sf "$BASE/_sandbox/expected-calls?period=$PERIOD" >"$WORK/expected.json"

echo "| workers | --budget-share | wall s | lower bound s | wall ÷ bound | calls = minimum | 429s |"
echo "|---|---|---|---|---|---|---|"
for case in "1 1" "2 1" "4 1" "2 0.5"; do
  read -r workers share <<<"$case"
  # One sandbox serves every case: let the previous case's calls leave its windows (a new store's
  # budget knows nothing of them, as a new application's would not), a minute scaled, twice.
  sleep $((120 / SCALE))
  db="bench_${workers}_${share/./_}"
  psql -q "$PAYBATCH_TEST_POSTGRES_URL" -c "CREATE DATABASE $db" >/dev/null
  url=${PAYBATCH_TEST_POSTGRES_URL/\/postgres\?//$db?}
  PAYBATCH_DB=$url "$BIN" --quiet roster import "$WORK/roster.csv" >/dev/null 2>&1 || true
  curl -sf -X POST "$BASE/_sandbox/counters/reset" >/dev/null
  start=$(date +%s.%N)
  pids=()
  for w in $(seq "$workers"); do
    PAYBATCH_DB=$url PAYBATCH_BUDGET_SHARE=$share "$BIN" --quiet export --period "$PERIOD" \
      --out "$WORK/out-$db" >"$WORK/$db.$w.out" 2>"$WORK/$db.$w.err" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  end=$(date +%s.%N)
  curl -sf "$BASE/_sandbox/counters" >"$WORK/$db.counters.json"
  python3 -B - "$WORK/expected.json" "$WORK/$db.counters.json" "$start" "$end" "$workers" "$share" <<'PY'
import json, sys
sys.path.insert(0, "Benchmarks/lib")
from figures import lower_bound, calls, refused
expected, counters = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
wall = float(sys.argv[4]) - float(sys.argv[3])
bound, _ = lower_bound(expected)
share = float(sys.argv[6])
bound = bound / share
minimum = expected["calls"]["buckets"]
made = calls(counters)
same = all(made.get(b, 0) == n for b, n in minimum.items())
where = {b: v["refused"] for b, v in counters.get("buckets", {}).items() if v.get("refused")}
if counters.get("ip_refused"):
    where["ip"] = counters["ip_refused"]
print(f"| {sys.argv[5]} | {share:g} | {wall:.1f} | {bound:.1f} | {wall / bound:.2f} | {'yes' if same else 'no: ' + json.dumps(made)} | {refused(counters)}{' ' + json.dumps(where) if where else ''} |")
PY
done
