package io.streamz.dataframe.tablesaw;

import io.streamz.Stream;
import io.streamz.dataframe.Column;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Converts between {@link Frame}s and Tablesaw {@link Table}s, so Tablesaw users can stream
 * their tables through a {@link StreamingDataFrame} and get tables back.
 *
 * <pre>{@code
 * Table table = Table.read().csv("trades.csv");
 * Frame frame = TablesawFrames.fromTable(table);
 * Table back = TablesawFrames.toTable(frame, "trades");
 *
 * Stream<Table> tables = Stream.create();
 * StreamingDataFrame sdf = TablesawFrames.dataframe(tables, table);
 * sdf.col("price").sum().sink(System.out::println);
 * tables.emit(table);
 * }</pre>
 *
 * <p>Types map as: double and float columns to {@code DOUBLE}; long, int and short columns to
 * {@code LONG} (to {@code DOUBLE}, with {@code NaN}, when they have missing values, as pandas
 * does); boolean to {@code BOOLEAN}; string to {@code STRING} (Tablesaw's empty missing string
 * becomes {@code null}); instant, date-time and date columns (the latter two read as UTC) to
 * {@code INSTANT}. Back, each type maps to the Tablesaw column of the same name. Tablesaw keeps
 * instants to the millisecond.
 */
public final class TablesawFrames {
    private TablesawFrames() {
    }

    /**
     * The frame of the table's columns, converted as the class comment describes (a copy).
     *
     * @param table the table, not null
     * @return a new frame of the same column names, in order
     * @throws IllegalArgumentException naming a column whose type has no counterpart, or a
     *     boolean column with missing values
     */
    public static Frame fromTable(Table table) {
        Objects.requireNonNull(table, "fromTable: table is null");
        List<Column> cols = new ArrayList<>(table.columnCount());
        for (tech.tablesaw.columns.Column<?> c : table.columns()) {
            cols.add(fromColumn(c));
        }
        return Frame.of(cols);
    }

    private static Column fromColumn(tech.tablesaw.columns.Column<?> c) {
        String name = c.name();
        int n = c.size();
        if (c instanceof DoubleColumn || c instanceof FloatColumn) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = c.isMissing(i) ? Double.NaN : ((tech.tablesaw.api.NumericColumn<?>) c).getDouble(i);
            }
            return Column.from(name, out);
        }
        if (c instanceof LongColumn || c instanceof IntColumn || c instanceof ShortColumn) {
            tech.tablesaw.api.NumericColumn<?> num = (tech.tablesaw.api.NumericColumn<?>) c;
            if (c.countMissing() > 0) {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = c.isMissing(i) ? Double.NaN : num.getDouble(i);
                }
                return Column.from(name, out);
            }
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = c instanceof LongColumn ? ((LongColumn) c).getLong(i) : (long) num.getDouble(i);
            }
            return Column.from(name, out);
        }
        if (c instanceof BooleanColumn) {
            if (c.countMissing() > 0) {
                throw new IllegalArgumentException("fromTable: boolean column \"" + name + "\" has "
                        + c.countMissing() + " missing values, which a BOOLEAN column cannot hold");
            }
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((BooleanColumn) c).get(i);
            }
            return Column.from(name, out);
        }
        if (c instanceof StringColumn) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = c.isMissing(i) ? null : ((StringColumn) c).get(i);
            }
            return Column.from(name, out);
        }
        if (c instanceof InstantColumn || c instanceof DateTimeColumn || c instanceof DateColumn) {
            Instant[] out = new Instant[n];
            for (int i = 0; i < n; i++) {
                if (c.isMissing(i)) {
                    continue;
                }
                Object v = c.get(i);
                out[i] = v instanceof Instant ? (Instant) v
                        : v instanceof LocalDateTime ? ((LocalDateTime) v).toInstant(ZoneOffset.UTC)
                        : ((LocalDate) v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Column.from(name, out);
        }
        throw new IllegalArgumentException("fromTable: column \"" + name + "\" has type " + c.type()
                + ", which has no Frame counterpart (double, float, long, int, short, boolean, string, instant,"
                + " date-time, date)");
    }

    /**
     * The table of the frame's columns, named {@code "frame"}.
     *
     * @param frame the frame, not null
     * @return a new table holding a copy of the values
     */
    public static Table toTable(Frame frame) {
        return toTable(frame, "frame");
    }

    /**
     * The table of the frame's columns, with this name; missing values stay missing (Tablesaw
     * keeps a missing double as {@code NaN}).
     *
     * @param frame the frame, not null
     * @param name the table's name, not null
     * @return a new table holding a copy of the values, instants cut to the millisecond
     */
    public static Table toTable(Frame frame, String name) {
        Objects.requireNonNull(frame, "toTable: frame is null");
        Table t = Table.create(Objects.requireNonNull(name, "toTable: name is null"));
        for (Column c : frame.columns()) {
            t.addColumns(toColumn(c));
        }
        return t;
    }

    private static tech.tablesaw.columns.Column<?> toColumn(Column c) {
        int n = c.size();
        switch (c.type()) {
            case DOUBLE: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = c.getDouble(i);
                }
                return DoubleColumn.create(c.name(), out);
            }
            case LONG: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ((io.streamz.dataframe.LongColumn) c).getLong(i);
                }
                return LongColumn.create(c.name(), out);
            }
            case BOOLEAN: {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ((io.streamz.dataframe.BooleanColumn) c).getBoolean(i);
                }
                return BooleanColumn.create(c.name(), out);
            }
            case STRING: {
                StringColumn out = StringColumn.create(c.name());
                for (int i = 0; i < n; i++) {
                    if (c.isMissing(i)) {
                        out.appendMissing();
                    } else {
                        out.append((String) c.get(i));
                    }
                }
                return out;
            }
            default: {
                InstantColumn out = InstantColumn.create(c.name());
                for (int i = 0; i < n; i++) {
                    if (c.isMissing(i)) {
                        out.appendMissing();
                    } else {
                        out.append((Instant) c.get(i));
                    }
                }
                return out;
            }
        }
    }

    /**
     * A streaming dataframe over a stream of tables, each converted to a frame with
     * {@link #fromTable}.
     *
     * @param tables the stream of tables, not null; each must convert to the example's columns and types
     * @param example a table giving the columns and types, not null (its rows are not used)
     * @return the streaming dataframe, downstream of {@code tables}
     * @throws IllegalArgumentException when the example has a column with no counterpart
     */
    public static StreamingDataFrame dataframe(Stream<Table> tables, Table example) {
        Objects.requireNonNull(tables, "dataframe: tables is null");
        return StreamingDataFrame.from(tables.map(TablesawFrames::fromTable).named("fromTable"), fromTable(example));
    }
}
