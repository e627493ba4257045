#!/usr/bin/env python3
"""Times the seed's Dask pipeline on Python streamz + dask.distributed, beside the JMH classes
ScatterGather and ScatterGatherCpu (see ../src/main/java).

    /usr/bin/python3 bench_dask.py [--n 2000] [--cpu-n 200] [--repeats 5] [--out result.json]

On Client(LocalCluster(n_workers=2, threads_per_worker=1)) it runs
source.scatter().map(f).buffer(8).gather() fed by `await source.emit(i)`, with f = inc (the
per-element overhead) and f = about 1 ms of busy work (the speed-up); and the same 1 ms work in a
plain loop on one thread, the local baseline. Prints mean and standard deviation over the
repeats, in microseconds per element.
"""

import argparse
import asyncio
import json
import statistics
import time

from dask.distributed import Client, LocalCluster
from streamz import Stream


def inc(x):
    return x + 1


def work(x):
    """About a millisecond of CPU: spins until the clock moved 1 ms (as the Java benchmark)."""
    end = time.perf_counter() + 0.001
    while time.perf_counter() < end:
        pass
    return x + 1


async def pipeline_us(func, n):
    source = Stream(asynchronous=True)
    out = source.scatter().map(func).buffer(8).gather().sink_to_list()
    start = time.perf_counter()
    for i in range(n):
        await source.emit(i)
    while len(out) < n:
        await asyncio.sleep(0.0005)
    elapsed = time.perf_counter() - start
    assert out == [i + 1 for i in range(n)], "results out of order or missing"
    return elapsed / n * 1e6


def loop_us(n):
    start = time.perf_counter()
    for i in range(n):
        work(i)
    return (time.perf_counter() - start) / n * 1e6


def summary(name, samples):
    mean = statistics.mean(samples)
    sd = statistics.stdev(samples) if len(samples) > 1 else 0.0
    print(f"{name:28s} {mean:10.1f} us/element  +- {sd:.1f} (sd of {len(samples)} runs)")
    return {"us_per_element": mean, "sd": sd, "runs": samples}


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=2000)
    p.add_argument("--cpu-n", type=int, default=200)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--out")
    args = p.parse_args()

    cluster = await LocalCluster(n_workers=2, threads_per_worker=1, asynchronous=True, dashboard_address=None)
    client = await Client(cluster, asynchronous=True)
    try:
        await pipeline_us(inc, 100)   # warm-up: workers started, functions shipped
        result = {
            "overhead_inc": summary("dask 2 workers, inc",
                                    [await pipeline_us(inc, args.n) for _ in range(args.repeats)]),
            "cpu_1ms_dask2": summary("dask 2 workers, 1 ms work",
                                     [await pipeline_us(work, args.cpu_n) for _ in range(args.repeats)]),
            "cpu_1ms_local": summary("local loop, 1 ms work", [loop_us(args.cpu_n) for _ in range(args.repeats)]),
        }
    finally:
        await client.close()
        await cluster.close()
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    asyncio.run(main())
