package io.streamz.dashboard.internal;

import io.streamz.dashboard.Chart;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/**
 * The points of one chart: a sink below the chart's stream turns each element into points, kept
 * in a ring of the chart's size. The graph's thread only appends to the ring (a lock held for a
 * few array writes); readers copy what is new to them. Nothing here waits for a browser.
 */
public final class ChartFeed {
    private final int id;
    private final Chart chart;
    private final Scheduler clock;
    private final double[] times;
    private final double[][] rows;
    private List<String> series;        // fixed by the first element when no columns are named
    private long seq;                   // points added so far
    private double[][] window;          // per series, the last rollingMean values
    private double[] sums;

    public ChartFeed(int id, Chart chart, Scheduler clock) {
        this.id = id;
        this.chart = chart;
        this.clock = clock;
        this.times = new double[chart.points()];
        this.rows = new double[chart.points()][];
        this.series = chart.columns().isEmpty() ? null : chart.columns();
        chart.stream().sink(this::accept);
    }

    public int id() {
        return id;
    }

    public Chart chart() {
        return chart;
    }

    private void accept(Object x) {
        double t = clock.now(TimeUnit.MILLISECONDS) / 1000.0;
        if (x instanceof Number) {
            add(t, List.of(chart.title()), new double[] {((Number) x).doubleValue()});
        } else if (x instanceof Frame) {
            Frame f = (Frame) x;
            List<String> names = series != null ? series : numericColumns(f);
            for (int r = 0; r < f.rowCount(); r++) {
                double[] v = new double[names.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = f.hasColumn(names.get(i)) ? number(f.get(r, names.get(i))) : Double.NaN;
                }
                add(t, names, v);
            }
        } else if (x instanceof Series) {
            Series<?> s = (Series<?>) x;
            for (int i = 0; i < s.size(); i++) {
                add(t, List.of(s.name() == null ? chart.title() : s.name()), new double[] {number(s.get(i))});
            }
        } else if (x instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) x;
            List<String> names = series != null ? series : numericKeys(m);
            double[] v = new double[names.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = number(m.get(names.get(i)));
            }
            add(t, names, v);
        }
    }

    private static List<String> numericColumns(Frame f) {
        List<String> out = new ArrayList<>();
        for (String c : f.columnNames()) {
            if (f.rowCount() > 0 && f.get(0, c) instanceof Number) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<String> numericKeys(Map<?, ?> m) {
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> {
            if (v instanceof Number) {
                out.add(String.valueOf(k));
            }
        });
        return out;
    }

    private static double number(Object o) {
        return o instanceof Number ? ((Number) o).doubleValue() : Double.NaN;
    }

    private synchronized void add(double t, List<String> names, double[] values) {
        if (series == null) {
            series = List.copyOf(names);
        }
        if (values.length != series.size()) {
            return;   // a differently shaped element than the first: skipped
        }
        int n = chart.rollingMean();
        double[] row = values;
        if (n > 0) {
            if (window == null) {
                window = new double[values.length][n];
                sums = new double[values.length];
            }
            row = Arrays.copyOf(values, 2 * values.length);
            int slot = (int) (seq % n);
            long count = Math.min(seq + 1, n);
            for (int i = 0; i < values.length; i++) {
                double v = Double.isNaN(values[i]) ? 0 : values[i];
                sums[i] += v - window[i][slot];
                window[i][slot] = v;
                row[values.length + i] = sums[i] / count;
            }
        }
        int at = (int) (seq % times.length);
        times[at] = t;
        rows[at] = row;
        seq++;
    }

    /** The series names, the means' after the values', or an empty list before the first point. */
    public synchronized List<String> seriesNames() {
        if (series == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(series);
        if (chart.rollingMean() > 0) {
            for (String s : series) {
                out.add("mean(" + chart.rollingMean() + ") of " + s);
            }
        }
        return out;
    }

    /**
     * Appends {@code {"id":..,"series":[..],"points":[[t,v..],..]}} with the points after
     * {@code cursor} still kept, and returns the new cursor.
     */
    public synchronized long appendSince(long cursor, StringBuilder b) {
        b.append("{\"id\":").append(id).append(",\"series\":[");
        List<String> names = seriesNames();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Json.string(b, names.get(i));
        }
        b.append("],\"total\":").append(seq).append(",\"points\":[");
        long from = Math.max(cursor, seq - times.length);
        for (long s = from; s < seq; s++) {
            int at = (int) (s % times.length);
            if (s > from) {
                b.append(',');
            }
            b.append('[');
            Json.number(b, times[at]);
            for (double v : rows[at]) {
                Json.number(b.append(','), v);
            }
            b.append(']');
        }
        b.append("]}");
        return seq;
    }
}
