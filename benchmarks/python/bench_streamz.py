#!/usr/bin/env python3
"""Times the benchmark pipelines on Python streamz, for the streamz-python column.

Each pipeline is the one of the JMH class of the same name (see ../src/main/java), built with
streamz's own operators and fed the same kind of input. The result is nanoseconds per element
(per row for the dataframe pipelines), the median of a few timed repetitions after one warm-up.

    python3 bench_streamz.py [--quick] [--out result.json] [--only NAME[,NAME...]]

Prints one line per pipeline and writes {"Pipeline": {"ns_per_element": ..., "n": ...}} to --out.
Pipelines whose operators this streamz lacks are skipped with a note.
"""

import argparse
import json
import random
import statistics
import sys
import threading
import time

import streamz
from streamz import Stream
from streamz.core import sync


def inc(x):
    return (x + 1) & 127


def counting(n):
    return [i & 127 for i in range(n)]


def consume(_):
    pass


def time_emits(source, data):
    start = time.perf_counter_ns()
    emit = source.emit
    for x in data:
        emit(x)
    return time.perf_counter_ns() - start


def time_emits_in_loop(source, data):
    """For graphs bound to a Tornado loop (partition, timed_window, buffer): a synchronous emit
    from another thread is a round trip to the loop (tens of microseconds), so emit from a
    coroutine on the loop instead, the fastest way streamz offers."""

    async def run():
        start = time.perf_counter_ns()
        emit = source.emit
        for x in data:
            await emit(x, asynchronous=True)
        return time.perf_counter_ns() - start

    return sync(source.loop, run)


def map_sink(n):
    source = Stream()
    source.map(inc).sink(consume)
    return time_emits(source, counting(n)), n


def map10(n):
    source = Stream()
    s = source
    for _ in range(10):
        s = s.map(inc)
    s.sink(consume)
    return time_emits(source, counting(n)), n


def filter_accumulate(n):
    source = Stream()
    source.filter(lambda x: x & 1 == 0).accumulate(lambda acc, x: (acc + x) & 127).sink(consume)
    return time_emits(source, counting(n)), n


def branch_zip(n):
    source = Stream()
    a = source.map(inc)
    b = source.map(lambda x: (x * 2) & 127)
    a.zip(b).map(lambda t: (t[0] + t[1]) & 127).sink(consume)
    return time_emits(source, counting(n)), n


def partition10(n):
    source = Stream()
    source.partition(10).sink(consume)
    return time_emits_in_loop(source, counting(n)), n


def sliding_window10(n):
    source = Stream()
    source.sliding_window(10, return_partial=False).sink(consume)
    return time_emits(source, counting(n)), n


def unique100(n):
    source = Stream()
    source.unique(maxsize=100).sink(consume)
    rnd = random.Random(42)
    data = [rnd.randrange(256) - 128 for _ in range(n)]
    return time_emits(source, data), n


def timed_window(n):
    source = Stream()
    source.timed_window(0.01).sink(consume)
    return time_emits_in_loop(source, counting(n)), n


def multi_thread_emit(n):
    source = Stream()
    source.map(inc).sink(consume)
    per_thread = n // 4
    data = counting(per_thread)

    def run():
        for x in data:
            source.emit(x)

    threads = [threading.Thread(target=run) for _ in range(4)]
    start = time.perf_counter_ns()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter_ns() - start, per_thread * 4


def buffer100_slow_sink(n):
    # buffer(100) in front of an asynchronous sink whose work runs on one "device" thread, as in
    # the Java pipeline; emit waits only while 100 elements are held. Timed until the device has
    # written all n elements.
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    device = ThreadPoolExecutor(1)
    written = []

    def work(x):
        sum(range(20))  # about a microsecond of CPU
        written.append(x)

    def write(x):
        return asyncio.wrap_future(device.submit(work, x))

    source = Stream()
    source.buffer(100).sink(write)

    async def run():
        start = time.perf_counter_ns()
        for x in counting(n):
            await source.emit(x, asynchronous=True)
        while len(written) < n:
            await asyncio.sleep(0.0001)
        return time.perf_counter_ns() - start

    try:
        return sync(source.loop, run), n
    finally:
        device.shutdown()


