package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.KeyedState;
import io.streamz.dataframe.internal.RowState;
import io.streamz.dataframe.internal.RowStates;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Group-by aggregations (streamz {@code groupby}), over all rows so far or inside a
 * {@link Window}: each emits, once per batch, a {@link Series} indexed by the group keys in
 * sorted order. Over a window, a group with no row left disappears.
 *
 * <pre>{@code
 * sdf.groupby("name").col("x").sum();             // Stream<Series<Double>>: sum of x per name
 * sdf.window(4).groupby("name").col("x").mean();  // per group over the last 4 rows
 * sdf.groupby("name").size();                     // Stream<Series<Long>>: rows per group
 * }</pre>
 *
 * <p>In the examples, {@code source} and {@code sdf} are those of {@link StreamingDataFrame}: a
 * {@code Stream<Frame>} and a streaming dataframe over it with columns x (double) and name
 * (string).
 */
public final class GroupBy {
    private final WindowSpec spec;
    private final Function<Frame, Column> keys;
    private final StreamingSeries series;

    GroupBy(WindowSpec spec, Function<Frame, Column> keys, StreamingSeries series) {
        this.spec = spec;
        this.keys = keys;
        this.series = series;
    }

    /**
     * The aggregation's column (streamz {@code groupby('name').x}).
     *
     * <pre>{@code
     * GroupBy x = sdf.groupby("name").col("x");
     * x.max().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));   // prints {a=3.0, b=2.0}
     * }</pre>
     *
     * @param name the column to aggregate
     * @return a new {@code GroupBy} with the same keys and window over that column
     * @throws IllegalArgumentException when the example is known and has no such column
     */
    public GroupBy col(String name) {
        return new GroupBy(spec, keys, spec.sdf.col(name));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <V> Stream<Series<V>> build(String op, Supplier<RowState> factory, boolean needsColumn) {
        if (series == null && needsColumn) {
            throw new IllegalStateException("groupby: choose a column before " + op
                    + "(), as in groupby(\"name\").col(\"x\")." + op + "()");
        }
        Function<Frame, Column> values = series == null ? keys
                : op.equals("count") || op.equals("size") ? series.fn() : series.numericFn("groupby " + op);
        KeyedState state = new KeyedState(keys, values, factory, false);
        return (Stream) spec.build("groupby", state);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Stream<Series<Double>> totals(String op, int ddof) {
        if (series == null) {
            throw new IllegalStateException("groupby: choose a column before " + op
                    + "(), as in groupby(\"name\").col(\"x\")." + op + "()");
        }
        return (Stream) spec.build("groupby", KeyedState.totals(keys, series.numericFn("groupby " + op), op, ddof));
    }

    /**
     * Sum per group (missing values skipped).
     *
     * <pre>{@code
     * sdf.groupby("name").col("x").sum().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));   // prints {a=4.0, b=2.0}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));                   // prints {a=4.0, b=8.0}
     * }</pre>
     *
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     * @throws IllegalStateException when no column was chosen with {@link #col}
     */
    public Stream<Series<Double>> sum() {
        return totals("sum", 0);
    }

    /**
     * Mean per group ({@code NaN} for a group with no non-missing value).
     *
     * <pre>{@code
     * sdf.groupby("name").col("x").mean().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));   // prints {a=2.0, b=2.0}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));                   // prints {a=2.0, b=4.0}
     * }</pre>
     *
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     * @throws IllegalStateException when no column was chosen with {@link #col}
     */
    public Stream<Series<Double>> mean() {
        return totals("mean", 0);
    }

    /**
     * Non-missing values per group.
     *
     * <pre>{@code
     * sdf.groupby("name").col("x").count().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, Double.NaN, 3}, "name", new String[] {"a", "b", "a"}));
     * // prints {a=2, b=0}
     * }</pre>
     *
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     * @throws IllegalStateException when no column was chosen with {@link #col}
     */
    public Stream<Series<Long>> count() {
        return build("count", RowStates.Count::new, true);
    }

    /**
     * Rows per group; needs no column.
     *
     * <pre>{@code
     * sdf.groupby("name").size().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, Double.NaN, 3}, "name", new String[] {"a", "b", "a"}));
     * // prints {a=2, b=1}
     * }</pre>
     *
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     */
    public Stream<Series<Long>> size() {
        return build("size", RowStates.Size::new, false);
    }

    /**
     * Minimum per group.
     *
     * <pre>{@code
     * sdf.groupby("name").col("x").min().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));   // prints {a=1.0, b=2.0}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));                   // prints {a=1.0, b=2.0}
     * }</pre>
     *
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     * @throws IllegalStateException when no column was chosen with {@link #col}
     */
    public Stream<Series<Double>> min() {
        return build("min", () -> new RowStates.Extreme(true), true);
    }

    /**
     * Maximum per group.
     *
     * <pre>{@code
     * sdf.groupby("name").col("x").max().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));   // prints {a=3.0, b=2.0}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));                   // prints {a=3.0, b=6.0}
     * }</pre>
     *
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     * @throws IllegalStateException when no column was chosen with {@link #col}
     */
    public Stream<Series<Double>> max() {
        return build("max", () -> new RowStates.Extreme(false), true);
    }

    /**
     * Sample variance (ddof 1) per group.
     *
     * <pre>{@code
     * sdf.groupby("name").col("x").var().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));   // prints {a=2.0, b=NaN}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));                   // prints {a=2.0, b=8.0}
     * }</pre>
     *
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     * @throws IllegalStateException when no column was chosen with {@link #col}
     */
    public Stream<Series<Double>> var() {
        return var(1);
    }

    /**
     * Variance with {@code ddof} delta degrees of freedom per group.
     *
     * @param ddof delta degrees of freedom: the divisor is the group's count minus {@code ddof}
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     * @throws IllegalStateException when no column was chosen with {@link #col}
     */
    public Stream<Series<Double>> var(int ddof) {
        return totals("var", ddof);
    }

    /**
     * Sample standard deviation (ddof 1) per group.
     *
     * <pre>{@code
     * sdf.groupby("name").col("x").std().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));
     * // prints {a=1.4142135623730951, b=NaN}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));
     * // prints {a=1.4142135623730951, b=2.8284271247461903}
     * }</pre>
     *
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     * @throws IllegalStateException when no column was chosen with {@link #col}
     */
    public Stream<Series<Double>> std() {
        return std(1);
    }

    /**
     * Standard deviation with {@code ddof} delta degrees of freedom per group.
     *
     * @param ddof delta degrees of freedom: the divisor is the group's count minus {@code ddof}
     * @return the new stream of per-group results, one {@link Series} per batch indexed by group
     *     key, downstream of the dataframe
     * @throws IllegalStateException when no column was chosen with {@link #col}
     */
    public Stream<Series<Double>> std(int ddof) {
        return totals("std", ddof);
    }

    @Override
    public String toString() {
        return "GroupBy[" + (series == null ? "" : series.name()) + "]";
    }
}
