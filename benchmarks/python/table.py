#!/usr/bin/env python3
"""Prints the table of docs/benchmarks.md ("run.sh --table") with error bars, and its goals.

    python3 table.py jmh-result.json [more-jmh-result.json ...] [--python python-result.json]

Each cell is JMH's score with its 99.9 % confidence interval (score +- error, from the forks and
iterations of the run). The goals are those of the speed issue: the guard (MapSink, Map10,
FilterAccumulate at most loop + 8 ns + 1 ns per node, and at least 1.5x faster than RxJava's
serialized subject), the confined graph within 1.25x of RxJava's plain subject, Unique100 and
SlidingWindow10 within 1.25x of RxJava, rolling(100).mean() at least 50x Python streamz + pandas
rows/s, KafkaEndToEnd at least 80 % of the plain client loop. A goal is met or missed only when
its line is clear of the error bars; otherwise it is not decided. Python's error bar is the
range of its timed runs (the goal is met only against its fastest run and missed only against
its slowest). Plain standard library.
"""

import json
import sys

PIPELINES = ["MapSink", "Map10", "FilterAccumulate", "Unique100", "SlidingWindow10", "BranchZip"]
COLUMNS = ["streamz", "streamzConfined", "loop", "reactor", "rxjava", "rxjavaSerialized"]
NODES = {"MapSink": 2, "Map10": 11, "FilterAccumulate": 3}
GUARD_NS = 8.0
NODE_NS = 1.0


def per_element(r):
    """(score, error) in ns per element (or per row); throughput results turned into time."""
    m = r["primaryMetric"]
    score, err, unit = m["score"], m.get("scoreError"), m["scoreUnit"]
    err = 0.0 if err is None or err != err else err
    per_op = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}
    per_time = {"ops/ns": 1.0, "ops/us": 1e3, "ops/ms": 1e6, "ops/s": 1e9}
    if unit in per_op:
        return score * per_op[unit], err * per_op[unit]
    if unit in per_time:
        ns = per_time[unit] / score
        return ns, ns * err / score
    raise ValueError(f"unexpected unit {unit}")


def load(paths):
    table = {}
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                cls, method = r["benchmark"].rsplit(".", 2)[-2:]
                table.setdefault(cls, {})[method] = r
    return table


def cell(r):
    if r is None:
        return "n/a"
    ns, err = per_element(r)
    return f"{ns:.2f} ± {err:.2f}" if ns < 100 else f"{ns:.0f} ± {err:.0f}"


def rate(r):
    ns, err = per_element(r)
    m = r["primaryMetric"]
    if m["scoreUnit"] == "ops/s":   # records per second as measured
        return f"{m['score'] / 1e3:,.0f} k ± {m['scoreError'] / 1e3:,.0f} k"
    return f"{1e3 / ns:,.1f} M ± {1e3 * err / ns / ns:,.1f} M"


def verdict(ok, clear):
    """A goal is met or missed only when its line is clear of the error bars (docs/benchmarks.md)."""
    if clear:
        return "met, clear of the error bars" if ok else "missed, clear of the error bars"
    side = "meets" if ok else "misses"
    return f"not decided, the mean {side} it but the line is within the error bars"


