package io.streamz.dataframe.arrow;

import io.streamz.Stream;
import io.streamz.dataframe.BooleanColumn;
import io.streamz.dataframe.Column;
import io.streamz.dataframe.ColumnType;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.InstantColumn;
import io.streamz.dataframe.LongColumn;
import io.streamz.dataframe.StreamingDataFrame;
import io.streamz.dataframe.StringColumn;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Converts between {@link Frame}s and Apache Arrow {@link VectorSchemaRoot}s, and reads and
 * writes the Arrow IPC stream format, so that batches can be exchanged with pyarrow and pandas
 * and streamed through a {@link StreamingDataFrame}.
 *
 * <pre>{@code
 * try (BufferAllocator allocator = new RootAllocator();
 *      VectorSchemaRoot root = ArrowFrames.toVectorSchemaRoot(frame, allocator)) {
 *     Frame back = ArrowFrames.fromVectorSchemaRoot(root);   // equal to frame
 * }
 *
 * Stream<VectorSchemaRoot> roots = Stream.create();
 * StreamingDataFrame sdf = ArrowFrames.dataframe(roots, schema);
 * sdf.col("price").sum().sink(System.out::println);
 * roots.emit(root);
 * }</pre>
 *
 * <p>Types map as: floating-point vectors to {@code DOUBLE} (null becomes {@code NaN}); integer
 * vectors, signed of any width and unsigned up to 32 bits, to {@code LONG} (to {@code DOUBLE},
 * with {@code NaN}, when they hold nulls, as pandas does); {@code Bit} to {@code BOOLEAN} (a
 * null fails, as a {@code BOOLEAN} column cannot hold one); {@code Utf8}, {@code LargeUtf8} and
 * {@code Utf8View} to {@code STRING} (null stays {@code null}); timestamps of any unit, with or
 * without a time zone (the latter read as UTC), and dates (midnight UTC) to {@code INSTANT}.
 * Back, {@code DOUBLE} becomes {@code Float8} (a missing {@code NaN} becomes null, as pyarrow
 * does with pandas' {@code NaN}), {@code LONG} a non-nullable {@code Int(64)}, {@code BOOLEAN} a
 * non-nullable {@code Bit}, {@code STRING} {@code Utf8} and {@code INSTANT}
 * {@code Timestamp(NANOSECOND, "UTC")}, the precision a frame keeps.
 *
 * <p>Conversions copy the values, so a frame never refers to Arrow memory and a root may be
 * reused or closed once converted. Arrow's memory reads the address of direct buffers: on
 * Java 17 and later, run with {@code --add-opens=java.base/java.nio=ALL-UNNAMED}.
 */
public final class ArrowFrames {
    private static final String TYPES = "floating point, integer (unsigned up to 32 bits), bool, utf8,"
            + " large utf8, utf8 view, timestamp, date";

    private ArrowFrames() {
    }

    /**
     * The frame of the root's vectors, one column per field, with the root's row count; the
     * values are copied.
     *
     * <pre>{@code
     * Frame frame = ArrowFrames.fromVectorSchemaRoot(root);
     * frame.dtypes();   // {price=DOUBLE, symbol=STRING, time=INSTANT}
     * }</pre>
     *
     * @param root the vectors to read, not null; left open
     * @return a new frame of the root's columns, in the root's order
     * @throws IllegalArgumentException naming a column whose Arrow type has no counterpart, that
     *     is dictionary-encoded (see {@link #readIpc}), that is a {@code Bit} vector with nulls, or
     *     that holds a timestamp outside the nanosecond range (the years 1677 to 2262)
     */
    public static Frame fromVectorSchemaRoot(VectorSchemaRoot root) {
        Objects.requireNonNull(root, "fromVectorSchemaRoot: root is null");
        return fromRoot(root, null, "fromVectorSchemaRoot");
    }

    private static Frame fromRoot(VectorSchemaRoot root, DictionaryProvider dictionaries, String who) {
        int n = root.getRowCount();
        List<Column> cols = new ArrayList<>(root.getFieldVectors().size());
        for (FieldVector v : root.getFieldVectors()) {
            String name = v.getField().getName();
            DictionaryEncoding encoding = v.getField().getDictionary();
            if (encoding == null) {
                cols.add(fromVector(name, v, n, who));
            } else if (dictionaries == null) {
                throw new IllegalArgumentException(who + ": column \"" + name + "\" is dictionary-encoded; decode it"
                        + " first (DictionaryEncoder.decode) or read the IPC stream with readIpc");
            } else {
                try (FieldVector decoded = (FieldVector) DictionaryEncoder.decode(v,
                        dictionaries.lookup(encoding.getId()))) {
                    cols.add(fromVector(name, decoded, n, who));
                }
            }
        }
        return Frame.of(cols);
    }

    private static Column fromVector(String name, FieldVector v, int n, String who) {
        ArrowType type = v.getField().getType();
        switch (columnType(name, type, who)) {
            case DOUBLE: {
                FloatingPointVector f = (FloatingPointVector) v;
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = f.isNull(i) ? Double.NaN : f.getValueAsDouble(i);
                }
                return Column.from(name, out);
            }
            case LONG: {
                BaseIntVector ints = (BaseIntVector) v;
                ArrowType.Int t = (ArrowType.Int) type;
                long mask = t.getIsSigned() ? -1L : (1L << t.getBitWidth()) - 1;
                if (v.getNullCount() > 0) {
                    double[] out = new double[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = v.isNull(i) ? Double.NaN : ints.getValueAsLong(i) & mask;
                    }
                    return Column.from(name, out);
                }
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ints.getValueAsLong(i) & mask;
                }
                return Column.from(name, out);
            }
            case BOOLEAN: {
                if (v.getNullCount() > 0) {
                    throw new IllegalArgumentException(who + ": Bit column \"" + name + "\" has " + v.getNullCount()
                            + " nulls, which a BOOLEAN column cannot hold");
                }
                BitVector bits = (BitVector) v;
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = bits.get(i) != 0;
                }
                return Column.from(name, out);
            }
            case STRING: {
                VariableWidthFieldVector text = (VariableWidthFieldVector) v;
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = text.isNull(i) ? null : new String(text.get(i), StandardCharsets.UTF_8);
                }
                return Column.from(name, out);
            }
            default: {
                long[] nanos = new long[n];
                for (int i = 0; i < n; i++) {
                    nanos[i] = v.isNull(i) ? Long.MIN_VALUE : epochNanos(name, v, i, who);
                }
                return InstantColumn.ofEpochNanos(name, nanos);
            }
        }
    }

    private static long epochNanos(String name, FieldVector v, int i, String who) {
        try {
            if (v instanceof TimeStampVector) {
                long value = ((TimeStampVector) v).get(i);
                switch (((ArrowType.Timestamp) v.getField().getType()).getUnit()) {
                    case SECOND:
                        return Math.multiplyExact(value, 1_000_000_000L);
                    case MILLISECOND:
                        return Math.multiplyExact(value, 1_000_000L);
                    case MICROSECOND:
                        return Math.multiplyExact(value, 1_000L);
                    default:
                        return value;
                }
            }
            if (v instanceof DateDayVector) {
                return Math.multiplyExact((long) ((DateDayVector) v).get(i), 86_400_000_000_000L);
            }
            return Math.multiplyExact(((DateMilliVector) v).get(i), 1_000_000L);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(who + ": column \"" + name + "\", row " + i
                    + ": the time is outside the nanosecond range of an INSTANT (the years 1677 to 2262)", e);
        }
    }

    /** The column type of an Arrow type without nulls, or an exception naming the column. */
    private static ColumnType columnType(String name, ArrowType type, String who) {
        switch (type.getTypeID()) {
            case FloatingPoint:
                return ColumnType.DOUBLE;
            case Int:
                ArrowType.Int t = (ArrowType.Int) type;
                if (t.getIsSigned() || t.getBitWidth() < 64) {
                    return ColumnType.LONG;
                }
                break;
            case Bool:
                return ColumnType.BOOLEAN;
            case Utf8:
            case LargeUtf8:
            case Utf8View:
                return ColumnType.STRING;
            case Timestamp:
            case Date:
                return ColumnType.INSTANT;
            default:
                break;
        }
        throw new IllegalArgumentException(who + ": column \"" + name + "\" has Arrow type " + type
                + ", which has no Frame counterpart (" + TYPES + ")");
    }

    /**
     * A new root holding the frame's columns, with the frame's row count, allocated from
     * {@code allocator}. The caller owns the root and must close it (before closing the
     * allocator).
     *
     * <pre>{@code
     * try (BufferAllocator allocator = new RootAllocator();
     *      VectorSchemaRoot root = ArrowFrames.toVectorSchemaRoot(frame, allocator)) {
     *     System.out.println(root.contentToTSVString());
     * }
     * }</pre>
     *
     * @param frame the frame to copy, not null
     * @param allocator where the vectors' memory comes from, not null
     * @return a new root, one vector per column, in the frame's order; owned by the caller
     */
    public static VectorSchemaRoot toVectorSchemaRoot(Frame frame, BufferAllocator allocator) {
        Objects.requireNonNull(frame, "toVectorSchemaRoot: frame is null");
        Objects.requireNonNull(allocator, "toVectorSchemaRoot: allocator is null");
        List<FieldVector> vectors = new ArrayList<>(frame.columnCount());
        try {
            for (Column c : frame.columns()) {
                vectors.add(toVector(c, allocator));
            }
            VectorSchemaRoot root = new VectorSchemaRoot(vectors);
            root.setRowCount(frame.rowCount());
            return root;
        } catch (RuntimeException | Error e) {
            for (FieldVector v : vectors) {
                v.close();
            }
            throw e;
        }
    }

    private static FieldVector toVector(Column c, BufferAllocator allocator) {
        int n = c.size();
        String name = c.name();
        switch (c.type()) {
            case DOUBLE: {
                Float8Vector v = new Float8Vector(Field.nullable(name,
                        new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), allocator);
                v.allocateNew(n);
                for (int i = 0; i < n; i++) {
                    if (!c.isMissing(i)) {
                        v.set(i, c.getDouble(i));
                    }
                }
                return v;
            }
            case LONG: {
                BigIntVector v = new BigIntVector(Field.notNullable(name, new ArrowType.Int(64, true)), allocator);
                v.allocateNew(n);
                LongColumn longs = (LongColumn) c;
                for (int i = 0; i < n; i++) {
                    v.set(i, longs.getLong(i));
                }
                return v;
            }
            case BOOLEAN: {
                BitVector v = new BitVector(Field.notNullable(name, ArrowType.Bool.INSTANCE), allocator);
                v.allocateNew(n);
                BooleanColumn bools = (BooleanColumn) c;
                for (int i = 0; i < n; i++) {
                    v.set(i, bools.getBoolean(i) ? 1 : 0);
                }
                return v;
            }
            case STRING: {
                VarCharVector v = new VarCharVector(Field.nullable(name, ArrowType.Utf8.INSTANCE), allocator);
                v.allocateNew(n);
                StringColumn text = (StringColumn) c;
                for (int i = 0; i < n; i++) {
                    if (!text.isMissing(i)) {
                        v.setSafe(i, text.get(i).getBytes(StandardCharsets.UTF_8));
                    }
                }
                return v;
            }
            default: {
                TimeStampNanoTZVector v = new TimeStampNanoTZVector(Field.nullable(name,
                        new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC")), allocator);
                v.allocateNew(n);
                InstantColumn times = (InstantColumn) c;
                for (int i = 0; i < n; i++) {
                    if (!times.isMissing(i)) {
                        v.set(i, times.getEpochNanos(i));
                    }
                }
                return v;
            }
        }
    }

    /**
     * A streaming dataframe over a stream of roots, each converted to a frame when it is
     * emitted, whose columns and types are those of {@code schema}. Since a root is copied during
     * {@code emit}, the emitter may reuse it (as an {@code ArrowStreamReader} does) or close it
     * once {@code emit} returns.
     *
     * <pre>{@code
     * Stream<VectorSchemaRoot> roots = Stream.create();
     * try (ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
     *     VectorSchemaRoot root = reader.getVectorSchemaRoot();
     *     StreamingDataFrame sdf = ArrowFrames.dataframe(roots, root.getSchema());
     *     sdf.col("price").sum().sink(System.out::println);
     *     while (reader.loadNextBatch()) {
     *         roots.emit(root);
     *     }
     * }
     * }</pre>
     *
     * <p>An integer field is a {@code LONG} column of the example; a batch whose integer vector
     * holds nulls becomes a {@code DOUBLE} column and is rejected by the dataframe's schema check.
     *
     * @param roots the stream of roots, not null; typically a {@code Stream.create()} fed by a reader
     * @param schema the fields of every root, not null; it gives the example's columns and types
     * @return the streaming dataframe, downstream of {@code roots}
     * @throws IllegalArgumentException naming a field of {@code schema} whose type has no
     *     counterpart or that is dictionary-encoded
     */
    public static StreamingDataFrame dataframe(Stream<VectorSchemaRoot> roots, Schema schema) {
        Objects.requireNonNull(roots, "dataframe: roots is null");
        Objects.requireNonNull(schema, "dataframe: schema is null");
        List<Column> cols = new ArrayList<>(schema.getFields().size());
        for (Field f : schema.getFields()) {
            if (f.getDictionary() != null) {
                throw new IllegalArgumentException("dataframe: column \"" + f.getName() + "\" is dictionary-encoded;"
                        + " decode it first (DictionaryEncoder.decode)");
            }
            cols.add(emptyColumn(f.getName(), columnType(f.getName(), f.getType(), "dataframe")));
        }
        return StreamingDataFrame.from(roots.map(ArrowFrames::fromVectorSchemaRoot).named("fromVectorSchemaRoot"),
                Frame.of(cols));
    }

    private static Column emptyColumn(String name, ColumnType type) {
        switch (type) {
            case DOUBLE:
                return Column.from(name, new double[0]);
            case LONG:
                return Column.from(name, new long[0]);
            case BOOLEAN:
                return Column.from(name, new boolean[0]);
            case STRING:
                return Column.from(name, new String[0]);
            default:
                return InstantColumn.ofEpochNanos(name);
        }
    }

    /**
     * Reads an Arrow IPC stream (the format of pyarrow's {@code ipc.new_stream} and
     * {@code ipc.open_stream}) to its end: one frame per record batch, dictionary-encoded columns
     * (pandas categoricals) decoded. The stream is not closed.
     *
     * <pre>{@code
     * try (InputStream in = Files.newInputStream(Path.of("trades.arrows"))) {
     *     List<Frame> batches = ArrowFrames.readIpc(in);
     * }
     * }</pre>
     *
     * @param in the IPC stream, not null, positioned at its schema message; left open
     * @return the frames of the record batches, in order; empty when the stream has no batch
     * @throws IOException if reading fails or the bytes are not an Arrow IPC stream
     * @throws IllegalArgumentException as {@link #fromVectorSchemaRoot} does
     */
    public static List<Frame> readIpc(InputStream in) throws IOException {
        Objects.requireNonNull(in, "readIpc: in is null");
        try (BufferAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new FilterInputStream(in) {
                    @Override
                    public void close() {
                    }
                }, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<Frame> out = new ArrayList<>();
            while (reader.loadNextBatch()) {
                out.add(fromRoot(root, reader, "readIpc"));
            }
            return out;
        }
    }

    /**
     * Writes the frames as an Arrow IPC stream, one record batch per frame, which pyarrow reads
     * with {@code pyarrow.ipc.open_stream(data).read_all()} (or {@code read_pandas()}). The
     * stream is flushed, not closed.
     *
     * <pre>{@code
     * try (OutputStream out = Files.newOutputStream(Path.of("trades.arrows"))) {
     *     ArrowFrames.writeIpc(List.of(monday, tuesday), out);
     * }
     * }</pre>
     *
     * @param frames the batches, not null, at least one, all with the first one's columns and types
     * @param out where the stream goes, not null; flushed and left open
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if {@code frames} is empty (there is no schema to write)
     *     or a frame's columns differ from the first one's, naming the column
     */
    public static void writeIpc(List<Frame> frames, OutputStream out) throws IOException {
        Objects.requireNonNull(frames, "writeIpc: frames is null");
        Objects.requireNonNull(out, "writeIpc: out is null");
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("writeIpc: no frames, so no schema to write");
        }
        Frame first = frames.get(0);
        for (Frame f : frames) {
            first.checkSameSchema(Objects.requireNonNull(f, "writeIpc: a frame is null"), "writeIpc");
        }
        OutputStream shielded = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot target = VectorSchemaRoot.create(schemaOf(first, allocator), allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(target, new DictionaryProvider.MapDictionaryProvider(),
                        Channels.newChannel(shielded))) {
            VectorLoader loader = new VectorLoader(target);
            writer.start();
            for (Frame f : frames) {
                try (VectorSchemaRoot batch = toVectorSchemaRoot(f, allocator);
                        ArrowRecordBatch record = new VectorUnloader(batch).getRecordBatch()) {
                    loader.load(record);
                }
                writer.writeBatch();
            }
            writer.end();
        }
        out.flush();
    }

    private static Schema schemaOf(Frame frame, BufferAllocator allocator) {
        try (VectorSchemaRoot empty = toVectorSchemaRoot(frame.emptyRows(), allocator)) {
            return empty.getSchema();
        }
    }
}
