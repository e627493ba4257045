package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.ColumnsState;
import io.streamz.dataframe.internal.EventTimeFramesNode;
import io.streamz.dataframe.internal.VerifyNode;
import io.streamz.dataframe.internal.WindowNode;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.util.annotation.Nullable;

/**
 * A streaming dataframe (streamz {@code DataFrame}): a {@code Stream<Frame>} of batches that all
 * have the columns and types of an example frame, with pandas-style operations that return new
 * streaming dataframes, streaming series, or streams of results (one per batch).
 *
 * <pre>{@code
 * Stream<Frame> source = Stream.create();
 * StreamingDataFrame sdf = StreamingDataFrame.from(source, Frame.of("x", new double[] {0}, "name", new String[] {"a"}));
 * List<Double> sums = sdf.col("x").sum().sinkToList();
 * List<List<Double>> means = sdf.rolling(2).col("x").mean().map(Series::toList).sinkToList();
 * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));
 * source.emit(Frame.of("x", new double[] {4}, "name", new String[] {"b"}));
 * // sums: [6.0, 10.0]; means: [[NaN, 1.5, 2.5], [3.5]]
 * }</pre>
 *
 * <p>In the examples of the methods, {@code source} and {@code sdf} are as above: a
 * {@code Stream<Frame>} and a fresh streaming dataframe over it with columns x (double) and name
 * (string). Examples of time windows use {@code times} and {@code tdf}, indexed by instants t:
 *
 * <pre>{@code
 * Stream<Frame> times = Stream.create();
 * Frame example = Frame.of("t", new Instant[] {Instant.EPOCH}, "x", new double[] {0});
 * StreamingDataFrame tdf = StreamingDataFrame.from(times, example, "t");
 * }</pre>
 *
 * <p>Every batch is checked against the example when it enters: a batch with a missing, extra,
 * misplaced or differently typed column fails with an {@link IllegalArgumentException} naming
 * the column and both types. Time windows ({@code rolling("2s")}, {@code window("2h")}) need an
 * index column of instants, named when the dataframe is built or with {@link #setIndex}.
 */
public class StreamingDataFrame {
    private final Stream<Frame> stream;
    private final Stream<Frame> entry;
    private final Supplier<Frame> example;
    private final String index;

    StreamingDataFrame(Stream<Frame> stream, Supplier<Frame> example, String index) {
        this(stream, stream, example, index);
    }

    StreamingDataFrame(Stream<Frame> stream, Stream<Frame> entry, Supplier<Frame> example, String index) {
        this.stream = stream;
        this.entry = entry;
        this.example = example;
        this.index = index;
    }

    /**
     * A streaming dataframe over {@code stream}, whose first batch is the example; fits
     * {@code stream.as(StreamingDataFrame::from)} (streamz {@code to_dataframe}). Until that batch
     * arrives the columns are unknown: {@link #example()} throws, and column names are checked only
     * when batches flow.
     *
     * @param stream the stream of batches, not null
     * @return the new streaming dataframe over {@code stream}
     */
    public static StreamingDataFrame from(Stream<Frame> stream) {
        VerifyNode v = new VerifyNode(Objects.requireNonNull(stream, "StreamingDataFrame.from: stream is null"), null);
        return new StreamingDataFrame(v, stream, () -> {
            Frame e = v.example();
            if (e == null) {
                throw new IllegalStateException("dataframe: no batch has arrived yet, so the columns are unknown;"
                        + " give an example frame to StreamingDataFrame.from(stream, example)");
            }
            return e;
        }, null);
    }

    /**
     * A streaming dataframe over {@code stream}, whose batches have the columns and types of
     * {@code example}.
     *
     * <pre>{@code
     * Stream<Frame> source = Stream.create();
     * StreamingDataFrame sdf = StreamingDataFrame.from(source, Frame.of("x", new double[] {0}, "name", new String[] {"a"}));
     * sdf.dtypes();   // {x=DOUBLE, name=STRING}
     * source.emit(Frame.of("x", new long[] {1}, "name", new String[] {"a"}));
     * // IllegalArgumentException: dataframe: column "x" should be DOUBLE but is LONG
     * }</pre>
     *
     * @param stream the stream of batches, not null
     * @param example a frame with the expected columns and types, not null; its rows are ignored
     * @return the new streaming dataframe over {@code stream}
     */
    public static StreamingDataFrame from(Stream<Frame> stream, Frame example) {
        Objects.requireNonNull(stream, "StreamingDataFrame.from: stream is null");
        Objects.requireNonNull(example, "StreamingDataFrame.from: example is null");
        Frame e = example.emptyRows();
        return new StreamingDataFrame(new VerifyNode(stream, e), stream, () -> e, null);
    }

