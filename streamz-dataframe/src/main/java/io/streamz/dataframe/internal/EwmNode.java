package io.streamz.dataframe.internal;

import io.streamz.Stream;
import io.streamz.dataframe.Column;
import io.streamz.dataframe.Frame;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements {@code ewm(...).mean()}, {@code var()} and {@code std()} (pandas {@code ewm} with
 * {@code adjust=True}, {@code ignore_na=False}), emitting the value at the last row of each
 * batch as streamz does; O(1) per row.
 */
public final class EwmNode extends Node<Frame, Double> {
    private final String op;
    private final int ddof;
    private final double oldWtFactor;
    private final Function<Frame, Column> values;
    private double mean = Double.NaN;
    private double cov;
    private double sumWt = 1;
    private double sumWt2 = 1;
    private double oldWt = 1;
    private long nobs;
    private boolean started;
    private double last = Double.NaN;

    public EwmNode(Stream<Frame> upstream, String op, double com, int ddof, Function<Frame, Column> values) {
        super(upstream, "ewm");
        this.op = op;
        this.ddof = ddof;
        this.oldWtFactor = 1 - 1 / (1 + com);
        this.values = values;
    }

    @Override
    protected String describeParams() {
        return op;
    }

    @Override
    protected CompletableFuture<?> accept(Frame x, Stream<?> who, List<Map<String, Object>> metadata) {
        Column v = values.apply(x);
        for (int i = 0; i < v.size(); i++) {
            last = step(v.getDouble(i));
        }
        return emitDownstream(last, metadata);
    }

    private double step(double cur) {
        boolean obs = !Double.isNaN(cur);
        if (!started) {
            started = true;
            mean = cur;
            nobs = obs ? 1 : 0;
        } else {
            nobs += obs ? 1 : 0;
            if (!Double.isNaN(mean)) {
                sumWt *= oldWtFactor;
                sumWt2 *= oldWtFactor * oldWtFactor;
                oldWt *= oldWtFactor;
                if (obs) {
                    double oldMean = mean;
                    if (mean != cur) {
                        mean = (oldWt * oldMean + cur) / (oldWt + 1);
                    }
                    cov = (oldWt * (cov + (oldMean - mean) * (oldMean - mean)) + (cur - mean) * (cur - mean))
                            / (oldWt + 1);
                    sumWt += 1;
                    sumWt2 += 1;
                    oldWt += 1;
                }
            } else if (obs) {
                mean = cur;
            }
        }
        if (nobs < 1) {
            return Double.NaN;
        }
        if (op.equals("mean")) {
            return mean;
        }
        double var;
        if (ddof == 0) {
            var = cov;
        } else {
            double num = sumWt * sumWt;
            double den = num - sumWt2;
            var = den > 0 ? num / den * cov : Double.NaN;
        }
        return op.equals("std") ? Math.sqrt(var) : var;
    }
}
