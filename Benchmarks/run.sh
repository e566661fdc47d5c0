#!/usr/bin/env bash
# Issue 8's benchmarks, side by side in one run, written into BENCHMARKS.md between its
# `<!-- bench:begin -->` and `<!-- bench:end -->` markers (the prose around them is kept).
#   1. 40 connections at --rate-scale 60: wall time ÷ the rate limits' lower bound, calls per bucket
#      against SPEC §8's minimum (the sandbox's /_sandbox/expected-calls), 429s; the SDK peer beside it.
#   2. the same export again, nothing changed upstream: calls per bucket.
#   3. one large company, limits off, two sizes: wall time, rows/s, peak memory, largest response;
#      paybatch and the peer.
#   4. reconcile of 10,000 companies: wall time, peak memory.
#   5. (issue 20) run 1's 40 connections against a sandbox that answers like Finch, in hundreds of
#      milliseconds (`--latency 150:50`): wall time ÷ (the limits' lower bound + the calls that must
#      follow one another after the last window: a payment, then its pay statements — two mean
#      latencies, plus one jitter for the slowest answer of that last window), calls per bucket
#      against SPEC §8's minimum, 429s. Run right after 1 and 2, so the two sit side by side.
#   6. (issue 21) run 1's 40 connections again with `--include benefits`: what the benefits cost
#      beside run 1 (wall, CPU, memory), calls per bucket against the minimum with benefits, 429s.
# Usage: Benchmarks/run.sh [path/to/paybatch]     (`make bench` builds the release binary and runs this)
# Env: BENCH_QUICK=1 (10,000 and 50,000 lines, 2,000 companies), BENCH_OUT (default BENCHMARKS.md),
#      SANDBOX_BIN (default the same binary), PEER_PYTHON (default .venv-bench/bin/python),
#      BENCH_LINES="100000 1000000", BENCH_RECONCILE_COMPANIES=10000, BENCH_PEER_MAX_LINES=100000
#      (the largest size the peer is run at; it takes minutes per 100,000 lines),
#      BENCH_LATENCY=150:50 (part 5's --latency MEAN_MS[:JITTER_MS]),
#      BENCH_ONLY="1 latency" (only these parts, of 1 — with 2 and the peer —, 3, 4, latency, benefits; their
#      markdown goes to standard output and BENCHMARKS.md is left alone; e.g. BENCH_ONLY=latency for
#      part 5 alone in about 20 s).
# Needs GNU time (/usr/bin/time), curl, sqlite3, python3: `make bench-deps bench-venv`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-.build-release/release/paybatch}")
SANDBOX_BIN=$(realpath "${SANDBOX_BIN:-$BIN}")
PY=${PEER_PYTHON:-.venv-bench/bin/python}
PEER=Benchmarks/peers/finch_sdk_export.py
OUT_MD=${BENCH_OUT:-BENCHMARKS.md}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  LINES=${BENCH_LINES:-"10000 50000"}; RECON=${BENCH_RECONCILE_COMPANIES:-2000}; MODE="quick (BENCH_QUICK=1)"
else
  LINES=${BENCH_LINES:-"100000 1000000"}; RECON=${BENCH_RECONCILE_COMPANIES:-10000}; MODE=full
fi
# The peer needs about 0.8 ms a line; past this size it would break the 15-minute budget alone.
PEER_MAX_LINES=${BENCH_PEER_MAX_LINES:-100000}
LATENCY=${BENCH_LATENCY:-150:50}
ONLY=${BENCH_ONLY:-}
[ -z "$ONLY" ] || MODE="$MODE, BENCH_ONLY=$ONLY"
# part NAME: whether BENCH_ONLY (spaces or commas between names) leaves NAME in; everything without it.
part() { [ -z "$ONLY" ] || [[ " ${ONLY//,/ } " == *" $1 "* ]]; }
for name in ${ONLY//,/ }; do
  case $name in 1 | 3 | 4 | latency | benefits) ;; *) echo "run.sh: BENCH_ONLY takes 1, 3, 4, latency and benefits, not $name" >&2; exit 64 ;; esac