    /**
     * As {@link #from(Stream, Frame)}, with {@code indexColumn} as the index: its values label the
     * rows of results, and time windows run over it (it must be an instant column for them).
     *
     * @param stream the stream of batches, not null
     * @param example a frame with the expected columns and types, not null; its rows are ignored
     * @param indexColumn the name of the index column, a column of {@code example}; not null
     * @return the new streaming dataframe over {@code stream}
     * @throws IllegalArgumentException when {@code example} has no column {@code indexColumn}
     */
    public static StreamingDataFrame from(Stream<Frame> stream, Frame example, String indexColumn) {
        StreamingDataFrame sdf = from(stream, example);
        Objects.requireNonNull(indexColumn, "StreamingDataFrame.from: indexColumn is null");
        sdf.onExample("StreamingDataFrame.from", f -> f.column(indexColumn));
        return new StreamingDataFrame(sdf.stream, sdf.entry, sdf.example, indexColumn);
    }

    /**
     * The stream of batches (streamz {@code sdf.stream}).
     *
     * <pre>{@code
     * sdf.stream().map(Frame::rowCount).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints 2
     * }</pre>
     *
     * @return the stream of checked batches; attach sinks or stream operators to it
     */
    public Stream<Frame> stream() {
        return stream;
    }

    /**
     * Pushes a batch into the dataframe (streamz {@code sdf.emit}): into the stream it was built
     * from, so the batch is checked against the example; a derived dataframe ({@code where},
     * {@code assign}, ...) takes it as one of its own batches.
     *
     * @param batch the batch, not null
     */
    public void emit(Frame batch) {
        entry.emit(Objects.requireNonNull(batch, "emit: batch is null"));
    }

    /**
     * The example: the columns and types, no rows.
     *
     * @return the example frame
     * @throws IllegalStateException when the dataframe was built without an example and no batch
     *     has arrived yet
     */
    public Frame example() {
        return example.get();
    }

    /**
     * The index column's name, or {@code null} when rows are labelled by position.
     *
     * @return the index column's name, or {@code null}
     */
    public String indexColumn() {
        return index;
    }

    /**
     * The column names, without the index column (as pandas lists a dataframe's columns).
     *
     * @return an unmodifiable list of the column names, in order
     * @throws IllegalStateException when the columns are not known yet (see {@link #example()})
     */
    public List<String> columns() {
        List<String> names = new java.util.ArrayList<>(example().columnNames());
        names.remove(index);
        return java.util.Collections.unmodifiableList(names);
    }

    /**
     * Column name to type (pandas {@code dtypes}), without the index column.
     *
     * @return an unmodifiable map of column name to type, in column order
     * @throws IllegalStateException when the columns are not known yet (see {@link #example()})
     */
    public Map<String, ColumnType> dtypes() {
        Map<String, ColumnType> types = new java.util.LinkedHashMap<>(example().dtypes());
        types.remove(index);
        return java.util.Collections.unmodifiableMap(types);
    }

    // ------------------------------------------------------------------ columns and rows

    /**
     * The streaming series of one column (streamz {@code sdf.x}, {@code sdf['x']}).
     *
     * <pre>{@code
     * sdf.col("x").sum().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints 3.0
     * source.emit(Frame.of("x", new double[] {4}, "name", new String[] {"b"}));           // prints 7.0
     * }</pre>
     *
     * @param name the column's name, not null
     * @return the column's streaming series
     * @throws IllegalArgumentException when the example is known and has no such column
     */
    public StreamingSeries col(String name) {
        Objects.requireNonNull(name, "col: name is null");
        onExample("col", f -> f.column(name));
        return new StreamingSeries(this, name, f -> f.column(name));
    }

    /**
     * The index column as a streaming series.
     *
     * <pre>{@code
     * sdf.setIndex("name").index().stream().map(Series::toList).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints [a, b]
     * }</pre>
     *
     * @return the index column's streaming series
     * @throws IllegalStateException when the dataframe has no index column
     */
    public StreamingSeries index() {
        return col(requireIndex("index"));
    }

    /**
     * The named columns (streamz {@code sdf[['x', 'y']]}), in the given order.
     *
     * <pre>{@code
     * sdf.select("name").stream().map(Frame::toRows).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));
     * // prints [{name=a}, {name=b}]
     * }</pre>
     *
     * @param names the column names, none null
     * @return the new streaming dataframe, downstream of this one
     */
    public StreamingDataFrame select(String... names) {
        List<String> copy = List.of(Objects.requireNonNull(names, "select: names is null"));
        return mapPartitions("select", f -> f.select(copy));
    }

