package io.streamz.dataframe.internal;

import io.streamz.dataframe.Column;
import io.streamz.dataframe.DoubleColumn;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.LongColumn;
import io.streamz.dataframe.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Group-by aggregation: one {@link RowState} per key, results as a {@link Series} indexed by the
 * keys in sorted order (as pandas sorts groups). Rows with a missing key belong to no group.
 * Over a window, a group none of whose rows is left disappears (streamz), unless
 * {@code keepEmpty} (value counts keep their zeros, as streamz's do).
 */
public final class KeyedState implements WindowState<Series<Object>> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Object> KEY_ORDER = (a, b) -> a.getClass() == b.getClass()
            ? ((Comparable) a).compareTo(b) : a.getClass().getName().compareTo(b.getClass().getName());

    private final Function<Frame, Column> keys;
    private final Function<Frame, Column> values;
    private final Supplier<RowState> factory;
    private final boolean keepEmpty;
    private final boolean longResult;
    private final TreeMap<Object, RowState> groups = new TreeMap<>(KEY_ORDER);
    private String keyName;
    private String valueName;

    public KeyedState(Function<Frame, Column> keys, Function<Frame, Column> values, Supplier<RowState> factory,
                      boolean keepEmpty) {
        this.keys = keys;
        this.values = values;
        this.factory = factory;
        this.keepEmpty = keepEmpty;
        Object probe = factory.get().result();
        this.longResult = probe instanceof Long;
    }

    @Override
    public void onNew(Frame rows) {
        Column k = keys.apply(rows);
        Column v = values.apply(rows);
        keyName = k.name();
        valueName = v.name();
        for (int i = 0; i < k.size(); i++) {
            if (k.isMissing(i)) {
                continue;
            }
            groups.computeIfAbsent(k.get(i), x -> factory.get()).add(RowStates.valueAt(v, i));
        }
    }

    @Override
    public void onOld(Frame rows) {
        Column k = keys.apply(rows);
        Column v = values.apply(rows);
        for (int i = 0; i < k.size(); i++) {
            if (k.isMissing(i)) {
                continue;
            }
            Object key = k.get(i);
            RowState s = groups.get(key);
            s.remove(RowStates.valueAt(v, i));
            if (!keepEmpty && s.rows() == 0) {
                groups.remove(key);
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
            for (RowState s : groups.values()) {
                out[i++] = (Long) s.result();
            }
            valueCol = LongColumn.of(name, out);
        } else {
            double[] out = new double[n];
            int i = 0;
            for (RowState s : groups.values()) {
                out[i++] = s.doubleResult();
            }
            valueCol = DoubleColumn.wrap(name, out);
        }
        Column index = Column.of(keyName == null ? "" : keyName, keyList);
        return Series.of(valueName, valueCol, index);
    }

    /** The groups and their states (for tests). */
    Map<Object, RowState> groups() {
        return groups;
    }
}
