package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.WindowNode;
import io.streamz.dataframe.internal.WindowState;
import io.streamz.internal.util.Intervals;
import java.time.Duration;

/** Which rows a {@link Window} covers: the last n rows, a time span of the index, or all rows so far. */
final class WindowSpec {
    enum Kind { ROWS, TIME, EXPANDING }

    final StreamingDataFrame sdf;
    final Kind kind;
    final int n;
    final Duration value;

    WindowSpec(StreamingDataFrame sdf, Kind kind, int n, Duration value) {
        this.sdf = sdf;
        this.kind = kind;
        this.n = n;
        this.value = value;
    }

    <R> Stream<R> build(String what, WindowState<R> state) {
        switch (kind) {
            case ROWS:
                return WindowNode.rows(sdf.stream(), what, n, state);
            case TIME: {
                String idx = sdf.requireIndex(what);
                return WindowNode.time(sdf.stream(), what, value, f -> f.instantColumn(idx), state);
            }
            default:
                return WindowNode.expanding(sdf.stream(), what, state);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.ROWS ? "n=" + n : kind == Kind.TIME ? "value=" + Intervals.format(value) : "expanding";
    }
}