    /**
     * The rows for which {@code condition} selects (streamz {@code sdf[sdf.x > 1]}).
     *
     * <pre>{@code
     * sdf.where(f -> f.doubleColumn("x").isGreaterThan(1));
     * }</pre>
     *
     * @param condition the function that selects rows of each batch, not null
     * @return the new streaming dataframe, downstream of this one
     */
    public StreamingDataFrame where(Function<? super Frame, Selection> condition) {
        Objects.requireNonNull(condition, "where: condition is null");
        return mapPartitions("where", f -> f.where(condition.apply(f)));
    }

    /**
     * The rows where the boolean series {@code mask} (of this dataframe) is true:
     * {@code sdf.where(sdf.col("x").gt(1))}.
     *
     * @param mask a boolean series of this dataframe
     * @return the new streaming dataframe, downstream of this one
     * @throws IllegalArgumentException when {@code mask} comes from another dataframe
     */
    public StreamingDataFrame where(StreamingSeries mask) {
        Function<Frame, Column> m = mask.over(this, "where");
        return mapPartitions("where", f -> f.where(StreamingSeries.truth(m.apply(f))));
    }

    /**
     * Adds or replaces column {@code name} with what {@code values} computes from each batch: a
     * {@link Column}, a {@link Selection} (as booleans), or an array/list {@link Column#from}
     * accepts (streamz {@code assign}).
     *
     * <pre>{@code
     * sdf.assign("z", f -> f.doubleColumn("x").multiply(2));
     * }</pre>
     *
     * @param name the column's name, not null
     * @param values the function that computes the column from each batch, not null
     * @return the new streaming dataframe, downstream of this one
     */
    public StreamingDataFrame assign(String name, Function<? super Frame, ?> values) {
        Objects.requireNonNull(name, "assign: name is null");
        Objects.requireNonNull(values, "assign: values is null");
        return mapPartitions("assign", f -> {
            Object v = values.apply(f);
            Column c = v instanceof Selection ? BooleanColumn.of(name, (Selection) v) : Column.from(name, v);
            return f.withColumn(c);
        });
    }

    /**
     * Adds or replaces column {@code name} with a series of this dataframe:
     * {@code sdf.assign("z", sdf.col("x").add(1))}.
     *
     * @param name the column's name, not null
     * @param values a series of this dataframe
     * @return the new streaming dataframe, downstream of this one
     * @throws IllegalArgumentException when {@code values} comes from another dataframe
     */
    public StreamingDataFrame assign(String name, StreamingSeries values) {
        Objects.requireNonNull(name, "assign: name is null");
        Function<Frame, Column> fn = values.over(this, "assign");
        return mapPartitions("assign", f -> f.withColumn(fn.apply(f).rename(name)));
    }

    /**
     * {@code func} applied to every batch; the example goes through it too (streamz
     * {@code map_partitions}).
     *
     * <pre>{@code
     * StreamingDataFrame renamed = sdf.mapPartitions(f -> f.rename("x", "y"));
     * renamed.columns();   // [y, name]
     * renamed.stream().map(Frame::toRows).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));
     * // prints [{y=1.0, name=a}, {y=2.0, name=b}]
     * }</pre>
     *
     * @param func the function of each batch, not null
     * @return the new streaming dataframe, downstream of this one, whose example is {@code func} of
     *     this one's
     */
    public StreamingDataFrame mapPartitions(Function<? super Frame, Frame> func) {
        return mapPartitions("mapPartitions", func);
    }

    StreamingDataFrame mapPartitions(String what, Function<? super Frame, Frame> func) {
        Objects.requireNonNull(func, what + ": func is null");
        Frame derived = onExample(what, func);
        Stream<Frame> s = stream.map(func::apply).named(what);
        Supplier<Frame> e = derived != null ? Memo.of(derived.emptyRows()) : new Memo<>(() -> func.apply(example()).emptyRows());
        return new StreamingDataFrame(s, e, index);
    }

