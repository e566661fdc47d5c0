#!/usr/bin/env bash
# Load figures for the built-in sandbox (issue 3): small-request throughput with limits off, and a
# 20,000-person company served on demand. A benchmark, not a test: numbers depend on the machine.
# Usage: Benchmarks/sandbox_load.sh [path/to/paybatch]   (default: release build, else debug)
# Needs wrk (apt-get install wrk) and curl.
set -euo pipefail
BIN=${1:-}
if [ -z "$BIN" ]; then
  BIN=.build/release/paybatch
  [ -x "$BIN" ] || BIN=.build/debug/paybatch
fi
NOW=2026-11-15T12:00:00Z
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

start() {
  "$BIN" sandbox --port 0 --now "$NOW" "$@" >"$WORK/out" 2>"$WORK/err" &
  PID=$!
  for _ in $(seq 100); do [ -s "$WORK/out" ] && break; sleep 0.1; done
  PORT=$(head -1 "$WORK/out")
}

"$BIN" sandbox --now "$NOW" --large-company 20000 --write-roster "$WORK/roster.csv" >/dev/null
TOKEN=$(sed -n 2p "$WORK/roster.csv" | cut -d, -f3)
LARGE=$(tail -1 "$WORK/roster.csv" | cut -d, -f3)

echo "binary: $BIN"
start --large-company 20000
echo "== 1. small requests (GET /employer/company), limits off, wrk 2 threads / 16 connections / 10 s"
wrk -t2 -c16 -d10s -H "Authorization: Bearer $TOKEN" -H "Finch-API-Version: 2020-09-17" \
  "http://127.0.0.1:$PORT/employer/company" | grep -E "Requests/sec|Latency|requests in"

echo "== 2. a 20,000-person company: whole directory, then one month of payments and a 5000-statement page"
H=(-H "Authorization: Bearer $LARGE" -H "Finch-API-Version: 2020-09-17")
curl -s -o /dev/null -w "directory: %{size_download} bytes in %{time_total} s\n" "${H[@]}" \
  "http://127.0.0.1:$PORT/employer/directory"
PAYMENT=$(curl -s "${H[@]}" "http://127.0.0.1:$PORT/employer/payment?start_date=2026-10-01&end_date=2026-10-31" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
curl -s -o /dev/null -w "pay statements (limit 5000): %{size_download} bytes in %{time_total} s\n" "${H[@]}" \
  -H "Content-Type: application/json" -d "{\"requests\":[{\"payment_id\":\"$PAYMENT\",\"limit\":5000}]}" \
  "http://127.0.0.1:$PORT/employer/pay-statement"
grep -E "VmHWM|VmRSS" "/proc/$PID/status"