done
# The peer is needed only where it runs.
if part 1 || part 3; then NEEDS_PEER=1; else NEEDS_PEER=0; fi
NOW=2026-11-15T12:00:00Z
PERIOD=2026-10
WORK=$(mktemp -d)
SB_PID=""
trap 'stop_sandbox; rm -rf "$WORK"' EXIT
for tool in /usr/bin/time curl sqlite3 $([ "$NEEDS_PEER" = 0 ] || echo "$PY"); do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool missing: run make bench-deps bench-venv" >&2; exit 69; }
done
[ -x "$BIN" ] || { echo "run.sh: no binary at $BIN (make bench builds it)" >&2; exit 69; }
export PAYBATCH_KEY
PAYBATCH_KEY=$(head -c 32 /dev/urandom | base64)
unset PAYBATCH_KEY_FILE PAYBATCH_CONFIG PAYBATCH_RATE_SCALE PAYBATCH_OUT
J() { python3 -B Benchmarks/lib/figures.py "$@"; }   # small JSON arithmetic, see that file
log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# start_sandbox NAME ARGS...: serves a fresh sandbox (same seed and clock every time); sets BASE.
start_sandbox() {
  local name=$1; shift
  stop_sandbox
  "$SANDBOX_BIN" sandbox --port 0 --now "$NOW" "$@" >"$WORK/$name.sandbox" 2>"$WORK/$name.sandbox.err" &
  SB_PID=$!
  for _ in $(seq 300); do [ -s "$WORK/$name.sandbox" ] && break; sleep 0.1; done
  BASE=http://127.0.0.1:$(head -1 "$WORK/$name.sandbox")
  export FINCH_BASE_URL=$BASE
}
stop_sandbox() { if [ -n "$SB_PID" ]; then kill "$SB_PID" 2>/dev/null || true; wait "$SB_PID" 2>/dev/null || true; SB_PID=""; fi; }
counters() { curl -sf "$BASE/_sandbox/counters" >"$WORK/$1.counters.json"; }
reset_counters() { curl -sf -X POST "$BASE/_sandbox/counters/reset" >/dev/null; }
# timed NAME CMD...: runs CMD under GNU time; its exit code is kept in NAME.rc (3 and 4 are normal here).
timed() {
  local name=$1; shift
  set +e
  /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  echo $? >"$WORK/$name.rc"
  set -e
}
# Markdown rows accumulate here; commands are recorded as they would be typed.
ROWS=$WORK/rows.md
: >"$ROWS"
row() { printf '%s\n' "$*" >>"$ROWS"; }

# ---- 1 and 2: 40 connections at --rate-scale 60 --------------------------------------------------
SB1="--companies 40 --rate-scale 60"
if part 1; then
  log "1. 40 connections, --rate-scale 60"
  start_sandbox s1 $SB1
  "$BIN" sandbox --now "$NOW" --companies 40 --write-roster "$WORK/roster40.csv" >/dev/null
  export PAYBATCH_DB=$WORK/s1.sqlite
  "$BIN" roster import "$WORK/roster40.csv" --rate-scale 60 --quiet >/dev/null 2>&1 || true
  curl -sf "$BASE/_sandbox/expected-calls?period=$PERIOD" >"$WORK/expected40.json" || echo '{}' >"$WORK/expected40.json"
  sleep 2   # let the import's introspect calls leave the per-IP window (300/60 s) mostly
  reset_counters
  timed pb1 "$BIN" export --period "$PERIOD" --rate-scale 60 --out "$WORK/out1" --quiet
  counters pb1
  log "2. the same export again"
  reset_counters
  timed pb2 "$BIN" export --period "$PERIOD" --rate-scale 60 --out "$WORK/out2" --quiet
  counters pb2
  log "1. the SDK peer on a fresh identical sandbox"
  start_sandbox p1 $SB1
  timed peer1 "$PY" "$PEER" "$WORK/roster40.csv" --period "$PERIOD" --out "$WORK/peer1"
  counters peer1
  J section1 "$WORK" >>"$ROWS"
fi

# run40 N EXPECTED QUERY SANDBOX_ARGS EXPORT_ARGS: run 1's export again, on a fresh sandbox started
# with SANDBOX_ARGS and a fresh store, with EXPORT_ARGS; the sandbox's minimum calls (asked with
# QUERY) go to EXPECTED, the figures to pbN.* and its counters to pbN.counters.json.
run40() {
  local n=$1 expected=$2 query=$3 sandbox_args=$4 export_args=$5
  start_sandbox "s$n" $SB1 $sandbox_args
  [ -s "$WORK/roster40.csv" ] || "$BIN" sandbox --now "$NOW" --companies 40 --write-roster "$WORK/roster40.csv" >/dev/null
  export PAYBATCH_DB=$WORK/s$n.sqlite
  "$BIN" roster import "$WORK/roster40.csv" --rate-scale 60 --quiet >/dev/null 2>&1 || true
  curl -sf "$BASE/_sandbox/expected-calls?period=$PERIOD$query" >"$WORK/$expected" || echo '{}' >"$WORK/$expected"
  sleep 2   # as in 1: the import's introspect calls leave the per-IP window
  reset_counters
  timed "pb$n" "$BIN" export --period "$PERIOD" --rate-scale 60 --out "$WORK/out$n" $export_args --quiet
  counters "pb$n"
  stop_sandbox
}