    /**
     * {@code func} of the example, when the example is known, so that a column the function
     * names but the frame lacks (or has with another type) fails while the graph is built, with
     * an {@link IllegalArgumentException} naming {@code who}, the column and the frame's columns.
     * A user function runs on the (empty) example as in streamz, which computes each derived
     * dataframe's example so; any other failure is left for the batches to meet.
     *
     * @return {@code func}'s result, or {@code null} when the example is unknown or {@code func}
     *     failed on it for another reason
     */
    <V> V onExample(String who, Function<? super Frame, V> func) {
        Frame e = knownExample();
        if (e == null) {
            return null;
        }
        try {
            return func.apply(e);
        } catch (ColumnError error) {
            throw new IllegalArgumentException(who + ": " + error.getMessage(), error);
        } catch (RuntimeException other) {
            return null;
        }
    }

    /**
     * The last {@code n} rows of each batch (streamz {@code tail}); all of them when fewer.
     *
     * <pre>{@code
     * sdf.tail(1).stream().map(Frame::toRows).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints [{x=2.0, name=b}]
     * }</pre>
     *
     * @param n the number of rows to keep; 0 or less keeps none
     * @return the new streaming dataframe, downstream of this one
     */
    public StreamingDataFrame tail(int n) {
        return mapPartitions("tail", f -> f.tail(n));
    }

    /**
     * The first {@code n} rows of each batch; all of them when fewer.
     *
     * <pre>{@code
     * sdf.head(1).stream().map(Frame::toRows).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints [{x=1.0, name=a}]
     * }</pre>
     *
     * @param n the number of rows to keep; 0 or less keeps none
     * @return the new streaming dataframe, downstream of this one
     */
    public StreamingDataFrame head(int n) {
        return mapPartitions("head", f -> f.head(n));
    }

    /**
     * Number columns rounded to {@code decimals} places, half to even (pandas {@code round}).
     *
     * <pre>{@code
     * sdf.round(1).col("x").stream().map(Series::toList).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1.25, 2.36}, "name", new String[] {"a", "b"}));   // prints [1.2, 2.4]
     * }</pre>
     *
     * @param decimals the number of decimal places
     * @return the new streaming dataframe, downstream of this one
     */
    public StreamingDataFrame round(int decimals) {
        return mapPartitions("round", f -> f.round(decimals));
    }

    /**
     * Every column converted to {@code type} (pandas {@code astype}).
     *
     * <pre>{@code
     * StreamingDataFrame strings = sdf.astype(ColumnType.STRING);
     * strings.dtypes();   // {x=STRING, name=STRING}
     * strings.col("x").stream().map(Series::toList).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints [1.0, 2.0]
     * }</pre>
     *
     * @param type the target type, not null
     * @return the new streaming dataframe, downstream of this one
     */
    public StreamingDataFrame astype(ColumnType type) {
        Objects.requireNonNull(type, "astype: type is null");
        return mapPartitions("astype", f -> f.astype(type));
    }

    /**
     * The named columns converted (pandas {@code astype({...})}).
     *
     * <pre>{@code
     * StreamingDataFrame longs = sdf.astype(Map.of("x", ColumnType.LONG));
     * longs.dtypes();   // {x=LONG, name=STRING}
     * longs.stream().map(Frame::toRows).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1.7, -2.5}, "name", new String[] {"a", "b"}));
     * // prints [{x=1, name=a}, {x=-2, name=b}]
     * }</pre>
     *
     * @param types column name to target type, not null; copied
     * @return the new streaming dataframe, downstream of this one
     */
    public StreamingDataFrame astype(Map<String, ColumnType> types) {
        Map<String, ColumnType> copy = Map.copyOf(types);
        return mapPartitions("astype", f -> f.astype(copy));
    }

    /**
     * The same batches with {@code column} as the index (pandas {@code set_index}): it labels
     * results and drives time windows, and {@link #columns()} no longer lists it (the frames
     * still hold it).
     *
     * <pre>{@code
     * StreamingDataFrame byName = sdf.setIndex("name");
     * byName.columns();   // [x]
     * byName.col("x").stream().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints {a=1.0, b=2.0}
     * }</pre>
     *
     * @param column the name of the index column
     * @return a streaming dataframe over the same batches, indexed by {@code column}
     * @throws IllegalArgumentException when the example is known and has no such column
     */
    public StreamingDataFrame setIndex(String column) {
        Objects.requireNonNull(column, "setIndex: column is null");
        onExample("setIndex", f -> f.column(column));
        return new StreamingDataFrame(stream, entry, example, column);
    }

    /**
     * The same batches with rows labelled by position again (pandas {@code reset_index}).
     *
     * <pre>{@code
     * StreamingDataFrame byName = sdf.setIndex("name");
     * byName.columns();   // [x]
     * byName.resetIndex().columns();   // [x, name]
     * }</pre>
     *
     * @return a streaming dataframe over the same batches, without an index column
     */
    public StreamingDataFrame resetIndex() {
        return new StreamingDataFrame(stream, entry, example, null);
    }

