package io.streamz.dataframe.internal;

import io.streamz.dataframe.Column;
import io.streamz.dataframe.DoubleColumn;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.LongColumn;
import io.streamz.dataframe.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Group-by aggregation, results as a {@link Series} indexed by the keys in sorted order (as
 * pandas sorts groups). Rows with a missing key belong to no group. Over a window, a group none
 * of whose rows is left disappears (streamz), unless {@code keepEmpty} (value counts keep their
 * zeros, as streamz's do).
 *
 * <p>Sums, means and variances follow streamz's {@code GroupbySum}, {@code GroupbyMean} and
 * {@code GroupbyVar} to the last bit: each batch's per-group sum (pandas' compensated group
 * sum) and sum of squares (numpy's) is added to the group's totals. Counts, sizes, minima and
 * maxima run one {@link RowState} per group.
 */
public final class KeyedState implements WindowState<Series<Object>> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Object> KEY_ORDER = (a, b) -> a.getClass() == b.getClass()
            ? ((Comparable) a).compareTo(b) : a.getClass().getName().compareTo(b.getClass().getName());

    /** One group's running values. */
    private static final class Group {
        RowState state;
        double sum;
        double sumsq;
        long count;
        long rows;
    }

    private final Function<Frame, Column> keys;
    private final Function<Frame, Column> values;
    private final Supplier<RowState> factory;
    private final String op;
    private final int ddof;
    private final boolean keepEmpty;
    private final boolean longResult;
    private final TreeMap<Object, Group> groups = new TreeMap<>(KEY_ORDER);
    private String keyName;
    private String valueName;

    /** Groups aggregated by a {@link RowState} each (count, size, min, max, value counts). */
    public KeyedState(Function<Frame, Column> keys, Function<Frame, Column> values, Supplier<RowState> factory,
                      boolean keepEmpty) {
        this(keys, values, factory, null, 0, keepEmpty, factory.get().result() instanceof Long);
    }

    private KeyedState(Function<Frame, Column> keys, Function<Frame, Column> values, Supplier<RowState> factory,
                       String op, int ddof, boolean keepEmpty, boolean longResult) {
        this.keys = keys;
        this.values = values;
        this.factory = factory;
        this.op = op;
        this.ddof = ddof;
        this.keepEmpty = keepEmpty;
        this.longResult = longResult;
    }

    /** Groups aggregated as streamz does: {@code op} is sum, mean, var or std. */
    public static KeyedState totals(Function<Frame, Column> keys, Function<Frame, Column> values, String op, int ddof) {
        return new KeyedState(keys, values, null, op, ddof, false, false);
    }

    @Override
    public void onNew(Frame rows) {
        Column k = keys.apply(rows);
        Column v = values.apply(rows);
        keyName = k.name();
        valueName = v.name();
        update(k, v, 1);
    }

    @Override
    public void onOld(Frame rows) {
        update(keys.apply(rows), values.apply(rows), -1);
    }

    private void update(Column k, Column v, int sign) {
        if (op == null) {
            for (int i = 0; i < k.size(); i++) {
                if (k.isMissing(i)) {
                    continue;
                }
                Object key = k.get(i);
                Group g = sign > 0 ? groups.computeIfAbsent(key, x -> newGroup()) : groups.get(key);
                if (sign > 0) {
                    g.state.add(RowStates.valueAt(v, i));
                    g.rows++;
                } else {
                    g.state.remove(RowStates.valueAt(v, i));
                    g.rows--;
                    if (!keepEmpty && g.rows == 0) {
                        groups.remove(key);
                    }
                }
            }
            return;
        }
        Map<Object, int[]> rowsByKey = new LinkedHashMap<>();
        for (int i = 0; i < k.size(); i++) {
            if (!k.isMissing(i)) {
                int[] idx = rowsByKey.computeIfAbsent(k.get(i), x -> new int[] {0, 0, 0, 0, 0});
                if (idx[0] + 1 == idx.length) {
                    idx = Arrays.copyOf(idx, idx.length * 2);
                    rowsByKey.put(k.get(i), idx);
                }
                idx[++idx[0]] = i;
            }
        }
        for (Map.Entry<Object, int[]> e : rowsByKey.entrySet()) {
            int[] idx = e.getValue();
            int n = idx[0];
            double sum = 0;
            double comp = 0;
            long count = 0;
            double[] squares = new double[n];
            for (int j = 0; j < n; j++) {
                double x = v.getDouble(idx[j + 1]);
                if (x == x) {
                    count++;
                    double y = x - comp;
                    double t = sum + y;
                    comp = t - sum - y;
                    sum = t;
                    squares[j] = x * x;
                }
            }
            double sumsq = Numpy.pairwise(squares, 0, n);
            if (sign > 0) {
                Group g = groups.computeIfAbsent(e.getKey(), x -> new Group());
                g.sum = g.sum + sum;
                g.sumsq = g.sumsq + sumsq;
                g.count += count;
                g.rows += n;
            } else {
                Group g = groups.get(e.getKey());
                g.sum = g.sum - sum;
                g.sumsq = g.sumsq - sumsq;
                g.count -= count;
                g.rows -= n;
                if (g.rows == 0) {
                    groups.remove(e.getKey());
                }
            }
        }
    }

    private Group newGroup() {
        Group g = new Group();
        g.state = factory.get();
        return g;
    }

    private double value(Group g) {
        if (op == null) {
            return g.state.doubleResult();
        }
        double n = g.count;
        switch (op) {
            case "sum":
                return g.sum;
            case "mean":
                return g.sum / n;
            default: {
                if (g.count <= ddof || g.count == 0) {
                    return Double.NaN;
                }
                // streamz's formula; cancellation can take it below 0 for near-constant groups,
                // where the variance is 0 (and the std 0, not NaN)
                double var = Math.max(0, g.sumsq / n - (g.sum / n) * (g.sum / n));
                if (ddof != 0) {
                    var = var * n / (n - ddof);
                }
                return op.equals("std") ? Math.sqrt(var) : var;
            }
        }
    }

    @Override
    public Series<Object> result() {
        List<Object> keyList = new ArrayList<>(groups.keySet());
        int n = keyList.size();
        Column valueCol;
        String name = valueName == null ? "" : valueName;
        if (longResult) {
            long[] out = new long[n];
            int i = 0;
            for (Group g : groups.values()) {
                out[i++] = (Long) g.state.result();
            }
            valueCol = LongColumn.of(name, out);
        } else {
            double[] out = new double[n];
            int i = 0;
            for (Group g : groups.values()) {
                out[i++] = value(g);
            }
            valueCol = DoubleColumn.wrap(name, out);
        }
        Column index = Column.from(keyName == null ? "" : keyName, keyList);
        return Series.of(valueName, valueCol, index);
    }
}