def main(argv):
    python_path = None
    if "--python" in argv:
        i = argv.index("--python")
        python_path = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    jmh = load(argv)
    python = {}
    if python_path:
        with open(python_path) as f:
            python = json.load(f)

    out = ["ns per element, JMH score ± 99.9 % confidence interval (lower is better)", "",
           "| pipeline | " + " | ".join(COLUMNS) + " | streamz/rxjava | confined/rxjava | rxjavaSerialized/streamz |",
           "|---|" + "---:|" * (len(COLUMNS) + 3)]
    for p in PIPELINES:
        c = jmh.get(p)
        if not c:
            continue

        def ns(k):
            return per_element(c[k])[0] if k in c else None

        def ratio(a, b):
            return f"{a / b:.2f}x" if a is not None and b else "n/a"

        out.append(f"| {p} | " + " | ".join(cell(c.get(k)) for k in COLUMNS)
                   + f" | {ratio(ns('streamz'), ns('rxjava'))} | {ratio(ns('streamzConfined'), ns('rxjava'))}"
                   + f" | {ratio(ns('rxjavaSerialized'), ns('streamz'))} |")

    rolling = jmh.get("DataFrameRollingMean", {})
    kafka = jmh.get("KafkaEndToEnd", {})
    if rolling or kafka:
        out += ["", "| pipeline | streamz | loop | loop, pandas' arithmetic | Python streamz | unit |",
                "|---|---:|---:|---:|---:|---|"]
    py_entry = python.get("DataFrameRollingMean", {})
    py_rolling = py_entry.get("ns_per_element")
    py_runs = py_entry.get("runs") or ([py_rolling] if py_rolling else [])

    def opt(c, k):
        return rate(c[k]) if k in c else "n/a"

    if rolling:
        py = "n/a"
        if py_rolling:
            py = f"{1e3 / py_rolling:,.2f} M ({1e3 / max(py_runs):,.2f} to {1e3 / min(py_runs):,.2f} M, {len(py_runs)} runs)"
        out.append(f"| DataFrameRollingMean | {opt(rolling, 'streamz')} | {opt(rolling, 'loop')} "
                   f"| {opt(rolling, 'loopPandas')} | {py} | rows/s |")
    if kafka:
        out.append(f"| KafkaEndToEnd | {opt(kafka, 'streamz')} | {opt(kafka, 'loop')} | | | records/s |")

    goals = []
    for p in NODES:
        c = jmh.get(p, {})
        if "streamz" in c and "loop" in c:
            (s, se), (lo, le) = per_element(c["streamz"]), per_element(c["loop"])
            limit = lo + GUARD_NS + NODE_NS * NODES[p]
            goals.append(f"- {p} at most loop + {GUARD_NS:.0f} + {NODES[p]} ns = {limit:.2f} ns: "
                         f"{verdict(s <= limit, abs(s - limit) > se + le)} ({s:.2f} ± {se:.2f})")
        if "streamz" in c and "rxjavaSerialized" in c:
            (s, se), (r, re_) = per_element(c["streamz"]), per_element(c["rxjavaSerialized"])
            goals.append(f"- {p} at least 1.5x faster than RxJava serialized: "
                         f"{verdict(r >= 1.5 * s, abs(r - 1.5 * s) > re_ + 1.5 * se)} ({r / s:.2f}x)")
    for p in PIPELINES:
        c = jmh.get(p, {})
        for ours, goal_name in (("streamzConfined", "confined graph"), ("streamz", None)):
            if goal_name is None and p not in ("Unique100", "SlidingWindow10"):
                continue
            if ours in c and "rxjava" in c:
                (s, se), (r, re_) = per_element(c[ours]), per_element(c["rxjava"])
                label = f"{p} {goal_name or 'streamz'} within 1.25x of RxJava"
                goals.append(f"- {label}: {verdict(s <= 1.25 * r, abs(s - 1.25 * r) > se + 1.25 * re_)} "
                             f"({s / r:.2f}x)")
    if "streamz" in rolling and py_rolling:
        s, se = per_element(rolling["streamz"])
        speedup = py_rolling / s
        low, high = min(py_runs) / (s + se), max(py_runs) / max(s - se, 1e-9)
        goals.append(f"- rolling(100).mean() at least 50x Python streamz + pandas: "
                     f"{verdict(speedup >= 50, low >= 50 or high < 50)} ({speedup:.1f}x by the medians, "
                     f"{low:.1f}x to {high:.1f}x with the error bars; Python {1e3 / py_rolling:.2f} M rows/s, "
                     f"median of {len(py_runs)} runs)")
    if "streamz" in kafka and "loop" in kafka:
        s, l = kafka["streamz"]["primaryMetric"], kafka["loop"]["primaryMetric"]
        share = s["score"] / l["score"]
        clear = abs(s["score"] - 0.8 * l["score"]) > s["scoreError"] + 0.8 * l["scoreError"]
        goals.append(f"- KafkaEndToEnd at least 80 % of the plain loop: {verdict(share >= 0.8, clear)} "
                     f"({share:.0%})")
    print("\n".join(out + ["", "Goals", ""] + goals))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