    // ------------------------------------------------------------------ aggregations

    /**
     * Group-by aggregations by the values of {@code column} (streamz {@code sdf.groupby('name')}),
     * over all rows so far.
     *
     * <pre>{@code
     * List<Map<Object, Double>> out = sdf.groupby("name").col("x").sum().map(Series::toMap).sinkToList();
     * source.emit(Frame.of("name", new String[] {"b", "a", "b"}, "x", new double[] {1, 2, 3}));
     * source.emit(Frame.of("name", new String[] {"a"}, "x", new double[] {4}));
     * // out: [{a=2.0, b=4.0}, {a=6.0, b=4.0}]
     * }</pre>
     *
     * @param column the name of the key column, not null
     * @return the group-by aggregations; choose the aggregated column with {@link GroupBy#col}
     */
    public GroupBy groupby(String column) {
        Objects.requireNonNull(column, "groupby: column is null");
        onExample("groupby", f -> f.column(column));
        return new GroupBy(new WindowSpec(this, WindowSpec.Kind.EXPANDING, 0, null), f -> f.column(column), null);
    }

    /**
     * Group-by aggregations by a series of this dataframe
     * ({@code sdf.groupby(sdf.col("x").mod(10))}), over all rows so far.
     *
     * @param keys the key series, of this dataframe
     * @return the group-by aggregations; choose the aggregated column with {@link GroupBy#col}
     * @throws IllegalArgumentException when {@code keys} comes from another dataframe
     */
    public GroupBy groupby(StreamingSeries keys) {
        return new GroupBy(new WindowSpec(this, WindowSpec.Kind.EXPANDING, 0, null), keys.over(this, "groupby"), null);
    }

    /**
     * Rolling aggregations over the last {@code n} rows, one result per row (pandas
     * {@code rolling(n)}).
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").sum().map(Series::toList).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));   // prints [NaN, 3.0, 5.0]
     * source.emit(Frame.of("x", new double[] {4}, "name", new String[] {"b"}));                   // prints [7.0]
     * }</pre>
     *
     * @param n the window's size in rows, at least 1
     * @return the rolling aggregations
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public Rolling rolling(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("rolling: window must be >= 1, was " + n);
        }
        return new Rolling(this, n, null);
    }

    /**
     * Rolling aggregations over a time span of the index column, such as {@code "100ms"} (pandas
     * {@code rolling('100ms')}).
     *
     * <pre>{@code
     * tdf.rolling("2s").col("x").sum().map(Series::toList).sink(System.out::println);
     * times.emit(Frame.of("t", new Instant[] {Instant.ofEpochSecond(0), Instant.ofEpochSecond(1), Instant.ofEpochSecond(3)},
     *         "x", new double[] {1, 2, 3}));   // prints [1.0, 3.0, 3.0]
     * }</pre>
     *
     * @param window the time span, such as {@code "100ms"}; positive
     * @return the rolling aggregations
     * @throws IllegalArgumentException when {@code window} cannot be parsed or is not positive
     * @throws IllegalStateException when the dataframe has no index column
     */
    public Rolling rolling(String window) {
        return rolling(Intervals.parse(window, "rolling", "window"));
    }

    /**
     * See {@link #rolling(String)}.
     *
     * @param window the time span; positive
     * @return the rolling aggregations
     * @throws IllegalArgumentException when {@code window} is not positive
     * @throws IllegalStateException when the dataframe has no index column
     */
    public Rolling rolling(Duration window) {
        Intervals.positive(window, "rolling", "window");
        requireIndex("rolling(\"" + Intervals.format(window) + "\")");
        return new Rolling(this, 0, window);
    }

