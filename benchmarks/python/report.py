#!/usr/bin/env python3
"""Turns JMH's JSON results (and optionally bench_streamz.py's) into the comparison tables.

    python3 report.py jmh-result.json [python-result.json]

Prints Markdown: one row per pipeline with each contender's ns per element, the ratios
streamz/loop, streamz/reactor, streamz/rxjava and streamz-python/streamz, the bytes allocated per
element (from -prof gc) and the distance to the floor; then the dataframe pipelines in rows/s;
then how each goal of the suite came out. Plain standard library, no third-party modules.
"""

import json
import sys

CONTENDERS = ["streamz", "loop", "reactor", "rxjava"]

# Nodes an element passes through in our graph, for the floor estimate of the single-threaded,
# synchronous pipelines: loop + one uncontended atomic per emit + about 1 ns per node. (The loops
# of TimedWindow, MultiThreadEmit and Buffer100SlowSink already pay for their locks or hand-offs:
# they are the floor themselves.)
NODES = {
    "MapSink": 2,
    "Map10": 11,
    "FilterAccumulate": 3,
    "BranchZip": 5,
    "Partition10": 2,
    "SlidingWindow10": 2,
    "Unique100": 2,
}
ATOMIC_NS = 7.0
NODE_NS = 1.0

# Pipelines whose goal is "faster than reactor and on par with rxjava".
FAST_PATH = ["MapSink", "Map10", "FilterAccumulate"]
ON_PAR = 1.25  # "on par": within 25 %

DATAFRAME_PREFIX = "DataFrame"


def ns_per_element(result):
    """The primary score as nanoseconds per element, whatever mode and unit JMH used."""
    metric = result["primaryMetric"]
    score, unit = metric["score"], metric["scoreUnit"]
    per_op = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}
    per_time = {"ops/ns": 1.0, "ops/us": 1e3, "ops/ms": 1e6, "ops/s": 1e9}
    if unit in per_op:
        return score * per_op[unit]
    if unit in per_time:
        return per_time[unit] / score if score > 0 else float("inf")
    raise ValueError(f"unexpected JMH unit {unit!r} in {result['benchmark']}")


def bytes_per_element(result):
    metric = result.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return metric["score"] if metric else None


def load_jmh(path):
    with open(path) as f:
        results = json.load(f)
    table = {}  # pipeline -> contender -> (ns, bytes)
    for r in results:
        cls, method = r["benchmark"].rsplit(".", 2)[-2:]
        table.setdefault(cls, {})[method] = (ns_per_element(r), bytes_per_element(r))
    return table


def fmt_ns(ns):
    if ns is None:
        return "n/a"
    if ns >= 1000:
        return f"{ns:,.0f}"
    if ns >= 10:
        return f"{ns:.1f}"
    return f"{ns:.2f}"


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    r = a / b
    return f"{r:,.0f}x" if r >= 100 else f"{r:.2f}x"


def fmt_bytes(b):
    if b is None:
        return "n/a"
    return "0" if b < 0.05 else f"{b:.1f}"


def fmt_rate(ns):
    if ns is None:
        return "n/a"
    rate = 1e9 / ns
    if rate >= 1e6:
        return f"{rate / 1e6:.1f} M"
    if rate >= 1e3:
        return f"{rate / 1e3:.0f} k"
    return f"{rate:.0f}"


fmt_rows = fmt_rate


