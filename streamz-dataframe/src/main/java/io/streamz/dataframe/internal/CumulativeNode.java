package io.streamz.dataframe.internal;

import io.streamz.Stream;
import io.streamz.dataframe.Column;
import io.streamz.dataframe.ColumnType;
import io.streamz.dataframe.DoubleColumn;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.LongColumn;
import io.streamz.dataframe.Series;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements {@code cumsum}, {@code cumprod}, {@code cummin} and {@code cummax}: one series per
 * batch, aligned with its rows, carrying the running value across batches (pandas skips missing
 * values: their rows stay {@code NaN}). A long column stays long.
 */
public final class CumulativeNode extends Node<Frame, Series<Object>> {
    private final String op;
    private final Function<Frame, Column> values;
    private final Function<Frame, Column> labels;
    private double acc = Double.NaN;
    private long longAcc;
    private boolean started;

    public CumulativeNode(Stream<Frame> upstream, String op, Function<Frame, Column> values,
                          Function<Frame, Column> labels) {
        super(upstream, op);
        this.op = op;
        this.values = values;
        this.labels = labels;
    }

    @Override
    protected CompletableFuture<?> accept(Frame x, Stream<?> who, List<Map<String, Object>> metadata) {
        Column v = values.apply(x);
        Column result;
        if (v.type() == ColumnType.LONG) {
            long[] out = new long[v.size()];
            for (int i = 0; i < out.length; i++) {
                long value = ((LongColumn) v).getLong(i);
                longAcc = !started ? value : combine(longAcc, value);
                started = true;
                out[i] = longAcc;
            }
            result = LongColumn.of(v.name(), out);
        } else {
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                double value = v.getDouble(i);
                if (Double.isNaN(value)) {
                    out[i] = Double.NaN;
                    continue;
                }
                acc = Double.isNaN(acc) && !started ? value : combine(acc, value);
                started = true;
                out[i] = acc;
            }
            result = DoubleColumn.wrap(v.name(), out);
        }
        Column label = labels == null ? null : labels.apply(x);
        return emitDownstream(label == null ? Series.of(v.name(), result) : Series.of(v.name(), result, label),
                metadata);
    }

    private double combine(double a, double b) {
        switch (op) {
            case "cumsum": return a + b;
            case "cumprod": return a * b;
            case "cummin": return Math.min(a, b);
            default: return Math.max(a, b);
        }
    }

    private long combine(long a, long b) {
        switch (op) {
            case "cumsum": return a + b;
            case "cumprod": return a * b;
            case "cummin": return Math.min(a, b);
            default: return Math.max(a, b);
        }
    }
}
