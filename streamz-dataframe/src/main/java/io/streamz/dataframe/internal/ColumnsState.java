package io.streamz.dataframe.internal;

import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.Column;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * A frame-level aggregation (streamz {@code df.sum()}, {@code df.window(n).sum()}): the same
 * aggregation over every numeric column, its results as a {@link Series} indexed by column name.
 * The columns are those of the first batch that are numbers (double, long, boolean), but for
 * the index column, which labels rows as the index does in pandas.
 */
public final class ColumnsState<R> implements WindowState<Series<R>> {
    private final Aggregation<?, R> agg;
    private final String index;
    private List<String> names;
    private List<WindowState<R>> states;

    /** The aggregation of every number column but {@code index} (which may be {@code null}). */
    public ColumnsState(Aggregation<?, R> agg, String index) {
        this.agg = agg;
        this.index = index;
    }

    @Override
    public void onNew(Frame rows) {
        if (names == null) {
            names = new ArrayList<>();
            states = new ArrayList<>();
            for (Column c : rows.columns()) {
                if (c.type().isNumeric() && !c.name().equals(index)) {
                    String n = c.name();
                    names.add(n);
                    states.add(WindowState.of(agg, f -> f.column(n), null));
                }
            }
        }
        for (WindowState<R> s : states) {
            s.onNew(rows);
        }
    }

    @Override
    public void onOld(Frame rows) {
        for (WindowState<R> s : states) {
            s.onOld(rows);
        }
    }

    @Override
    public Series<R> result() {
        List<Object> values = new ArrayList<>(states.size());
        for (WindowState<R> s : states) {
            values.add(s.result());
        }
        @SuppressWarnings("unchecked")
        Series<R> out = Series.of(null, new ArrayList<Object>(names), (List<R>) (List<?>) values);
        return out;
    }
}
