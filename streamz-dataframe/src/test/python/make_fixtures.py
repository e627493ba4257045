"""Computes the reference results of the dataframe tests with real streamz 0.6.4 and pandas 1.5.3.

Run from this directory:  python3 make_fixtures.py
It writes ../resources/fixtures/batches_<size>.json for batch sizes 1, 7 and 1000: the input
batches (columns x, y, name, t) and, for each operation, what streamz emits per batch. Where
streamz has no such operation (min/max over all history or a window, ewm var/std), or where it
differs from pandas (missing values in ewm mean and cumulative operations), the value is
pandas' over all rows so far, taken at the last row of each batch, which is what the Java
operation promises.
"""
import json
import math
import os

import numpy as np
import pandas as pd
from streamz import Stream
from streamz.dataframe import DataFrame

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "fixtures")
NAMES = ["a", "b", "c", "d", "e"]


def make_rows(n, seed):
    rng = np.random.default_rng(seed)
    x = np.round(rng.normal(10, 5, n), 3)
    x[rng.random(n) < 0.05] = np.nan
    y = rng.integers(-5, 6, n).astype(float)
    name = rng.choice(NAMES[: 3 if n < 100 else 5], n)
    t = np.cumsum(rng.integers(0, 4, n))           # seconds, non-decreasing
    return pd.DataFrame({"x": x, "y": y, "name": name,
                         "t": pd.to_datetime(t, unit="s")})


def batches_of(df, size):
    return [df.iloc[i:i + size].reset_index(drop=True) for i in range(0, len(df), size)]


def num(v):
    v = float(v)
    return None if math.isnan(v) else v


def series_values(s):
    return [num(v) for v in s.tolist()]


def series_map(s):
    return {str(k): num(v) for k, v in s.items()}


def frame_columns(df):
    return {c: series_values(df[c]) for c in df.columns}


def run(size, n, seed):
    df = make_rows(n, seed)
    batches = batches_of(df, size)
    example = df.iloc[:1]
    results = {}

    def collect(name, stream, conv):
        results[name] = (stream, conv)

    source = Stream()
    sdf = DataFrame(source, example=example)
    scalar = lambda v: num(v)
    collect("sum", sdf.x.sum().stream, scalar)
    collect("mean", sdf.x.mean().stream, scalar)
    collect("count", sdf.x.count().stream, scalar)
    collect("size", sdf.x.size.stream, scalar)
    collect("var", sdf.x.expanding().var().stream, scalar)
    collect("var0", sdf.x.expanding().var(ddof=0).stream, scalar)
    collect("std", sdf.x.expanding().std().stream, scalar)
    for op in ["sum", "mean", "min", "max", "median", "std", "var", "count"]:
        collect("rolling3_" + op, getattr(sdf.rolling(3).x, op)().stream, series_values)
    collect("rolling3_quantile", sdf.rolling(3).x.quantile(0.3).stream, series_values)
    collect("rolling10_mean", sdf.rolling(10).x.mean().stream, series_values)
    collect("rolling10_median", sdf.rolling(10).x.median().stream, series_values)
    for op in ["sum", "mean", "count", "size", "var", "std"]:
        w = getattr(sdf.window(5).x, op)
        collect("window5_" + op, (w if op == "size" else w()).stream, scalar)
    collect("window5_valueCounts", sdf.window(5).name.value_counts().stream, series_map)
    for op in ["sum", "mean", "count", "size", "var", "std"]:
        collect("groupby_" + op, getattr(sdf.groupby("name").x, op)().stream, series_map)
        collect("window5_groupby_" + op, getattr(sdf.window(5).groupby("name").x, op)().stream, series_map)
    collect("ewm_mean", sdf.y.ewm(span=3).mean().stream, scalar)
    collect("valueCounts", sdf.name.value_counts().stream, series_map)
    xy = sdf[["x", "y"]]
    collect("frame_sum", xy.sum().stream, series_map)
    collect("frame_mean", xy.mean().stream, series_map)
    collect("frame_window5_sum", xy.window(5).sum().stream, series_map)
    collect("frame_window5_var", xy.window(5).var().stream, series_map)
    collect("frame_rolling3_mean", xy.rolling(3).mean().stream, frame_columns)

    tsource = Stream()
    tdf = DataFrame(tsource, example=example.set_index("t"))
    for op in ["sum", "mean", "min", "max", "median", "std", "var", "count"]:
        collect("rolling5s_" + op, getattr(tdf.rolling("5s").x, op)().stream, series_values)
    for op in ["sum", "mean", "count", "size", "var"]:
        w = getattr(tdf.window(value="10s").x, op)
        collect("window10s_" + op, (w if op == "size" else w()).stream, scalar)
    collect("window10s_groupby_sum", tdf.window(value="10s").groupby("name").x.sum().stream, series_map)

    sinks = {k: s.sink_to_list() for k, (s, _) in results.items()}
    for b in batches:
        source.emit(b)
        tsource.emit(b.set_index("t"))
    out = {k: [results[k][1](v) for v in sinks[k]] for k in results}

    # pandas over all rows so far, at the end of each batch: min, max, ewm var/std, window min/max,
    # and the ewm mean of a column with missing values (streamz's EWMean turns NaN for good after
    # the first missing value; pandas skips them, and so do we), and the cumulative operations
    # (streamz carries only the last row of a batch on, so a batch ending in a missing value
    # restarts the running sum; pandas, and we, run over all history)
    ends = np.cumsum([len(b) for b in batches]) - 1
    x = df.x
    out["min"] = [num(x.expanding().min().iloc[e]) for e in ends]
    out["max"] = [num(x.expanding().max().iloc[e]) for e in ends]
    out["window5_min"] = [num(x.iloc[max(0, e - 4):e + 1].min()) for e in ends]
    out["window5_max"] = [num(x.iloc[max(0, e - 4):e + 1].max()) for e in ends]
    out["ewm_var"] = [num(df.y.ewm(span=3).var().iloc[e]) for e in ends]
    out["ewm_std"] = [num(df.y.ewm(span=3).std().iloc[e]) for e in ends]
    starts = [0] + list(ends[:-1] + 1)
    for op in ["cumsum", "cumprod", "cummin", "cummax"]:
        whole = getattr(df.y if op == "cumprod" else x, op)()
        out[op] = [series_values(whole.iloc[s:e + 1]) for s, e in zip(starts, ends)]
    out["ewm_mean_x"] = [num(x.ewm(span=3).mean().iloc[e]) for e in ends]

    return {
        "batchSize": size,
        "batches": [{"x": [num(v) for v in b.x], "y": [num(v) for v in b.y], "name": list(b.name),
                     "t": [int(v.value // 10**9) for v in b.t]} for b in batches],
        "results": out,
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    for size, n, seed in [(1, 40, 1), (7, 70, 7), (1000, 2000, 1000)]:
        data = run(size, n, seed)
        with open(os.path.join(OUT, "batches_%d.json" % size), "w") as f:
            json.dump(data, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