# ------------------------------------------------------------------ dataframe

ROWS = 1000


def frames(batches, rows=ROWS):
    import numpy as np
    import pandas as pd

    rnd = np.random.default_rng(42)
    names = np.array(["alice", "bob", "charlie", "dan", "edith", "frank", "george", "hannah"])
    out = []
    t0 = pd.Timestamp("2024-01-01")
    for b in range(batches):
        index = t0 + pd.to_timedelta(np.arange(b * rows, (b + 1) * rows), unit="ms")
        out.append(pd.DataFrame({"x": rnd.random(rows), "name": names[rnd.integers(0, 8, rows)]},
                                index=index))
    return out


def time_frames(build, batches):
    from streamz.dataframe import DataFrame

    data = frames(batches)
    source = Stream()
    sdf = DataFrame(stream=source, example=data[0].iloc[:0])
    build(sdf).stream.sink(consume)
    return time_emits(source, data), batches * ROWS


def df_sum(batches):
    return time_frames(lambda sdf: sdf.x.sum(), batches)


def df_rolling_mean(batches):
    return time_frames(lambda sdf: sdf.rolling(100).x.mean(), batches)


def df_window_groupby_mean(batches):
    return time_frames(lambda sdf: sdf.window(n=10000).groupby("name").x.mean(), batches)


def df_window_time_mean(batches):
    return time_frames(lambda sdf: sdf.window(value="10s").x.mean(), batches)


# name -> (function, elements in a quick run, elements in a full run)
PIPELINES = {
    "MapSink": (map_sink, 50_000, 200_000),
    "Map10": (map10, 20_000, 100_000),
    "FilterAccumulate": (filter_accumulate, 50_000, 200_000),
    "BranchZip": (branch_zip, 20_000, 100_000),
    "Partition10": (partition10, 50_000, 200_000),
    "SlidingWindow10": (sliding_window10, 50_000, 200_000),
    "Unique100": (unique100, 50_000, 200_000),
    "TimedWindow": (timed_window, 5_000, 20_000),
    "MultiThreadEmit": (multi_thread_emit, 40_000, 200_000),
    "Buffer100SlowSink": (buffer100_slow_sink, 5_000, 20_000),
    # dataframe pipelines: the counts are batches of ROWS rows
    # (100 batches into a fresh pipeline, as each JMH invocation does)
    "DataFrameSum": (df_sum, 100, 100),
    "DataFrameRollingMean": (df_rolling_mean, 100, 100),
    "DataFrameWindowGroupbyMean": (df_window_groupby_mean, 100, 100),
    "DataFrameWindowTimeMean": (df_window_time_mean, 100, 100),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer elements and repetitions")
    parser.add_argument("--out", help="write the results as JSON to this file")
    parser.add_argument("--only", help="comma-separated pipeline names")
    parser.add_argument("--list", action="store_true", help="print the pipeline names and exit")
    parser.add_argument("--repeats", type=int, help="timed runs per pipeline (default 5, 3 with --quick)")
    args = parser.parse_args()
    if args.list:
        print(" ".join(PIPELINES))
        return

    repeats = args.repeats or (3 if args.quick else 5)
    names = [n for n in args.only.split(",") if n] if args.only is not None else list(PIPELINES)
    results = {}
    print(f"# Python {sys.version.split()[0]}, streamz {streamz.__version__}", flush=True)
    for name in names:
        func, quick_n, full_n = PIPELINES[name]
        n = quick_n if args.quick else full_n
        try:
            func(n)  # warm-up: imports, caches
            runs = []
            for _ in range(repeats):
                elapsed, elements = func(n)
                runs.append(elapsed / elements)
        except Exception as e:  # a pipeline this streamz cannot run is reported, not fatal
            print(f"{name:28s} skipped: {type(e).__name__}: {e}", flush=True)
            continue
        ns = statistics.median(runs)
        results[name] = {"ns_per_element": ns, "n": elements, "repeats": repeats, "runs": runs}
        print(f"{name:28s} {ns:12.1f} ns/element", flush=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
