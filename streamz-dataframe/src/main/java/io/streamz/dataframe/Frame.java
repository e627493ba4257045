package io.streamz.dataframe;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small, immutable, columnar table: the batch that flows through a {@link StreamingDataFrame}
 * (a pandas {@code DataFrame} in streamz). Columns are typed and stored on primitive arrays;
 * {@link #slice}, {@link #head}, {@link #tail} and {@link #select} share them.
 *
 * <pre>{@code
 * Frame f = Frame.of("x", new double[] {1, 5, 7}, "name", new String[] {"Alice", "Bob", "Alice"});
 * f.rowCount();      // 3
 * f.columnNames();   // [x, name]
 * Frame alice = f.where(f.stringColumn("name").isEqualTo("Alice"));
 * System.out.println(alice);
 * //      x   name
 * // 0  1.0  Alice
 * // 1  7.0  Alice
 * }</pre>
 *
 * <p>Missing values follow pandas: {@code NaN} in double columns, {@code null} in string and
 * instant columns; long and boolean columns have none (missing numbers make a double column).
 */
public final class Frame {
    private static final Frame EMPTY = new Frame(List.of(), 0);
    private final List<Column> columns;
    private final Map<String, Integer> positions;
    private final int rowCount;

    private Frame(List<Column> columns, int rowCount) {
        this.columns = Collections.unmodifiableList(columns);
        this.positions = Columns.positions(columns);
        this.rowCount = rowCount;
    }

    /**
     * A frame of named columns given as alternating names and arrays: {@code double[]},
     * {@code long[]}, {@code int[]} (stored as long), {@code boolean[]}, {@code String[]},
     * {@code Instant[]}, a {@code List} of values, or a {@link Column}.
     *
     * <pre>{@code
     * Frame.of("x", new double[] {1, 2}, "n", new int[] {3, 4}, "name", new String[] {"a", "b"});
     * }</pre>
     *
     * @param namesAndValues column name, values, column name, values, ... (see {@link Column#from})
     * @return the new frame; the empty frame for no arguments
     * @throws IllegalArgumentException when the arguments do not pair up, a name is not a string,
     *     names repeat, values are of no known type, or columns differ in length
     */
    public static Frame of(Object... namesAndValues) {
        Objects.requireNonNull(namesAndValues, "Frame.of: namesAndValues is null");
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Frame.of: expected name, values, name, values, ...; got "
                    + namesAndValues.length + " arguments");
        }
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String)) {
                throw new IllegalArgumentException("Frame.of: argument " + i + " must be a column name, was "
                        + namesAndValues[i]);
            }
            cols.add(Column.from((String) namesAndValues[i], namesAndValues[i + 1]));
        }
        return of(cols);
    }

    /**
     * A frame of these columns.
     *
     * @param columns the columns, in order: all of one length, with distinct names
     * @return the new frame; the empty frame for no columns
     * @throws IllegalArgumentException when lengths differ or names repeat
     */
    public static Frame of(List<? extends Column> columns) {
        Objects.requireNonNull(columns, "Frame.of: columns is null");
        if (columns.isEmpty()) {
            return EMPTY;
        }
        int n = columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != n) {
                throw new IllegalArgumentException("Frame.of: column \"" + c.name() + "\" has " + c.size()
                        + " rows, column \"" + columns.get(0).name() + "\" has " + n);
            }
        }
        return new Frame(List.copyOf(columns), n);
    }

    /**
     * A frame of these columns; see {@link #of(List)}.
     *
     * @param columns the columns, in order: all of one length, with distinct names
     * @return the new frame; the empty frame for no columns
     */
    public static Frame ofColumns(Column... columns) {
        return of(Arrays.asList(columns));
    }

    /**
     * A frame of rows given as maps (pandas {@code DataFrame(list_of_dicts)}): columns in order
     * of first appearance, a key missing in a row is a missing value, and each column's type
     * is inferred (whole numbers make a long column, any other or a missing number a double
     * column).
     *
     * <pre>{@code
     * Frame.fromRows(List.of(Map.of("x", 1.5, "name", "a"), Map.of("x", 2.5, "name", "b")));
     * }</pre>
     *
     * @param rows the rows, none null; values are numbers, booleans, strings (also characters and
     *     enums, stored as text), instants or {@code null}
     * @return the new frame; the empty frame when no row has a key
     * @throws IllegalArgumentException naming the column when its values are of mixed or unknown
     *     types, or a boolean column has missing values
     */
    public static Frame fromRows(List<? extends Map<String, ?>> rows) {
        Objects.requireNonNull(rows, "Frame.fromRows: rows is null");
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, ?> r : rows) {
            names.addAll(Objects.requireNonNull(r, "Frame.fromRows: a row is null").keySet());
        }
        List<Column> cols = new ArrayList<>(names.size());
        for (String name : names) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Map<String, ?> r : rows) {
                values.add(r.get(name));
            }
            cols.add(Columns.infer(name, values));
        }
        return cols.isEmpty() ? EMPTY : new Frame(List.copyOf(cols), rows.size());
    }

    /**
     * A frame of records, beans or maps, one row each: Java records by their components, maps by
     * their keys, other objects through Jackson's {@code ObjectMapper} (jackson-databind must be
     * on the class path).
     *
     * <pre>{@code
     * record Trade(String symbol, double price) {}
     * Frame.fromRecords(List.of(new Trade("A", 1.5), new Trade("B", 2.0)));
     * }</pre>
     *
     * @param records the rows, none null; all of one shape
     * @return the new frame, typed as in {@link #fromRows}
     * @throws IllegalArgumentException when a value cannot be stored (see {@link #fromRows})
     * @throws IllegalStateException when a record is neither a Java record nor a map and
     *     jackson-databind is not on the class path
     */
    public static Frame fromRecords(List<?> records) {
        Objects.requireNonNull(records, "Frame.fromRecords: records is null");
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (Object r : records) {
            rows.add(toRow(r));
        }
        return fromRows(rows);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toRow(Object r) {
        Objects.requireNonNull(r, "Frame.fromRecords: a record is null");
        if (r instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<Object, Object>) r).forEach((k, v) -> m.put(String.valueOf(k), v));
            return m;
        }
        if (r.getClass().isRecord()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    m.put(c.getName(), c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("Frame.fromRecords: cannot read " + c.getName()
                            + " of " + r.getClass().getSimpleName(), e);
                }
            }
            return m;
        }
        try {
            return JacksonRows.toRow(r);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("Frame.fromRecords: " + r.getClass().getName()
                    + " is neither a record nor a map; converting beans needs jackson-databind on the class path", e);
        }
    }

    /**
     * A frame read from CSV text with a header line (pandas {@code read_csv}): fields may be
     * quoted with {@code "}; each column is long, double, boolean, instant (ISO-8601) or string,
     * whichever fits all its values; an empty field is missing.
     *
     * <pre>{@code
     * Frame.fromCsv("x,name\n1.5,a\n2,b\n");   // x DOUBLE, name STRING
     * }</pre>
     *
     * @param text the CSV text, header line first, not null
     * @return the new frame; the empty frame for empty text
     * @throws IllegalArgumentException when a line has another number of fields than the header,
     *     or header names repeat
     */
    public static Frame fromCsv(String text) {
        return Csv.parse(Objects.requireNonNull(text, "Frame.fromCsv: text is null"));
    }

    /**
     * The frame of no columns and no rows.
     *
     * @return the shared empty frame
     */
    public static Frame empty() {
        return EMPTY;
    }

    /**
     * The frames' rows one after the other (pandas {@code concat}).
     *
     * <pre>{@code
     * Frame a = Frame.of("x", new long[] {1, 2});
     * Frame.concat(List.of(a, a)).rowCount();   // 4
     * }</pre>
     *
     * @param frames the frames, in order; they must have the same columns, in the same order, with the same types
     * @return a new frame of all their rows; the empty frame for no frames, the frame itself for one
     * @throws IllegalArgumentException naming the first column that differs
     */
    public static Frame concat(List<Frame> frames) {
        Objects.requireNonNull(frames, "Frame.concat: frames is null");
        if (frames.isEmpty()) {
            return EMPTY;
        }
        Frame first = frames.get(0);
        if (frames.size() == 1) {
            return first;
        }
        for (Frame f : frames) {
            first.checkSameSchema(f, "concat");
        }
        List<Column> cols = new ArrayList<>(first.columns.size());
        for (int c = 0; c < first.columns.size(); c++) {
            List<Column> parts = new ArrayList<>(frames.size());
            for (Frame f : frames) {
                parts.add(f.columns.get(c));
            }
            cols.add(Columns.concat(first.columns.get(c).name(), parts));
        }
        return of(cols);
    }

    /**
     * See {@link #concat(List)}.
     *
     * @param frames the frames, in order, with the same columns and types
     * @return a new frame of all their rows
     */
    public static Frame concat(Frame... frames) {
        return concat(Arrays.asList(frames));
    }

    // ------------------------------------------------------------------ shape

    /**
     * The number of rows.
     *
     * @return the number of rows, at least 0
     */
    public int rowCount() {
        return rowCount;
    }

    /**
     * The number of columns.
     *
     * @return the number of columns, at least 0
     */
    public int columnCount() {
        return columns.size();
    }

    /**
     * The column names, in order.
     *
     * @return an unmodifiable list of the names
     */
    public List<String> columnNames() {
        List<String> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.name());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Column name to type, in column order (pandas {@code dtypes}).
     *
     * @return an unmodifiable map from each column name to its type
     */
    public Map<String, ColumnType> dtypes() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        for (Column c : columns) {
            out.put(c.name(), c.type());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The columns, in order.
     *
     * @return the frame's columns, an unmodifiable list
     */
    public List<Column> columns() {
        return columns;
    }

    /**
     * Whether a column of this name exists.
     *
     * @param name the column name, not null
     * @return {@code true} when the frame has such a column
     */
    public boolean hasColumn(String name) {
        return positions.containsKey(Objects.requireNonNull(name, "hasColumn: name is null"));
    }

    // ------------------------------------------------------------------ columns

    /**
     * The column of this name.
     *
     * @param name the column name, not null
     * @return the column
     * @throws IllegalArgumentException listing the columns when there is none
     */
    public Column column(String name) {
        Integer i = positions.get(Objects.requireNonNull(name, "column: name is null"));
        if (i == null) {
            throw new ColumnError("column \"" + name + "\" is not in the frame " + columnNames());
        }
        return columns.get(i);
    }

    /**
     * Column {@code i}.
     *
     * @param i the column position, from 0 to {@code columnCount() - 1}
     * @return the column
     * @throws IndexOutOfBoundsException when there is no such column
     */
    public Column column(int i) {
        return columns.get(i);
    }

    /**
     * The double column of this name; like the other typed getters, it fails with a clear message,
     * not a {@code ClassCastException}, when the column is of another type.
     *
     * @param name the column name, not null
     * @return the column
     * @throws IllegalArgumentException when there is no such column or it is not a double column
     */
    public DoubleColumn doubleColumn(String name) {
        return typed(name, DoubleColumn.class, ColumnType.DOUBLE);
    }

    /**
     * The long column of this name.
     *
     * @param name the column name, not null
     * @return the column
     * @throws IllegalArgumentException when there is no such column or it is not a long column
     */
    public LongColumn longColumn(String name) {
        return typed(name, LongColumn.class, ColumnType.LONG);
    }

    /**
     * The numeric (double or long) column of this name.
     *
     * @param name the column name, not null
     * @return the column
     * @throws IllegalArgumentException when there is no such column or it is not a number column
     */
    public NumericColumn numberColumn(String name) {
        Column c = column(name);
        if (!(c instanceof NumericColumn)) {
            throw new ColumnError("column \"" + name + "\" is " + c.type() + ", not a number column");
        }
        return (NumericColumn) c;
    }

    /**
     * The boolean column of this name.
     *
     * @param name the column name, not null
     * @return the column
     * @throws IllegalArgumentException when there is no such column or it is not a boolean column
     */
    public BooleanColumn booleanColumn(String name) {
        return typed(name, BooleanColumn.class, ColumnType.BOOLEAN);
    }

    /**
     * The string column of this name.
     *
     * @param name the column name, not null
     * @return the column
     * @throws IllegalArgumentException when there is no such column or it is not a string column
     */
    public StringColumn stringColumn(String name) {
        return typed(name, StringColumn.class, ColumnType.STRING);
    }

    /**
     * The instant column of this name.
     *
     * @param name the column name, not null
     * @return the column
     * @throws IllegalArgumentException when there is no such column or it is not a instant column
     */
    public InstantColumn instantColumn(String name) {
        return typed(name, InstantColumn.class, ColumnType.INSTANT);
    }

    private <C extends Column> C typed(String name, Class<C> cls, ColumnType t) {
        Column c = column(name);
        if (!cls.isInstance(c)) {
            throw new ColumnError("column \"" + name + "\" is " + c.type() + ", not " + t);
        }
        return cls.cast(c);
    }

    /**
     * Value of column {@code name} at {@code row}.
     *
     * @param row the row position, from 0 to {@code rowCount() - 1}
     * @param name the column name, not null
     * @return the value, boxed as {@link Column#get} gives it
     * @throws IllegalArgumentException when there is no such column
     */
    public Object get(int row, String name) {
        Objects.requireNonNull(name, "get: name is null");
        return column(name).get(row);
    }

    /**
     * Row {@code i} as an ordered map from column name to value.
     *
     * @param i the row position, from 0 to {@code rowCount() - 1}
     * @return a new, modifiable map in column order, values boxed as {@link Column#get} gives them
     * @throws IndexOutOfBoundsException when there is no such row
     */
    public Map<String, Object> row(int i) {
        Objects.checkIndex(i, rowCount);
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column c : columns) {
            m.put(c.name(), c.get(i));
        }
        return m;
    }

    /**
     * All rows as maps (pandas {@code to_dict('records')}).
     *
     * @return a new list of {@link #rowCount()} maps, each as {@link #row} gives it
     */
    public List<Map<String, Object>> toRows() {
        List<Map<String, Object>> out = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            out.add(row(i));
        }
        return out;
    }

    // ------------------------------------------------------------------ derived frames

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive), sharing the arrays.
     *
     * @param from the first row position, at least 0
     * @param to the row position after the last, from {@code from} to {@code rowCount()}
     * @return the slice; this frame when the range covers all rows
     * @throws IndexOutOfBoundsException when the range is not within the frame
     */
    public Frame slice(int from, int to) {
        if (from < 0 || to > rowCount || from > to) {
            throw new IndexOutOfBoundsException("frame: slice [" + from + ", " + to + ") out of 0.." + rowCount);
        }
        if (from == 0 && to == rowCount) {
            return this;
        }
        List<Column> cols = new ArrayList<>(columns.size());
        for (Column c : columns) {
            cols.add(c.sliceUnchecked(from, to));
        }
        return new Frame(cols, to - from);
    }

    /**
     * The first {@code n} rows (all when fewer).
     *
     * @param n the number of rows; none when negative
     * @return a slice sharing the arrays
     */
    public Frame head(int n) {
        return slice(0, Math.max(0, Math.min(n, rowCount)));
    }

    /**
     * The last {@code n} rows (all when fewer).
     *
     * @param n the number of rows; none when negative
     * @return a slice sharing the arrays
     */
    public Frame tail(int n) {
        return slice(rowCount - Math.max(0, Math.min(n, rowCount)), rowCount);
    }

    /**
     * A frame with no rows and the same columns.
     *
     * @return a frame of the same columns and types, with no rows
     */
    public Frame emptyRows() {
        return slice(0, 0);
    }

    /**
     * The named columns, in the given order (pandas {@code df[[...]]}).
     *
     * @param names the column names, each once
     * @return a frame of those columns, sharing them; the empty frame for no names
     * @throws IllegalArgumentException when a column is missing or a name repeats
     */
    public Frame select(String... names) {
        return select(Arrays.asList(names));
    }

    /**
     * The named columns, in the given order; see {@link #select(String...)}.
     *
     * @param names the column names, each once
     * @return a frame of those columns, sharing them; the empty frame for no names
     */
    public Frame select(List<String> names) {
        List<Column> cols = new ArrayList<>(names.size());
        for (String n : names) {
            cols.add(column(n));
        }
        return cols.isEmpty() ? EMPTY : new Frame(cols, rowCount);
    }

    /**
     * The frame without the named columns.
     *
     * @param names the columns to drop
     * @return a frame of the other columns, in order; the empty frame when none is left
     * @throws IllegalArgumentException when a named column is not in the frame
     */
    public Frame drop(String... names) {
        List<Column> cols = new ArrayList<>(columns);
        for (String n : names) {
            cols.remove(column(n));
        }
        return cols.isEmpty() ? EMPTY : new Frame(cols, rowCount);
    }

    /**
     * The selected rows (pandas {@code df[mask]}).
     *
     * @param selection a selection over this frame's rows, not null
     * @return a new frame of the selected rows, in order; this frame when all are selected
     * @throws IllegalArgumentException when the selection is over another number of rows
     */
    public Frame where(Selection selection) {
        Objects.requireNonNull(selection, "where: selection is null");
        if (selection.size() != rowCount) {
            throw new IllegalArgumentException("where: the selection is over " + selection.size()
                    + " rows, the frame has " + rowCount);
        }
        int k = selection.count();
        if (k == rowCount) {
            return this;
        }
        return take(selection.toArray());
    }

    /**
     * The rows at these positions, in this order (a copy).
     *
     * @param rows the row positions, each from 0 to {@code rowCount() - 1}; may repeat
     * @return a new frame of {@code rows.length} rows
     */
    public Frame take(int[] rows) {
        List<Column> cols = new ArrayList<>(columns.size());
        for (Column c : columns) {
            cols.add(c.take(rows));
        }
        return new Frame(cols, rows.length);
    }

    /**
     * This frame with {@code column} added, or replacing the column of the same name in place
     * (pandas {@code assign}).
     *
     * @param column the column, of {@link #rowCount()} values unless this frame has no columns
     * @return a new frame with the column
     * @throws IllegalArgumentException when the column's length differs from the frame's
     */
    public Frame withColumn(Column column) {
        Objects.requireNonNull(column, "withColumn: column is null");
        if (!columns.isEmpty() && column.size() != rowCount) {
            throw new IllegalArgumentException("withColumn: column \"" + column.name() + "\" has "
                    + column.size() + " rows, the frame has " + rowCount);
        }
        List<Column> cols = new ArrayList<>(columns);
        Integer i = positions.get(column.name());
        if (i != null) {
            cols.set(i, column);
        } else {
            cols.add(column);
        }
        return new Frame(cols, column.size());
    }

    /**
     * This frame with a column of these values added or replaced; see {@link #withColumn(Column)}.
     *
     * <pre>{@code
     * Frame f = Frame.of("x", new double[] {1, 2});
     * f.withColumn("y", f.doubleColumn("x").multiply(10));   // columns x, y
     * }</pre>
     *
     * @param name the column's name, not null
     * @param values the values, as {@link Column#from} takes them
     * @return a new frame with the column
     */
    public Frame withColumn(String name, Object values) {
        Objects.requireNonNull(name, "withColumn: name is null");
        return withColumn(Column.from(name, values));
    }

    /**
     * The frame with a column renamed, in place.
     *
     * @param from the current name, not null
     * @param to the new name, not null
     * @return a new frame sharing the columns
     * @throws IllegalArgumentException when there is no column {@code from}, or {@code to} is
     *     already another column's name
     */
    public Frame rename(String from, String to) {
        Objects.requireNonNull(from, "rename: from is null");
        Objects.requireNonNull(to, "rename: to is null");
        List<Column> cols = new ArrayList<>(columns);
        cols.set(positions.get(column(from).name()), column(from).rename(to));
        return new Frame(cols, rowCount);
    }

    /**
     * Every column converted to {@code type} (pandas {@code astype}); see {@link #astype(Map)} for some columns.
     *
     * @param type the type to convert to, not null
     * @return a new frame; columns already of that type are shared
     * @throws IllegalArgumentException when a missing value cannot become a {@code LONG}, or
     *     text does not parse as a number ({@code NumberFormatException})
     * @throws java.time.format.DateTimeParseException when a value does not parse as an ISO-8601 instant
     */
    public Frame astype(ColumnType type) {
        List<Column> cols = new ArrayList<>(columns.size());
        for (Column c : columns) {
            cols.add(Columns.cast(c, type));
        }
        return cols.isEmpty() ? EMPTY : new Frame(cols, rowCount);
    }

    /**
     * The named columns converted to the given types (pandas {@code astype({...})}).
     *
     * <pre>{@code
     * Frame.of("n", new long[] {1, 2}).astype(Map.of("n", ColumnType.DOUBLE)).dtypes();   // {n=DOUBLE}
     * }</pre>
     *
     * @param types column name to the type to convert it to, not null
     * @return a new frame; the other columns are shared
     * @throws IllegalArgumentException when a named column is not in the frame, or a missing
     *     value cannot become a {@code LONG}
     */
    public Frame astype(Map<String, ColumnType> types) {
        List<Column> cols = new ArrayList<>(columns);
        types.forEach((n, t) -> cols.set(positions.get(column(n).name()), Columns.cast(column(n), t)));
        return new Frame(cols, rowCount);
    }

    /**
     * Number columns rounded to {@code decimals} places, half to even (pandas {@code round}); see
     * {@link NumericColumn#round}.
     *
     * @param decimals the number of decimal places; negative rounds to tens, hundreds, ...
     * @return a new frame; other columns are shared
     */
    public Frame round(int decimals) {
        List<Column> cols = new ArrayList<>(columns.size());
        for (Column c : columns) {
            cols.add(c instanceof NumericColumn ? ((NumericColumn) c).round(decimals) : c);
        }
        return cols.isEmpty() ? EMPTY : new Frame(cols, rowCount);
    }

    /**
     * Checks that {@code other} has this frame's columns, in order, with the same types.
     *
     * @param other the frame to check, not null
     * @param who the operation to name in the error message, not null
     * @throws IllegalArgumentException naming the first column that differs and both types
     */
    public void checkSameSchema(Frame other, String who) {
        Objects.requireNonNull(other, "checkSameSchema: other is null");
        Objects.requireNonNull(who, "checkSameSchema: who is null");
        for (int i = 0; i < Math.max(columns.size(), other.columns.size()); i++) {
            Column a = i < columns.size() ? columns.get(i) : null;
            Column b = i < other.columns.size() ? other.columns.get(i) : null;
            if (a == null) {
                throw new IllegalArgumentException(who + ": unexpected column \"" + b.name() + "\" (" + b.type()
                        + "); expected the columns " + dtypes());
            }
            if (b == null || !b.name().equals(a.name())) {
                Column named = other.hasColumn(a.name()) ? other.column(a.name()) : null;
                throw new IllegalArgumentException(who + ": column \"" + a.name() + "\" (" + a.type() + ") "
                        + (named == null ? "is missing" : "is out of place") + "; got the columns " + other.dtypes());
            }
            if (a.type() != b.type()) {
                throw new IllegalArgumentException(who + ": column \"" + a.name() + "\" should be " + a.type()
                        + " but is " + b.type());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame && ((Frame) o).rowCount == rowCount && ((Frame) o).columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    /** A fixed-width table with row positions, as pandas prints it (the middle rows elided past 20). */
    @Override
    public String toString() {
        return Tables.format(columns, null, rowCount);
    }
}
