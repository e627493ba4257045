/**
 * Streaming dataframes (streamz {@code dataframe}): small immutable, typed, columnar batches
 * ({@link io.streamz.dataframe.Frame}, {@link io.streamz.dataframe.Column},
 * {@link io.streamz.dataframe.Series}) and the streams of them
 * ({@link io.streamz.dataframe.StreamingDataFrame}, {@link io.streamz.dataframe.StreamingSeries}).
 *
 * <pre>{@code
 * Frame f = Frame.of("x", new double[] {1, 5, 7}, "name", new String[] {"a", "b", "a"});
 * Frame big = f.where(f.doubleColumn("x").isGreaterThan(3));   // rows x=5 and x=7
 * }</pre>
 *
 * <p>Missing values follow pandas: {@code NaN} in double columns, {@code null} in string and
 * instant columns; long and boolean columns have none.
 */
package io.streamz.dataframe;
