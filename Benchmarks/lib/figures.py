#!/usr/bin/env python3
"""Turns the files Benchmarks/run.sh leaves in its work folder into BENCHMARKS.md sections.

Subcommands: section1 WORK | section3 WORK LINES... | section4 WORK COMPANIES | section5 WORK LATENCY |
section6 WORK |
machine MODE ... | splice BENCHMARKS.md MACHINE.md ROWS.md. Only the standard library: it runs with the system python3.
"""

import json
import os
import platform
import re
import sys

NOW, PERIOD = "2026-11-15T12:00:00Z", "2026-10"
BUCKETS = ["introspect", "company", "directory", "individual", "employment", "payment", "pay_statement"]
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
CPU = {}  # CPU seconds (user + system) of each timed command, filled by gnu_time


def load(path, default=None):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return default if default is not None else {}


def gnu_time(work, name):
    """Wall seconds, peak RSS in MB and exit code from `/usr/bin/time -v` output."""
    wall, rss = None, None
    try:
        text = open(os.path.join(work, name + ".time"), encoding="utf-8").read()
    except OSError:
        text = ""
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    if m:
        parts = [float(p) for p in m.group(1).split(":")]
        wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    CPU[name] = cpu if text else None
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        rss = int(m.group(1)) / 1024
    try:
        rc = open(os.path.join(work, name + ".rc")).read().strip()
    except OSError:
        rc = "?"
    return wall, rss, rc


def run_json(folder):
    return load(os.path.join(folder, PERIOD, "run.json"))


def file_rows(run, path):
    return next((f["rows"] for f in run.get("files", []) if f["path"] == path), None)


def calls(counters):
    """First attempts per bucket from the sandbox's counters (a refused call is retried, so not counted)."""
    result = {b: v["calls"] - v["refused"] for b, v in counters.get("buckets", {}).items()}
    result["introspect"] = counters.get("endpoints", {}).get("GET /introspect", {}).get("calls", 0)
    return result


def refused(counters):
    return sum(v["refused"] for v in counters.get("buckets", {}).values()) + counters.get("ip_refused", 0)


def fmt(x, digits=2):
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:,.{digits}f}"
    return f"{x:,}"


def met(ok):
    return "—" if ok is None else ("**met**" if ok else "**not met**")


def lower_bound(expected):
    """Max over buckets of calls needed ÷ calls allowed per second (the per-IP ceiling included)."""
    limits = expected.get("limits", {})
    window = limits.get("window_seconds")
    needed = expected.get("calls", {}).get("buckets", {})
    if not window or not needed:
        return None, None
    per_second = {b: n / window for b, n in limits.get("per_window", {}).items()}
    per_second["ip"] = limits["ip_per_window"] / limits["ip_window_seconds"]
    needed = dict(needed, ip=sum(needed.values()))
    bounds = {b: needed[b] / per_second[b] for b in needed if b in per_second}
    worst = max(bounds, key=bounds.get)
    return bounds[worst], worst


def minimum_verdict(minimum, made, buckets=BUCKETS):
    """The line under a bucket table: every bucket's calls equal to SPEC §8's minimum."""
    ok = bool(minimum) and all(made.get(b, 0) == minimum.get(b, 0) for b in buckets)
    verdict = met(ok) if minimum else "— (this sandbox has no /_sandbox/expected-calls)"
    return ["", "Calls per bucket equal to the minimum: %s." % verdict, ""]