    /**
     * Aggregations over the last {@code n} rows, one result per batch (streamz
     * {@code window(n=...)}).
     *
     * <pre>{@code
     * sdf.window(2).col("x").sum().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "name", new String[] {"a", "b", "a"}));   // prints 5.0
     * source.emit(Frame.of("x", new double[] {4}, "name", new String[] {"b"}));                   // prints 7.0
     * }</pre>
     *
     * @param n the window's size in rows, at least 1
     * @return the window's aggregations
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public Window window(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window: n must be >= 1, was " + n);
        }
        return new Window(new WindowSpec(this, WindowSpec.Kind.ROWS, n, null));
    }

    /**
     * Aggregations over a time span of the index column, such as {@code "2h"} (streamz
     * {@code window(value='2h')}).
     *
     * <pre>{@code
     * tdf.window("2s").col("x").sum().sink(System.out::println);
     * times.emit(Frame.of("t", new Instant[] {Instant.ofEpochSecond(0), Instant.ofEpochSecond(1), Instant.ofEpochSecond(3)},
     *         "x", new double[] {1, 2, 3}));   // prints 3.0 (only the row at 3 s is within (1 s, 3 s])
     * times.emit(Frame.of("t", new Instant[] {Instant.ofEpochSecond(4)}, "x", new double[] {4}));   // prints 7.0
     * }</pre>
     *
     * @param value the time span, such as {@code "2h"}; positive
     * @return the window's aggregations
     * @throws IllegalArgumentException when {@code value} cannot be parsed or is not positive
     * @throws IllegalStateException when the dataframe has no index column
     */
    public Window window(String value) {
        return window(Intervals.parse(value, "window", "value"));
    }

    /**
     * See {@link #window(String)}.
     *
     * @param value the time span; positive
     * @return the window's aggregations
     * @throws IllegalArgumentException when {@code value} is not positive
     * @throws IllegalStateException when the dataframe has no index column
     */
    public Window window(Duration value) {
        Intervals.positive(value, "window", "value");
        requireIndex("window(\"" + Intervals.format(value) + "\")");
        return new Window(new WindowSpec(this, WindowSpec.Kind.TIME, 0, value));
    }

    /**
     * This dataframe in event time: each row is held, by the instant in its index, in its period
     * of {@code frame} ({@code [0, 1s)}, {@code [1s, 2s)}, ...), and each period's rows are emitted as
     * one frame, sorted by index, once the watermark has passed the period's end; the end of the
     * input emits the rest. Rolling windows, windows and group-bys downstream then see the rows in
     * index order and in batches that depend only on the data, so a replayed topic gives the frames
     * of the live run. The watermarks come from upstream ({@code withTimestamps}, a Kafka source);
     * see {@link #inEventTime(String, String)} to make them from the index.
     *
     * <pre>{@code
     * EventTimeDataFrame ordered = tdf.inEventTime("1s");   // the watermarks come from upstream
     * List<Double> out = ordered.window("10s").col("x").sum().sinkToList();
     * times.emit(Frame.of("t", new Instant[] {Instant.ofEpochMilli(1500), Instant.ofEpochMilli(200)}, "x", new double[] {1, 2}));
     * times.emitWatermark(Instant.ofEpochSecond(1));         // the first second is complete
     * times.emitEnd();                                       // and so is the rest
     * // out: [2.0, 3.0]
     * }</pre>
     *
     * <p><b>Metadata:</b> a batch's refs are held until the last period holding one of its rows was
     * emitted; a period's frame carries the metadata of its batches and, as event time, the period's
     * last instant. Rows that come after their period was emitted are late ({@link EventTimeDataFrame#lateRows()}).
     *
     * @param frame the period of event time of one frame, such as {@code "1s"}; positive
     * @return the dataframe in event time, downstream of this one
     * @throws IllegalStateException when the dataframe has no index column
     */
    public EventTimeDataFrame inEventTime(String frame) {
        return inEventTime(Intervals.parse(frame, "inEventTime", "frame"), null);
    }

