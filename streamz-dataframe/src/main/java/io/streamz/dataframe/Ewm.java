package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.EwmNode;

/**
 * Exponentially weighted aggregations (pandas {@code ewm(...)} with {@code adjust=True}); like
 * streamz, each emits the value at the last row of every batch.
 *
 * <pre>{@code
 * sdf.ewm("span", 3).col("x").mean();   // Stream<Double>
 * sdf.col("x").ewm("alpha", 0.5).std();
 * }</pre>
 *
 * <p>In the examples, {@code source} and {@code sdf} are those of {@link StreamingDataFrame}: a
 * {@code Stream<Frame>} and a streaming dataframe over it with columns x (double) and name
 * (string).
 */
public final class Ewm {
    private final StreamingDataFrame sdf;
    private final StreamingSeries series;
    private final double com;

    Ewm(StreamingDataFrame sdf, StreamingSeries series, double com) {
        this.sdf = sdf;
        this.series = series;
        this.com = com;
    }

    Ewm on(StreamingSeries s) {
        return new Ewm(sdf, s, com);
    }

    /**
     * The same weighting over one column (streamz {@code ewm(...).x}).
     *
     * <pre>{@code
     * sdf.ewm("alpha", 0.5).col("x").mean().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints 1.6666666666666667
     * source.emit(Frame.of("x", new double[] {4}, "name", new String[] {"b"}));           // prints 3.0
     * }</pre>
     *
     * @param name the column's name
     * @return a new {@code Ewm} over that column
     * @throws IllegalArgumentException when the example is known and has no such column
     */
    public Ewm col(String name) {
        return on(sdf.col(name));
    }

    private Stream<Double> build(String op, int ddof) {
        if (series == null) {
            throw new IllegalStateException("ewm: choose a column before " + op + "(), as in ewm(...).col(\"x\")." + op + "()");
        }
        return new EwmNode(sdf.stream(), op, com, ddof, series.numericFn("ewm " + op));
    }

    /**
     * Exponentially weighted mean.
     *
     * <pre>{@code
     * sdf.ewm("span", 3).col("x").mean().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints 1.6666666666666667
     * source.emit(Frame.of("x", new double[] {4}, "name", new String[] {"b"}));           // prints 3.0
     * }</pre>
     *
     * @return the new stream of means, one per batch (the value at its last row; {@code NaN} until
     *     a value is seen), downstream of the dataframe
     * @throws IllegalStateException when no column was chosen ({@code sdf.ewm(...)} without
     *     {@link #col})
     */
    public Stream<Double> mean() {
        return build("mean", 1);
    }

    /**
     * Exponentially weighted variance, unbiased (pandas {@code bias=False}).
     *
     * <pre>{@code
     * sdf.ewm("alpha", 0.5).col("x").var().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints 0.5
     * source.emit(Frame.of("x", new double[] {4}, "name", new String[] {"b"}));           // prints 2.5
     * }</pre>
     *
     * @return the new stream of variances, one per batch (the value at its last row), downstream of
     *     the dataframe
     * @throws IllegalStateException when no column was chosen ({@code sdf.ewm(...)} without
     *     {@link #col})
     */
    public Stream<Double> var() {
        return build("var", 1);
    }

    /**
     * Exponentially weighted variance; {@code ddof} 0 is pandas' {@code bias=True}.
     *
     * @param ddof 1 for the unbiased variance, 0 for the biased one
     * @return the new stream of variances, one per batch (the value at its last row), downstream of
     *     the dataframe
     * @throws IllegalStateException when no column was chosen ({@code sdf.ewm(...)} without
     *     {@link #col})
     */
    public Stream<Double> var(int ddof) {
        return build("var", ddof);
    }

    /**
     * Exponentially weighted standard deviation, unbiased.
     *
     * <pre>{@code
     * sdf.ewm("alpha", 0.5).col("x").std().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints 0.7071067811865476
     * source.emit(Frame.of("x", new double[] {4}, "name", new String[] {"b"}));           // prints 1.5811388300841898
     * }</pre>
     *
     * @return the new stream of standard deviations, one per batch (the value at its last row),
     *     downstream of the dataframe
     * @throws IllegalStateException when no column was chosen ({@code sdf.ewm(...)} without
     *     {@link #col})
     */
    public Stream<Double> std() {
        return build("std", 1);
    }

    /**
     * Exponentially weighted standard deviation; {@code ddof} 0 is biased.
     *
     * @param ddof 1 for the unbiased standard deviation, 0 for the biased one
     * @return the new stream of standard deviations, one per batch (the value at its last row),
     *     downstream of the dataframe
     * @throws IllegalStateException when no column was chosen ({@code sdf.ewm(...)} without
     *     {@link #col})
     */
    public Stream<Double> std(int ddof) {
        return build("std", ddof);
    }

    @Override
    public String toString() {
        return "Ewm[com=" + com + (series == null ? "" : ", " + series.name()) + "]";
    }
}