def section1(work):
    expected = load(os.path.join(work, "expected40.json"))
    bound, worst = lower_bound(expected)
    pb_wall, pb_rss, pb_rc = gnu_time(work, "pb1")
    peer_wall, peer_rss, peer_rc = gnu_time(work, "peer1")
    pb, peer = load(os.path.join(work, "pb1.counters.json")), load(os.path.join(work, "peer1.counters.json"))
    peer_out = load(os.path.join(work, "peer1.out"))
    ratio = pb_wall / bound if pb_wall and bound else None
    minimum = expected.get("calls", {}).get("buckets", {})
    pb_calls, peer_calls = calls(pb), calls(peer)
    out = [
        "## 1. 40 connections at `--rate-scale 60` (issue 8 #1, #4)",
        "",
        "Commands: `paybatch sandbox --now %s --companies 40 --rate-scale 60`; `paybatch roster import "
        "roster.csv`; `/usr/bin/time -v paybatch export --period %s --rate-scale 60`; the peer on a fresh "
        "sandbox started the same way: `/usr/bin/time -v .venv-bench/bin/python "
        "Benchmarks/peers/finch_sdk_export.py roster.csv --period %s --out peer`. The minimum calls and the "
        "limits come from the sandbox's `GET /_sandbox/expected-calls?period=%s`; calls made from "
        "`GET /_sandbox/counters` (first attempts: calls less refusals)." % (NOW, PERIOD, PERIOD, PERIOD),
        "",
        "| figure | paybatch | peer (finch-api) | target | |",
        "|---|---|---|---|---|",
        "| wall time (s) | %s | %s | paybatch faster | %s |"
        % (fmt(pb_wall), fmt(peer_wall), met(pb_wall < peer_wall if pb_wall and peer_wall else None)),
        "| lower bound the limits imply (s) | %s (bucket `%s`) | | | |" % (fmt(bound), worst or "?"),
        "| wall ÷ lower bound | %s | %s | ≤ 1.10 | %s |"
        % (fmt(ratio), fmt(peer_wall / bound if peer_wall and bound else None), met(ratio <= 1.10 if ratio else None)),
        "| 429s received | %s | %s (SDK saw %s) | 0 | %s |"
        % (refused(pb), refused(peer), peer_out.get("http_429", "?"), met(refused(pb) == 0)),
        "| peak memory (MB) | %s | %s | | |" % (fmt(pb_rss, 1), fmt(peer_rss, 1)),
        "| exit code | %s | %s | | |" % (pb_rc, peer_rc),
        "",
        "| bucket | SPEC §8 minimum | paybatch | peer | |",
        "|---|---|---|---|---|",
    ]
    for b in BUCKETS:
        out.append("| `%s` | %s | %s | %s | %s |" % (
            b, fmt(minimum.get(b)), fmt(pb_calls.get(b, 0)), fmt(peer_calls.get(b, 0)),
            met(pb_calls.get(b, 0) == minimum.get(b)) if minimum else "—"))
    out += minimum_verdict(minimum, pb_calls)
    out += section2(work)
    return "\n".join(out)


def section2(work):
    first, second = run_json(os.path.join(work, "out1")), run_json(os.path.join(work, "out2"))
    statuses = [c.get("export_status") for c in first.get("connections", [])]
    ok, refetch = statuses.count("ok"), statuses.count("partial") + statuses.count("failed")
    # A multi-entity connection fetched again reads each of its connected entities (issue 21).
    company_calls = sum(
        len([e for e in c["entities"] if e.get("status") == "connected"]) if c.get("entities") else 1
        for c in first.get("connections", []) if c.get("export_status") in ("partial", "failed"))
    made = calls(load(os.path.join(work, "pb2.counters.json")))
    sources = [c.get("source") for c in second.get("connections", [])]
    wall, _, rc = gnu_time(work, "pb2")
    data_ok = made.get("company", 0) == company_calls
    intro_ok = made.get("introspect", 0) == len(statuses)
    out = [
        "## 2. The same export again, nothing changed upstream (issue 8 #2)",
        "",
        "Command: the same `paybatch export --period %s --rate-scale 60` right after the first. The first run "
        "left %d connection(s) `ok` and %d `partial`/`failed` (fetched again, SPEC §8); the others are "
        "`pending` or `reauth_required` (introspect only). Wall time %s s, exit %s; run.json sources: %d "
        "reused, %d fetched."
        % (PERIOD, ok, refetch, fmt(wall), rc, sources.count("reused"), sources.count("fetched")),
        "",
        "| bucket | calls made | target | |",
        "|---|---|---|---|",
        "| `introspect` | %s | one per connection (%d) | %s |" % (fmt(made.get("introspect", 0)), len(statuses), met(intro_ok)),
        "| `company` | %s | one per connection (and connected entity) fetched again (%d) | %s |" % (fmt(made.get("company", 0)), company_calls, met(data_ok)),
    ]
    for b in BUCKETS[2:]:
        out.append("| `%s` | %s | only for those %d | |" % (b, fmt(made.get(b, 0)), refetch))
    return out + [""]


