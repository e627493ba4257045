package io.streamz.dataframe.arrow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.Stream;
import io.streamz.dataframe.ColumnType;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TimeStampSecVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArrowFramesTest {
    private static final Instant T = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);

    private final BufferAllocator allocator = new RootAllocator();
    private final Frame frame = Frame.of("x", new double[] {1.5, Double.NaN, -2}, "n", new long[] {3, Long.MIN_VALUE, 5},
            "name", new String[] {"a", null, "é"}, "ok", new boolean[] {true, false, true},
            "t", new Instant[] {T, null, Instant.ofEpochMilli(-1500)});

    @AfterEach
    void noLeak() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    private static VectorSchemaRoot root(int rows, FieldVector... vectors) {
        VectorSchemaRoot root = VectorSchemaRoot.of(vectors);
        root.setRowCount(rows);
        return root;
    }

    @Test
    void roundTripsEveryType() {
        try (VectorSchemaRoot root = ArrowFrames.toVectorSchemaRoot(frame, allocator)) {
            assertThat(root.getRowCount()).isEqualTo(3);
            assertThat(root.getSchema().getFields()).extracting(Field::getType).containsExactly(
                    new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE),
                    new ArrowType.Int(64, true), ArrowType.Utf8.INSTANCE,
                    ArrowType.Bool.INSTANCE, new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC"));
            assertThat(root.getSchema().findField("n").isNullable()).isFalse();
            assertThat(root.getVector("x").isNull(1)).isTrue();
            assertThat(root.getVector("name").isNull(1)).isTrue();
            assertThat(root.getVector("t").isNull(1)).isTrue();
            assertThat(((TimeStampNanoTZVector) root.getVector("t")).get(0)).isEqualTo(1_700_000_000_123_456_789L);
            assertThat(((VarCharVector) root.getVector("name")).getObject(2).toString()).isEqualTo("é");
            assertThat(ArrowFrames.fromVectorSchemaRoot(root)).isEqualTo(frame);
        }
    }

    @Test
    void roundTripsEmptyFrames() {
        try (VectorSchemaRoot root = ArrowFrames.toVectorSchemaRoot(frame.emptyRows(), allocator)) {
            assertThat(ArrowFrames.fromVectorSchemaRoot(root)).isEqualTo(frame.emptyRows());
        }
    }

    @Test
    void readsEveryNumericInputType() {
        Float4Vector f4 = new Float4Vector("f4", allocator);
        Float8Vector f8 = new Float8Vector("f8", allocator);
        TinyIntVector i8 = new TinyIntVector("i8", allocator);
        SmallIntVector i16 = new SmallIntVector("i16", allocator);
        IntVector i32 = new IntVector("i32", allocator);
        BigIntVector i64 = new BigIntVector("i64", allocator);
        UInt1Vector u8 = new UInt1Vector("u8", allocator);
        UInt2Vector u16 = new UInt2Vector("u16", allocator);
        UInt4Vector u32 = new UInt4Vector("u32", allocator);
        IntVector withNull = new IntVector("withNull", allocator);
        BitVector bit = new BitVector("bit", allocator);
        f4.setSafe(0, 0.5f);
        f4.setNull(1);
        f8.setSafe(0, 2.25);
        f8.setSafe(1, -1);
        i8.setSafe(0, -128);
        i8.setSafe(1, 127);
        i16.setSafe(0, -32768);
        i16.setSafe(1, 1);
        i32.setSafe(0, Integer.MIN_VALUE);
        i32.setSafe(1, 2);
        i64.setSafe(0, Long.MAX_VALUE);
        i64.setSafe(1, 3);
        u8.setSafe(0, (byte) 0xFF);
        u8.setSafe(1, 1);
        u16.setSafe(0, 0xFFFF);
        u16.setSafe(1, 1);
        u32.setSafe(0, 0xFFFF_FFFF);
        u32.setSafe(1, 1);
        withNull.setSafe(0, 7);
        withNull.setNull(1);
        bit.setSafe(0, 1);
        bit.setSafe(1, 0);
        try (VectorSchemaRoot root = root(2, f4, f8, i8, i16, i32, i64, u8, u16, u32, withNull, bit)) {
            Frame f = ArrowFrames.fromVectorSchemaRoot(root);
            assertThat(f.dtypes().values()).containsExactly(ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.LONG,
                    ColumnType.LONG, ColumnType.LONG, ColumnType.LONG, ColumnType.LONG, ColumnType.LONG,
                    ColumnType.LONG, ColumnType.DOUBLE, ColumnType.BOOLEAN);
            assertThat(f.row(0)).containsEntry("f4", 0.5).containsEntry("f8", 2.25).containsEntry("i8", -128L)
                    .containsEntry("i16", -32768L).containsEntry("i32", (long) Integer.MIN_VALUE)
                    .containsEntry("i64", Long.MAX_VALUE).containsEntry("u8", 255L).containsEntry("u16", 65535L)
                    .containsEntry("u32", 4_294_967_295L).containsEntry("withNull", 7.0).containsEntry("bit", true);
            assertThat((Double) f.get(1, "f4")).isNaN();
            assertThat((Double) f.get(1, "withNull")).isNaN();
            assertThat(f.get(1, "bit")).isEqualTo(false);
        }
    }

    @Test
    void readsEveryTextAndTimeInputType() {
        VarCharVector utf8 = new VarCharVector("utf8", allocator);
        LargeVarCharVector large = new LargeVarCharVector("large", allocator);
        ViewVarCharVector view = new ViewVarCharVector("view", allocator);
        TimeStampSecVector sec = new TimeStampSecVector("sec", allocator);
        TimeStampMilliTZVector milliTz = new TimeStampMilliTZVector("milliTz", allocator, "Europe/Paris");
        TimeStampMicroVector micro = new TimeStampMicroVector("micro", allocator);
        TimeStampNanoVector nano = new TimeStampNanoVector("nano", allocator);
        DateDayVector day = new DateDayVector("day", allocator);
        DateMilliVector dateMilli = new DateMilliVector("dateMilli", allocator);
        utf8.setSafe(0, "a".getBytes(UTF_8));
        utf8.setNull(1);
        large.setSafe(0, "b".getBytes(UTF_8));
        large.setNull(1);
        view.setSafe(0, "a string longer than twelve bytes".getBytes(UTF_8));
        view.setNull(1);
        sec.setSafe(0, 1_700_000_000L);
        milliTz.setSafe(0, 1_700_000_000_123L);
        micro.setSafe(0, 1_700_000_000_123_456L);
        nano.setSafe(0, 1_700_000_000_123_456_789L);
        day.setSafe(0, 2);
        dateMilli.setSafe(0, 86_400_000L);
        for (FieldVector v : List.of(sec, milliTz, micro, nano, day, dateMilli)) {
            ((org.apache.arrow.vector.BaseFixedWidthVector) v).setNull(1);
        }
        try (VectorSchemaRoot root = root(2, utf8, large, view, sec, milliTz, micro, nano, day, dateMilli)) {
            Frame f = ArrowFrames.fromVectorSchemaRoot(root);
            assertThat(f.dtypes().values()).containsExactly(ColumnType.STRING, ColumnType.STRING, ColumnType.STRING,
                    ColumnType.INSTANT, ColumnType.INSTANT, ColumnType.INSTANT, ColumnType.INSTANT,
                    ColumnType.INSTANT, ColumnType.INSTANT);
            assertThat(f.row(0)).containsEntry("utf8", "a").containsEntry("large", "b")
                    .containsEntry("view", "a string longer than twelve bytes")
                    .containsEntry("sec", Instant.ofEpochSecond(1_700_000_000L))
                    .containsEntry("milliTz", Instant.ofEpochMilli(1_700_000_000_123L))
                    .containsEntry("micro", Instant.ofEpochSecond(1_700_000_000L, 123_456_000))
                    .containsEntry("nano", T)
                    .containsEntry("day", Instant.ofEpochSecond(2 * 86_400))
                    .containsEntry("dateMilli", Instant.ofEpochSecond(86_400));
            assertThat(f.row(1).values()).containsOnlyNulls();
        }
    }

    @Test
    void failsOnUnsupportedTypesNamingTheColumn() {
        DecimalVector price = new DecimalVector("price", allocator, 10, 2);
        price.setSafe(0, 1L);
        try (VectorSchemaRoot root = root(1, price)) {
            assertThatThrownBy(() -> ArrowFrames.fromVectorSchemaRoot(root))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column \"price\"").hasMessageContaining("Decimal(10, 2");
        }
        UInt8Vector big = new UInt8Vector("big", allocator);
        big.setSafe(0, -1L);
        try (VectorSchemaRoot root = root(1, big)) {
            assertThatThrownBy(() -> ArrowFrames.fromVectorSchemaRoot(root))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"big\"");
        }
        BitVector bit = new BitVector("flag", allocator);
        bit.setSafe(0, 1);
        bit.setNull(1);
        try (VectorSchemaRoot root = root(2, bit)) {
            assertThatThrownBy(() -> ArrowFrames.fromVectorSchemaRoot(root))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"flag\" has 1 nulls");
        }
        TimeStampSecVector far = new TimeStampSecVector("far", allocator);
        far.setSafe(0, 10_000_000_000L);
        try (VectorSchemaRoot root = root(1, far)) {
            assertThatThrownBy(() -> ArrowFrames.fromVectorSchemaRoot(root))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"far\", row 0");
        }
        Schema schema = new Schema(List.of(Field.nullable("d", new ArrowType.Decimal(10, 2, 128))));
        assertThatThrownBy(() -> ArrowFrames.dataframe(Stream.create(), schema))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"d\"");
    }

    @Test
    void streamsRootsIntoADataframe() {
        Stream<VectorSchemaRoot> roots = Stream.create();
        Schema schema = new Schema(List.of(Field.nullable("x", new ArrowType.FloatingPoint(
                org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE)), Field.nullable("n", new ArrowType.Int(32, true))));
        StreamingDataFrame sdf = ArrowFrames.dataframe(roots, schema);
        assertThat(sdf.dtypes()).containsEntry("x", ColumnType.DOUBLE).containsEntry("n", ColumnType.LONG);
        List<Double> sums = sdf.col("x").sum().sinkToList();
        List<Long> counts = sdf.stream().map(Frame::rowCount).map(Long::valueOf).sinkToList();
        Float8Vector x = new Float8Vector("x", allocator);
        IntVector n = new IntVector("n", allocator);
        try (VectorSchemaRoot root = root(0, x, n)) {
            // the same root is refilled for each batch, as an ArrowStreamReader does
            double[][] batches = {{1, 2}, {4}, {0.5, 0.25, Double.NaN}};
            for (double[] batch : batches) {
                root.allocateNew();
                for (int i = 0; i < batch.length; i++) {
                    if (Double.isNaN(batch[i])) {
                        x.setNull(i);
                    } else {
                        x.set(i, batch[i]);
                    }
                    n.set(i, i);
                }
                root.setRowCount(batch.length);
                roots.emit(root);
            }
        }
        assertThat(sums).containsExactly(3.0, 7.0, 7.75);
        assertThat(counts).containsExactly(2L, 1L, 3L);
    }

    @Test
    void roundTripsIpcStreams() throws IOException {
        Frame second = Frame.of("x", new double[] {9}, "n", new long[] {9}, "name", new String[] {"z"},
                "ok", new boolean[] {false}, "t", new Instant[] {null});
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ArrowFrames.writeIpc(List.of(frame, second), new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed.set(true);
            }
        });
        assertThat(closed).isFalse();
        List<Frame> back = ArrowFrames.readIpc(new FilterInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            public void close() {
                closed.set(true);
            }
        });
        assertThat(closed).isFalse();
        assertThat(back).containsExactly(frame, second);
    }

    @Test
    void writeIpcChecksTheFrames() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> ArrowFrames.writeIpc(List.of(), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no frames");
        assertThatThrownBy(() -> ArrowFrames.writeIpc(List.of(frame, Frame.of("x", new long[] {1})), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"x\"");
        assertThat(out.size()).isZero();
    }

    @Test
    void readIpcDecodesDictionaries() throws IOException {
        VarCharVector values = new VarCharVector("values", allocator);
        values.setSafe(0, "buy".getBytes(UTF_8));
        values.setSafe(1, "sell".getBytes(UTF_8));
        values.setValueCount(2);
        Dictionary dictionary = new Dictionary(values, new DictionaryEncoding(1L, false, null));
        VarCharVector side = new VarCharVector("side", allocator);
        side.setSafe(0, "sell".getBytes(UTF_8));
        side.setNull(1);
        side.setSafe(2, "buy".getBytes(UTF_8));
        side.setValueCount(3);
        FieldVector encoded = (FieldVector) DictionaryEncoder.encode(side, dictionary);
        side.close();
        DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
        provider.put(dictionary);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = root(3, encoded)) {
            assertThatThrownBy(() -> ArrowFrames.fromVectorSchemaRoot(root))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column \"side\" is dictionary-encoded");
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, provider, bytes)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        } finally {
            values.close();
        }
        List<Frame> frames = ArrowFrames.readIpc(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(frames).containsExactly(Frame.of("side", new String[] {"sell", null, "buy"}));
    }
}