# ---- 5: the same 40 connections against a sandbox with Finch's latency ---------------------------
# Its rows follow section 4's; it runs here, beside run 1, on the same machine's moment.
if part latency; then
  log "5. 40 connections, --rate-scale 60, --latency $LATENCY"
  run40 5 expected40lat.json "" "--latency $LATENCY" ""
  J section5 "$WORK" "$LATENCY" >"$WORK/rows5.md"
fi

# ---- 6: the same 40 connections with --include benefits ------------------------------------------
if part benefits; then
  log "6. 40 connections, --rate-scale 60, --include benefits"
  run40 6 expected40ben.json "&include=benefits" "" "--include benefits"
  J section6 "$WORK" >"$WORK/rows6.md"
fi

# ---- 3: one large company, limits off ------------------------------------------------------------
if part 3; then
  for lines in $LINES; do
    people=$((lines / 18))   # about 9 lines a statement, 2 payments a month, most people paid
    log "3. large company: $people people (~$lines lines)"
    start_sandbox "l$lines" --companies 8 --large-company "$people"
    "$BIN" sandbox --now "$NOW" --companies 8 --large-company "$people" --write-roster "$WORK/large.csv" --force >/dev/null
    { head -1 "$WORK/large.csv"; tail -1 "$WORK/large.csv"; } >"$WORK/large1.csv"
    export PAYBATCH_DB=$WORK/l$lines.sqlite
    "$BIN" roster import "$WORK/large1.csv" --quiet >/dev/null 2>&1 || true
    timed "pbl$lines" "$BIN" export --period "$PERIOD" --rate-scale 0 --out "$WORK/outl$lines" --quiet
    sqlite3 "$PAYBATCH_DB" "select max(length(body)) from responses" >"$WORK/pbl$lines.largest" || echo 0 >"$WORK/pbl$lines.largest"
    if [ "$lines" -le "$PEER_MAX_LINES" ]; then
      start_sandbox "pl$lines" --companies 8 --large-company "$people"
      timed "peerl$lines" "$PY" "$PEER" "$WORK/large1.csv" --period "$PERIOD" --out "$WORK/peerl$lines"
    fi
    echo "$people" >"$WORK/pbl$lines.people"
  done
  stop_sandbox
  J section3 "$WORK" $LINES >>"$ROWS"
fi

# ---- 4: reconcile of many companies --------------------------------------------------------------
if part 4; then
  log "4. reconcile of $RECON companies"
  "$BIN" sandbox --now "$NOW" --companies "$RECON" --write-roster "$WORK/rr.csv" \
    --write-connections "$WORK/rc.csv" --write-invoice "$WORK/ri.csv" --period "$PERIOD" >/dev/null
  start_sandbox r --companies "$RECON"
  export PAYBATCH_DB=$WORK/r.sqlite
  timed import "$BIN" roster import "$WORK/rr.csv" --rate-scale 0 --quiet
  stop_sandbox
  timed recon "$BIN" reconcile --period "$PERIOD" --invoice "$WORK/ri.csv" --connections "$WORK/rc.csv" \
    --out "$WORK/outr" --quiet
  J section4 "$WORK" "$RECON" >>"$ROWS"
fi
[ ! -s "$WORK/rows5.md" ] || cat "$WORK/rows5.md" >>"$ROWS"
[ ! -s "$WORK/rows6.md" ] || cat "$WORK/rows6.md" >>"$ROWS"

# ---- BENCHMARKS.md -------------------------------------------------------------------------------
J machine "$MODE" "$("$BIN" --version 2>/dev/null || echo unknown)" "$(swift --version 2>/dev/null | head -1 || echo 'swift not on PATH')" \
  "$("$PY" -c 'import finch, xlsxwriter; print(f"finch-api {finch.__version__}, XlsxWriter {xlsxwriter.__version__}")' 2>/dev/null || echo 'not run')" \
  "$([ "$SANDBOX_BIN" = "$BIN" ] || echo "$SANDBOX_BIN")" >"$WORK/machine.md"
if [ -n "$ONLY" ]; then
  # Some parts only: the table in BENCHMARKS.md stays whole, and what was measured is printed.
  cat "$WORK/machine.md" "$ROWS"
  log "BENCH_ONLY=$ONLY: $OUT_MD left as it was"
else
  J splice "$OUT_MD" "$WORK/machine.md" "$ROWS"
  log "wrote $OUT_MD"
fi