def section3(work, sizes):
    out = [
        "## 3. One large company, limits off (issue 8 #3, #4)",
        "",
        "Commands: `paybatch sandbox --now %s --companies 8 --large-company N` (N people, semi-monthly: two "
        "payments in the month); a roster of that company alone; `/usr/bin/time -v paybatch export --period %s "
        "--rate-scale 0`; the peer on a fresh sandbox started the same way. Lines are rows of "
        "pay_statement_lines; the largest response is the longest stored (encrypted) body in the store. "
        "Both tools wait on the same sandbox, which builds every statement it serves (about 0.2 s for "
        "the first call's two pages of 5,000 statements, 11.75 MB, on this machine): CPU seconds show "
        "each tool's own cost."
        % (NOW, PERIOD),
        "",
        "| people | tool | lines | wall (s) | CPU (s) | lines/s | peak memory (MB) | largest response (MB) | exit |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    figures = []
    for size in sizes:
        people = open(os.path.join(work, "pbl%s.people" % size)).read().strip()
        pb_wall, pb_rss, pb_rc = gnu_time(work, "pbl" + size)
        peer_wall, peer_rss, peer_rc = gnu_time(work, "peerl" + size)
        lines = file_rows(run_json(os.path.join(work, "outl" + size)), "pay_statement_lines.csv")
        peer_lines = load(os.path.join(work, "peerl%s.out" % size)).get("rows", {}).get("pay_statement_lines")
        try:
            largest = int(open(os.path.join(work, "pbl%s.largest" % size)).read().strip() or 0) / 1e6
        except (OSError, ValueError):
            largest = None
        out.append("| %s | paybatch | %s | %s | %s | %s | %s | %s | %s |" % (
            fmt(int(people)), fmt(lines), fmt(pb_wall), fmt(CPU.get("pbl" + size)), fmt(lines / pb_wall if lines and pb_wall else None, 0),
            fmt(pb_rss, 1), fmt(largest), pb_rc))
        if peer_wall is None:
            out.append("| %s | peer | not run: over `BENCH_PEER_MAX_LINES` (the 15-minute budget) | | | | | | |"
                       % fmt(int(people)))
        else:
            out.append("| %s | peer | %s | %s | %s | %s | %s | | %s |" % (
                fmt(int(people)), fmt(peer_lines), fmt(peer_wall), fmt(CPU.get("peerl" + size)),
                fmt(peer_lines / peer_wall if peer_lines and peer_wall else None, 0), fmt(peer_rss, 1), peer_rc))
        figures.append((pb_wall, pb_rss, peer_wall, peer_rss, largest, lines, CPU.get("pbl" + size),
                        CPU.get("peerl" + size)))
    small, large = figures[0], figures[-1]
    both = [f for f in figures if f[2] is not None] or [large]
    compared = both[-1]
    out.append("")
    if small[1] and large[1] and large[4] is not None:
        allowed = 1.2 * small[1] + 3 * large[4]
        out.append("- Memory: %s MB at the larger size against 1.2 × %s + 3 × %s = %s MB allowed: %s."
                   % (fmt(large[1], 1), fmt(small[1], 1), fmt(large[4]), fmt(allowed, 1), met(large[1] <= allowed)))
    if compared[0] and compared[2]:
        out.append("- Speed: the peer takes %s× paybatch's time at %s lines (target ≥ 5): %s."
                   % (fmt(compared[2] / compared[0]), fmt(compared[5]), met(compared[2] / compared[0] >= 5)))
        if compared[6] and compared[7]:
            out.append("- CPU: the peer spends %s× paybatch's CPU seconds at %s lines (not a target; less "
                       "noisy than wall time on a shared machine)." % (fmt(compared[7] / compared[6]), fmt(compared[5])))
    if compared[1] and compared[3]:
        out.append("- Memory against the peer: paybatch uses %s× the peer's peak at %s lines (target ≤ 0.25): %s."
                   % (fmt(compared[1] / compared[3]), fmt(compared[5]), met(compared[1] / compared[3] <= 0.25)))
    return "\n".join(out + [""])


def section4(work, companies):
    imp_wall, imp_rss, imp_rc = gnu_time(work, "import")
    wall, rss, rc = gnu_time(work, "recon")
    return "\n".join([
        "## 4. Reconciliation of %s companies (issue 8 #5)" % fmt(int(companies)),
        "",
        "Commands: `paybatch sandbox --now %s --companies %s --write-roster r.csv --write-connections c.csv "
        "--write-invoice i.csv --period %s`; `paybatch roster import r.csv --rate-scale 0` against that "
        "sandbox; `/usr/bin/time -v paybatch reconcile --period %s --invoice i.csv --connections c.csv`."
        % (NOW, companies, PERIOD, PERIOD),
        "",
        "| step | wall (s) | peak memory (MB) | exit |",
        "|---|---|---|---|",
        "| roster import (one introspect each) | %s | %s | %s |" % (fmt(imp_wall), fmt(imp_rss, 1), imp_rc),
        "| reconcile | %s | %s | %s |" % (fmt(wall), fmt(rss, 1), rc),
        "",
        "No target is set for this row beyond being measured; exit 4 is the expected outcome (the sandbox's "
        "invoice carries deliberate discrepancies).",
        "",
    ])


def latency_allowance(latency):
    """Seconds the answers' latency adds to the limits' bound, from `--latency MEAN_MS[:JITTER_MS]`.

    After the last pay-statement window opens, two calls must still follow one another: the
    payment and then its pay statements, two mean latencies. The run ends with the slowest answer
    of that last window (up to 12 calls), which is near mean + jitter: one jitter more.
    """
    mean, _, jitter = latency.partition(":")
    mean, jitter = float(mean) / 1000, float(jitter or 0) / 1000
    return 2 * mean + jitter, mean, jitter


def section5(work, latency):
    expected = load(os.path.join(work, "expected40lat.json"))
    bound, worst = lower_bound(expected)
    allowance, mean, jitter = latency_allowance(latency)
    wall, rss, rc = gnu_time(work, "pb5")
    no_latency_wall, _, _ = gnu_time(work, "pb1")
    counters = load(os.path.join(work, "pb5.counters.json"))
    target = bound + allowance if bound is not None else None
    ratio = wall / target if wall and target else None
    minimum = expected.get("calls", {}).get("buckets", {})
    made = calls(counters)
    out = [
        "## 5. 40 connections at `--rate-scale 60` against Finch-like latency (issue 20)",
        "",
        "Commands: `paybatch sandbox --now %s --companies 40 --rate-scale 60 --latency %s` (every API "
        "answer leaves %s ms ± %s ms after its request arrived, uniform, drawn from the seed; 429s and "
        "`/_sandbox/*` at once); `paybatch roster import roster.csv`; `/usr/bin/time -v paybatch export "
        "--period %s --rate-scale 60`. The limits' lower bound is the same as run 1's; the latency adds "
        "the calls that must follow one another after the last window — the payment, then its pay "
        "statements: 2 × the mean — and one jitter for the slowest answer of that window."
        % (NOW, latency, fmt(mean * 1000, 0), fmt(jitter * 1000, 0), PERIOD),
        "",
        "| figure | paybatch | run 1 (no latency) | target | |",
        "|---|---|---|---|---|",
        "| wall time (s) | %s | %s | | |" % (fmt(wall), fmt(no_latency_wall)),
        "| lower bound the limits imply (s) | %s (bucket `%s`) | %s | | |" % (fmt(bound), worst or "?", fmt(bound)),
        "| latency allowance (s) | %s = 2 × %s + %s | | | |" % (fmt(allowance), fmt(mean, 3), fmt(jitter, 3)),
        "| wall time allowed (s) | 1.10 × (%s + %s) = %s | | | |"
        % (fmt(bound), fmt(allowance), fmt(1.10 * target if target else None, 3)),
        "| wall ÷ (bound + allowance) | %s | %s (÷ bound alone) | ≤ 1.10 | %s |"
        % (fmt(ratio), fmt(no_latency_wall / bound if no_latency_wall and bound else None),
           met(ratio <= 1.10 if ratio else None)),
        "| 429s received | %s | | 0 | %s |" % (refused(counters), met(refused(counters) == 0)),
        "| peak memory (MB) | %s | | | |" % fmt(rss, 1),
        "| exit code | %s | | | |" % rc,
        "",
        "| bucket | SPEC §8 minimum | paybatch | |",
        "|---|---|---|---|",
    ]
    for b in BUCKETS:
        out.append("| `%s` | %s | %s | %s |" % (
            b, fmt(minimum.get(b)), fmt(made.get(b, 0)), met(made.get(b, 0) == minimum.get(b)) if minimum else "—"))
    return "\n".join(out + minimum_verdict(minimum, made))


def section6(work):
    """Run 1 again with --include benefits: its cost beside run 1, its calls against the minimum."""
    expected = load(os.path.join(work, "expected40ben.json"))
    bound, worst = lower_bound(expected)
    wall, rss, rc = gnu_time(work, "pb6")
    wall1, rss1, _ = gnu_time(work, "pb1")
    counters = load(os.path.join(work, "pb6.counters.json"))
    ratio = wall / bound if wall and bound else None
    minimum = expected.get("calls", {}).get("buckets", {})
    made = calls(counters)
    out = [
        "## 6. 40 connections at `--rate-scale 60` with `--include benefits` (issue 21)",
        "",
        "Commands: run 1's sandbox, roster and export, with `--include benefits`: the connections "
        "granted the `benefits` product read `GET /employer/benefits`, then each benefit's "
        "enrollments (1 + B calls, bucket `benefits`, 20 a minute), and every regular paycheck's "
        "deductions are checked against them. The minimum calls come from "
        "`/_sandbox/expected-calls?period=%s&include=benefits`." % PERIOD,
        "",
        "| figure | with benefits | run 1 (without) | target | |",
        "|---|---|---|---|---|",
        "| wall time (s) | %s | %s | | |" % (fmt(wall), fmt(wall1)),
        "| CPU time (s) | %s | %s | | |" % (fmt(CPU.get("pb6")), fmt(CPU.get("pb1"))),
        "| lower bound the limits imply (s) | %s (bucket `%s`) | | | |" % (fmt(bound), worst or "?"),
        "| wall ÷ lower bound | %s | | ≤ 1.10 | %s |" % (fmt(ratio), met(ratio <= 1.10 if ratio else None)),
        "| 429s received | %s | | 0 | %s |" % (refused(counters), met(refused(counters) == 0)),
        "| peak memory (MB) | %s | %s | | |" % (fmt(rss, 1), fmt(rss1, 1)),
        "| exit code | %s | | | |" % rc,
        "",
        "| bucket | SPEC §8 minimum | paybatch | |",
        "|---|---|---|---|",
    ]
    for b in BUCKETS + ["benefits"]:
        out.append("| `%s` | %s | %s | %s |" % (
            b, fmt(minimum.get(b)), fmt(made.get(b, 0)), met(made.get(b, 0) == minimum.get(b)) if minimum else "—"))
    return "\n".join(out + minimum_verdict(minimum, made, BUCKETS + ["benefits"]))


def machine(mode, version, swift, peer, sandbox=""):
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    except OSError:
        pass
    load = " ".join(open("/proc/loadavg").read().split()[:3]) if os.path.exists("/proc/loadavg") else "?"
    return "\n".join([
        "Measured by `Benchmarks/run.sh` (`make bench`), mode: %s, finished %s UTC." % (
            mode, __import__("datetime").datetime.now(__import__("datetime").timezone.utc).strftime("%Y-%m-%d %H:%M")),
        "",
        "- machine: %s cores (`nproc`), %s memory, kernel %s, load average at the end %s" % (
            len(os.sched_getaffinity(0)), mem, platform.release(), load),
        "- %s; paybatch %s; peer: Python %s, %s" % (swift, version, platform.python_version(), peer),
        *(["- the sandboxes ran from another binary: `%s`" % sandbox] if sandbox else []),
        "",
    ])


def splice(md_path, machine_path, rows_path):
    generated = open(machine_path, encoding="utf-8").read() + "\n" + open(rows_path, encoding="utf-8").read()
    block = BEGIN + "\n" + generated.rstrip() + "\n" + END
    try:
        text = open(md_path, encoding="utf-8").read()
    except OSError:
        text = "# Benchmarks\n"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    with open(md_path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "section1":
        print(section1(*args))
    elif command == "section3":
        print(section3(args[0], args[1:]))
    elif command == "section4":
        print(section4(*args))
    elif command == "section5":
        print(section5(*args))
    elif command == "section6":
        print(section6(*args))
    elif command == "machine":
        print(machine(*args))
    elif command == "splice":
        splice(*args)
    else:
        sys.exit("figures.py: unknown subcommand " + command)