def core_table(jmh, python):
    lines = [
        "| pipeline | streamz | loop | reactor | rxjava | streamz-python "
        "| streamz/loop | streamz/reactor | streamz/rxjava | python/streamz "
        "| B/elem streamz | B/elem loop | floor | streamz - floor |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for pipeline in ordered(jmh, CORE):
        c = jmh[pipeline]
        ns = {k: c[k][0] if k in c else None for k in CONTENDERS}
        alloc = {k: c[k][1] if k in c else None for k in CONTENDERS}
        py = python.get(pipeline, {}).get("ns_per_element")
        floor = None
        if ns["loop"] is not None and pipeline in NODES:
            floor = ns["loop"] + ATOMIC_NS + NODE_NS * NODES[pipeline]
        distance = None if floor is None or ns["streamz"] is None else ns["streamz"] - floor
        lines.append(
            f"| {pipeline} | {fmt_ns(ns['streamz'])} | {fmt_ns(ns['loop'])} | {fmt_ns(ns['reactor'])} "
            f"| {fmt_ns(ns['rxjava'])} | {fmt_ns(py)} "
            f"| {fmt_ratio(ns['streamz'], ns['loop'])} | {fmt_ratio(ns['streamz'], ns['reactor'])} "
            f"| {fmt_ratio(ns['streamz'], ns['rxjava'])} | {fmt_ratio(py, ns['streamz'])} "
            f"| {fmt_bytes(alloc['streamz'])} | {fmt_bytes(alloc['loop'])} "
            f"| {fmt_ns(floor)} | {'n/a' if distance is None else f'{distance:+.1f}'} |"
        )
    return lines


def other_lines(jmh):
    """Benchmarks of classes or contenders outside the tables (e.g. end-to-end connector runs)."""
    lines = []
    for pipeline in ordered(jmh):
        for contender, (ns, alloc) in sorted(jmh[pipeline].items()):
            if pipeline in DATAFRAME and contender in ("streamz", "loop"):
                continue
            if pipeline in CORE and contender in CONTENDERS:
                continue
            lines.append(f"- {pipeline}.{contender}: {fmt_ns(ns)} ns per operation "
                         f"({fmt_rate(ns)} per second), {fmt_bytes(alloc)} B per operation")
    return lines


def dataframe_table(jmh, python):
    lines = [
        "| pipeline | streamz rows/s | loop rows/s | streamz-python rows/s | streamz/python speed-up "
        "| streamz ns/row | B/row streamz | B/row loop |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for pipeline in ordered(jmh, DATAFRAME):
        c = jmh[pipeline]
        ours = c.get("streamz", (None, None))
        loop = c.get("loop", (None, None))
        py = python.get(pipeline, {}).get("ns_per_element")
        lines.append(
            f"| {pipeline} | {fmt_rows(ours[0])} | {fmt_rows(loop[0])} | {fmt_rows(py)} "
            f"| {fmt_ratio(py, ours[0])} | {fmt_ns(ours[0])} | {fmt_bytes(ours[1])} | {fmt_bytes(loop[1])} |"
        )
    return lines


def goals(jmh, python):
    out = []

    def ns(pipeline, contender):
        c = jmh.get(pipeline, {}).get(contender)
        return c[0] if c else None

    def alloc(pipeline, contender):
        c = jmh.get(pipeline, {}).get(contender)
        return c[1] if c else None

    for p in FAST_PATH:
        ours, reactor, rx = ns(p, "streamz"), ns(p, "reactor"), ns(p, "rxjava")
        if ours is None:
            continue
        if reactor is not None:
            verdict = "met" if ours < reactor else f"missed: {ours / reactor:.2f}x reactor's time"
            out.append(f"- {p} faster than reactor: {verdict} ({fmt_ns(ours)} vs {fmt_ns(reactor)} ns)")
        if rx is not None:
            verdict = "met" if ours <= rx * ON_PAR else f"missed: {ours / rx:.2f}x rxjava's time"
            out.append(f"- {p} on par with rxjava (within {ON_PAR - 1:.0%}): {verdict} "
                       f"({fmt_ns(ours)} vs {fmt_ns(rx)} ns)")
    for p in ordered(jmh, CORE):
        ours_b, loop_b = alloc(p, "streamz"), alloc(p, "loop")
        if ours_b is not None and loop_b is not None:
            extra = ours_b - loop_b
            # within measurement noise: half a byte, or 10 % of the loop's own allocation
            verdict = "met" if extra < max(0.5, 0.1 * loop_b) else f"missed: {extra:.1f} B/element more than loop"
            out.append(f"- {p} allocates no more than loop: {verdict}")
    for p in ordered(jmh, CORE + DATAFRAME):
        ours, py = ns(p, "streamz"), python.get(p, {}).get("ns_per_element")
        if ours is None or py is None:
            continue
        goal = 20 if p.startswith(DATAFRAME_PREFIX) else 100
        speedup = py / ours
        verdict = "met" if speedup >= goal else f"missed by {goal / speedup:.1f}x"
        out.append(f"- {p} >= {goal}x Python streamz: {verdict} ({speedup:,.1f}x)")
    return out


ORDER = ["MapSink", "Map10", "FilterAccumulate", "BranchZip", "Partition10", "SlidingWindow10",
         "Unique100", "TimedWindow", "MultiThreadEmit", "Buffer100SlowSink", "DataFrameSum",
         "DataFrameRollingMean", "DataFrameWindowGroupbyMean", "DataFrameWindowTimeMean"]


CORE = [p for p in ORDER if not p.startswith(DATAFRAME_PREFIX)]
DATAFRAME = [p for p in ORDER if p.startswith(DATAFRAME_PREFIX)]


def ordered(jmh, names=None):
    """The pipelines of the results in table order; only those in names when given."""
    known = [p for p in ORDER if p in jmh]
    rest = sorted(p for p in jmh if p not in ORDER)
    everything = known + rest
    return everything if names is None else [p for p in everything if p in names]


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    jmh = load_jmh(sys.argv[1])
    python = {}
    if len(sys.argv) == 3:
        with open(sys.argv[2]) as f:
            python = json.load(f)
    print("Core pipelines, ns per element (lower is better); B/elem from -prof gc; "
          f"floor = loop + {ATOMIC_NS:.0f} ns (one atomic per emit) + {NODE_NS:.0f} ns per node")
    print()
    print("\n".join(core_table(jmh, python)))
    if "TimedWindow" in jmh:
        rates = ", ".join(f"{k} {1e9 / v[0] / 1e6:.1f} M" for k, v in jmh["TimedWindow"].items())
        print()
        print(f"TimedWindow, events/s through a 10 ms window: {rates}")
    if ordered(jmh, DATAFRAME):
        print()
        print("Dataframe pipelines, 1,000-row batches (higher rows/s is better)")
        print()
        print("\n".join(dataframe_table(jmh, python)))
    others = other_lines(jmh)
    if others:
        print()
        print("Other benchmarks")
        print()
        print("\n".join(others))
    print()
    print("Goals")
    print()
    print("\n".join(goals(jmh, python)))


if __name__ == "__main__":
    main()