    /**
     * See {@link #inEventTime(String)}; the watermark also trails the newest index seen by
     * {@code maxOutOfOrderness} (minus a nanosecond), so a row at most that much older than the
     * newest one before it is on time. The watermark moves as each batch arrives, so the frames
     * depend on nothing but the rows.
     *
     * <pre>{@code
     * EventTimeDataFrame ordered = tdf.inEventTime("1s", "5s");
     * List<Double> out = ordered.window("10s").col("x").sum().sinkToList();
     * times.emit(Frame.of("t", new Instant[] {Instant.ofEpochSecond(0), Instant.ofEpochSecond(2)}, "x", new double[] {1, 2}));
     * times.emit(Frame.of("t", new Instant[] {Instant.ofEpochSecond(1), Instant.ofEpochSecond(7)}, "x", new double[] {3, 4}));
     * // out: [1.0, 4.0]   (the frames [0 s, 1 s) and [1 s, 2 s) are complete at 7 s - 5 s)
     * }</pre>
     *
     * @param frame the period of event time of one frame, such as {@code "1s"}; positive
     * @param maxOutOfOrderness how much older than the newest index a row may be, such as
     *     {@code "5s"}; zero or more
     * @return the dataframe in event time, downstream of this one
     * @throws IllegalStateException when the dataframe has no index column
     */
    public EventTimeDataFrame inEventTime(String frame, String maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "inEventTime: maxOutOfOrderness is null");
        return inEventTime(Intervals.parse(frame, "inEventTime", "frame"),
                Intervals.parse(maxOutOfOrderness, "inEventTime", "maxOutOfOrderness"));
    }

    /**
     * See {@link #inEventTime(String, String)}.
     *
     * <pre>{@code
     * EventTimeDataFrame ordered = tdf.inEventTime(Duration.ofSeconds(1), Duration.ofSeconds(5));
     * ordered.stream().toString(); // inEventTime(frame=1s, maxOutOfOrderness=5s)
     * }</pre>
     *
     * @param frame the period of event time of one frame; positive
     * @param maxOutOfOrderness how much older than the newest index a row may be, zero or more;
     *     {@code null} to follow the watermarks from upstream only
     * @return the dataframe in event time, downstream of this one
     * @throws IllegalStateException when the dataframe has no index column
     */
    public EventTimeDataFrame inEventTime(Duration frame, @Nullable Duration maxOutOfOrderness) {
        Intervals.positive(frame, "inEventTime", "frame");
        if (maxOutOfOrderness != null && maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("inEventTime: maxOutOfOrderness must be >= 0, was "
                    + Intervals.format(maxOutOfOrderness));
        }
        String idx = requireIndex("inEventTime");
        return new EventTimeDataFrame(new EventTimeFramesNode(stream, idx, frame, maxOutOfOrderness), entry, example, idx);
    }

    /**
     * Aggregations over all rows so far, one result per batch (streamz {@code expanding()}).
     *
     * <pre>{@code
     * sdf.expanding().col("x").max().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 3}, "name", new String[] {"a", "b"}));   // prints 3.0
     * source.emit(Frame.of("x", new double[] {2}, "name", new String[] {"b"}));           // prints 3.0
     * }</pre>
     *
     * @return the expanding window's aggregations
     */
    public Window expanding() {
        return new Window(new WindowSpec(this, WindowSpec.Kind.EXPANDING, 0, null));
    }

    /**
     * Exponentially weighted aggregations (pandas {@code ewm}); {@code param} is one of
     * {@code "com"}, {@code "span"}, {@code "halflife"}, {@code "alpha"} (or see the typed
     * {@link #ewm(Decay)}).
     *
     * <pre>{@code
     * sdf.ewm("span", 3).col("x").mean();   // Stream<Double>, one per batch
     * }</pre>
     *
     * @param param which decay {@code value} gives: {@code "com"} (at least 0), {@code "span"} (at
     *     least 1), {@code "halflife"} (positive) or {@code "alpha"} (in (0, 1])
     * @param value the decay, in the range {@code param} allows
     * @return the exponentially weighted aggregations; choose a column with {@link Ewm#col}
     * @throws IllegalArgumentException when {@code param} is unknown or {@code value} out of range
     */
    public Ewm ewm(String param, double value) {
        return ewm(Decay.of(param, value));
    }

    /**
     * Exponentially weighted aggregations with a typed decay: {@code sdf.ewm(Decay.span(3))} is
     * {@code sdf.ewm("span", 3)}.
     *
     * <pre>{@code
     * sdf.ewm(Decay.alpha(0.5)).col("x").mean().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints 1.6666666666666667
     * }</pre>
     *
     * @param decay the decay, not null
     * @return the exponentially weighted aggregations; choose a column with {@link Ewm#col}
     */
    public Ewm ewm(Decay decay) {
        return new Ewm(this, null, Objects.requireNonNull(decay, "ewm: decay is null").com());
    }

    // ------------------------------------------------------------------ frame-level reductions

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> Stream<Series<R>> reduce(String kind, Aggregation<?, ?> agg) {
        return (Stream) WindowNode.expanding(stream, kind, new ColumnsState<>(agg, index));
    }

    /**
     * The sum of every number column over all rows so far, as a series indexed by column name,
     * once per batch (streamz {@code df.sum()}).
     *
     * <pre>{@code
     * sdf.sum().map(Series::toMap).sink(System.out::println);   // name is not a number column: left out
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints {x=3.0}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));           // prints {x=9.0}
     * }</pre>
     *
     * <p>The columns are the number columns (double, long, boolean) of the first batch.
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of this dataframe
     */
    public Stream<Series<Double>> sum() {
        return reduce("sum", Aggregation.sum());
    }

    /**
     * The mean of every number column so far (see {@link #sum()}).
     *
     * <pre>{@code
     * sdf.mean().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints {x=1.5}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));           // prints {x=3.0}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of this dataframe
     */
    public Stream<Series<Double>> mean() {
        return reduce("mean", Aggregation.mean());
    }

    /**
     * The number of non-missing values of every number column so far (see {@link #sum()}).
     *
     * <pre>{@code
     * sdf.count().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints {x=2}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));           // prints {x=3}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of this dataframe
     */
    public Stream<Series<Long>> count() {
        return reduce("count", Aggregation.count());
    }

    /**
     * The minimum of every number column so far (see {@link #sum()}).
     *
     * <pre>{@code
     * sdf.min().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {2, 3}, "name", new String[] {"a", "b"}));   // prints {x=2.0}
     * source.emit(Frame.of("x", new double[] {1}, "name", new String[] {"b"}));           // prints {x=1.0}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of this dataframe
     */
    public Stream<Series<Double>> min() {
        return reduce("min", Aggregation.min());
    }

    /**
     * The maximum of every number column so far (see {@link #sum()}).
     *
     * <pre>{@code
     * sdf.max().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints {x=2.0}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));           // prints {x=6.0}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of this dataframe
     */
    public Stream<Series<Double>> max() {
        return reduce("max", Aggregation.max());
    }

    /**
     * The sample variance (ddof 1) of every number column so far (see {@link #sum()}).
     *
     * <pre>{@code
     * sdf.var().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 3}, "name", new String[] {"a", "b"}));   // prints {x=2.0}
     * source.emit(Frame.of("x", new double[] {5, 7}, "name", new String[] {"b", "b"}));   // prints {x=6.666666666666667}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of this dataframe
     */
    public Stream<Series<Double>> var() {
        return reduce("var", Aggregation.var(1));
    }

    /**
     * The sample standard deviation (ddof 1) of every number column so far (see {@link #sum()}).
     *
     * <pre>{@code
     * sdf.std().map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 3}, "name", new String[] {"a", "b"}));   // prints {x=1.4142135623730951}
     * source.emit(Frame.of("x", new double[] {5, 7}, "name", new String[] {"b", "b"}));   // prints {x=2.581988897471611}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of this dataframe
     */
    public Stream<Series<Double>> std() {
        return reduce("std", Aggregation.std(1));
    }

    /**
     * A custom aggregation of every number column so far (streamz {@code df.aggregate(Mean())});
     * each column gets its own state.
     *
     * <pre>{@code
     * sdf.aggregate(Aggregation.mean()).map(Series::toMap).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2}, "name", new String[] {"a", "b"}));   // prints {x=1.5}
     * source.emit(Frame.of("x", new double[] {6}, "name", new String[] {"b"}));           // prints {x=3.0}
     * }</pre>
     *
     * @param <R> the aggregation's result type
     * @param agg the aggregation, not null
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of this dataframe
     */
    public <R> Stream<Series<R>> aggregate(Aggregation<?, R> agg) {
        return reduce("aggregate", Objects.requireNonNull(agg, "aggregate: agg is null"));
    }

    String requireIndex(String who) {
        if (index == null) {
            throw new IllegalStateException(who + " needs an index column: build the dataframe with"
                    + " StreamingDataFrame.from(stream, example, \"time\") or call setIndex(\"time\")");
        }
        return index;
    }

    Frame knownExample() {
        try {
            return example.get();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** {@code StreamingDataFrame[x DOUBLE, name STRING]} with the index column, if any. */
    @Override
    public String toString() {
        Frame e = knownExample();
        StringBuilder b = new StringBuilder(getClass().getSimpleName()).append('[');
        if (e == null) {
            b.append("columns from the first batch");
        } else {
            int i = 0;
            for (Map.Entry<String, ColumnType> d : e.dtypes().entrySet()) {
                b.append(i++ > 0 ? ", " : "").append(d.getKey()).append(' ').append(d.getValue());
            }
        }
        b.append(']');
        if (index != null) {
            b.append(" index=").append(index);
        }
        return b.toString();
    }

    /** A lazily computed, remembered value. */
    static final class Memo<V> implements Supplier<V> {
        private final Supplier<V> compute;
        private volatile V value;

        Memo(Supplier<V> compute) {
            this.compute = compute;
        }

        /** A memo that already holds {@code value}. */
        static <V> Memo<V> of(V value) {
            Memo<V> m = new Memo<>(() -> value);
            m.value = value;
            return m;
        }

        @Override
        public V get() {
            V v = value;
            if (v == null) {
                v = compute.get();
                value = v;
            }
            return v;
        }
    }
}
