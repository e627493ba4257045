package io.streamz.dataframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameTest {
    private final Frame f = Frame.of("x", new double[] {1, 5, 7}, "n", new int[] {3, 4, 5},
            "name", new String[] {"Alice", "Bob", "Alice"}, "ok", new boolean[] {true, false, true},
            "t", new Instant[] {Instant.ofEpochSecond(0), Instant.ofEpochSecond(1), null});

    @Test
    void ofBuildsTypedColumns() {
        assertThat(f.rowCount()).isEqualTo(3);
        assertThat(f.columnNames()).containsExactly("x", "n", "name", "ok", "t");
        assertThat(f.dtypes().values()).containsExactly(ColumnType.DOUBLE, ColumnType.LONG, ColumnType.STRING,
                ColumnType.BOOLEAN, ColumnType.INSTANT);
        assertThat(f.longColumn("n").getLong(2)).isEqualTo(5L);
        assertThat(f.get(2, "t")).isNull();
        assertThat(f.instantColumn("t").isMissing(2)).isTrue();
        assertThat(f.row(0)).containsEntry("name", "Alice").containsEntry("x", 1.0);
    }

    @Test
    void ofRejectsBadArguments() {
        assertThatThrownBy(() -> Frame.of("x", new double[] {1}, "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name, values");
        assertThatThrownBy(() -> Frame.of("x", new double[] {1}, "y", new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"y\" has 2 rows");
        assertThatThrownBy(() -> Frame.of("x", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"x\"");
        assertThatThrownBy(() -> f.column("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column \"nope\" is not in the frame [x, n, name, ok, t]");
        assertThatThrownBy(() -> f.doubleColumn("name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("column \"name\" is STRING, not DOUBLE");
    }

    @Test
    void predicatesBuildSelections() {
        Selection big = f.doubleColumn("x").isGreaterThan(3);
        Selection alice = f.stringColumn("name").isEqualTo("Alice");
        assertThat(big.toArray()).containsExactly(1, 2);
        assertThat(big.and(alice).toArray()).containsExactly(2);
        assertThat(big.or(alice).count()).isEqualTo(3);
        assertThat(alice.not().toArray()).containsExactly(1);
        assertThat(f.stringColumn("name").isEqualTo("Carol").count()).isZero();
        assertThat(f.where(big.and(alice)).doubleColumn("x").get(0)).isEqualTo(7.0);
        assertThat(f.booleanColumn("ok").isTrue().toArray()).containsExactly(0, 2);
        assertThatThrownBy(() -> big.and(Selection.all(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.where(Selection.all(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 rows, the frame has 3");
    }

    @Test
    void slicesShareAndSelectionsCopy() {
        Frame s = f.slice(1, 3);
        assertThat(s.rowCount()).isEqualTo(2);
        assertThat(s.doubleColumn("x").get(0)).isEqualTo(5.0);
        assertThat(f.head(1).stringColumn("name").get(0)).isEqualTo("Alice");
        assertThat(f.tail(1).doubleColumn("x").get(0)).isEqualTo(7.0);
        assertThat(f.head(10)).isEqualTo(f);
        assertThat(f.select("name", "x").columnNames()).containsExactly("name", "x");
        assertThat(f.drop("t", "ok").columnNames()).containsExactly("x", "n", "name");
        assertThatThrownBy(() -> f.slice(2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void concatAppendsRowsAndChecksTypes() {
        Frame c = Frame.concat(f, f.tail(2));
        assertThat(c.rowCount()).isEqualTo(5);
        assertThat(c.stringColumn("name").toArray()).containsExactly("Alice", "Bob", "Alice", "Bob", "Alice");
        assertThat(c.instantColumn("t").isMissing(4)).isTrue();
        Frame other = Frame.of("x", new long[] {1}, "n", new int[] {1}, "name", new String[] {"z"},
                "ok", new boolean[] {true}, "t", new Instant[] {null});
        assertThatThrownBy(() -> Frame.concat(f, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concat: column \"x\" should be DOUBLE but is LONG");
    }

    @Test
    void fromRowsInfersTypesAndMissingValues() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", 1);
        a.put("name", "a");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("x", 2);
        b.put("y", 2.5);
        Frame r = Frame.fromRows(List.of(a, b));
        assertThat(r.columnNames()).containsExactly("x", "name", "y");
        assertThat(r.dtypes().values()).containsExactly(ColumnType.LONG, ColumnType.STRING, ColumnType.DOUBLE);
        assertThat(r.get(1, "name")).isNull();
        assertThat((Double) r.get(0, "y")).isNaN();
        assertThat(r.toRows().get(1)).containsEntry("x", 2L);
        assertThatThrownBy(() -> Frame.fromRows(List.of(Map.of("x", 1), Map.of("x", "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"x\": mixed values");
    }

    record Trade(String symbol, double price, long qty) {
    }

    public static final class Bean {
        public String getName() {
            return "b";
        }

        public int getSize() {
            return 3;
        }

        public Instant getWhen() {
            return Instant.ofEpochSecond(7);
        }
    }

    @Test
    void fromRecordsReadsRecordsAndBeans() {
        Frame t = Frame.fromRecords(List.of(new Trade("A", 1.5, 10), new Trade("B", 2.0, 20)));
        assertThat(t.columnNames()).containsExactly("symbol", "price", "qty");
        assertThat(t.longColumn("qty").getLong(1)).isEqualTo(20L);
        Frame b = Frame.fromRecords(List.of(new Bean()));
        assertThat(b.row(0)).containsEntry("name", "b").containsEntry("size", 3L)
                .containsEntry("when", Instant.ofEpochSecond(7));
    }

    @Test
    void fromCsvParsesTypes() {
        Frame c = Frame.fromCsv("x,n,name,ok,t\n1.5,1,\"Smith, J\",true,1970-01-01T00:00:00Z\n,2,b,false,1970-01-01T00:00:01Z\n");
        assertThat(c.dtypes().values()).containsExactly(ColumnType.DOUBLE, ColumnType.LONG, ColumnType.STRING,
                ColumnType.BOOLEAN, ColumnType.INSTANT);
        assertThat(c.get(0, "name")).isEqualTo("Smith, J");
        assertThat((Double) c.get(1, "x")).isNaN();
        assertThatThrownBy(() -> Frame.fromCsv("a,b\n1\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2 has 1 fields");
    }

    @Test
    void toStringIsAFixedWidthTable() {
        Frame small = Frame.of("x", new double[] {1, 7.5}, "name", new String[] {"Alice", "Bob"});
        assertThat(small.toString()).isEqualTo(
                "     x   name\n"
                + "0  1.0  Alice\n"
                + "1  7.5    Bob");
        Frame big = Frame.of("i", new long[30]);
        assertThat(big.toString()).contains("...").endsWith("[30 rows x 1 columns]");
    }

    @Test
    void arithmeticAndConversions() {
        assertThat(f.doubleColumn("x").multiply(2).toDoubleArray()).containsExactly(2, 10, 14);
        assertThat(f.longColumn("n").add(1).type()).isEqualTo(ColumnType.LONG);
        assertThat(f.longColumn("n").divide(2).toDoubleArray()).containsExactly(1.5, 2, 2.5);
        assertThat(DoubleColumn.of("r", 0.5, 1.5, 2.675).round(0).toDoubleArray()).containsExactly(0, 2, 3);
        assertThat(f.astype(Map.of("n", ColumnType.DOUBLE)).dtypes().get("n")).isEqualTo(ColumnType.DOUBLE);
        assertThat(f.astype(Map.of("x", ColumnType.STRING)).get(0, "x")).isEqualTo("1.0");
        assertThat(f.withColumn("z", new double[] {0, 0, 0}).columnNames()).endsWith("z");
        assertThat(f.withColumn("x", new long[] {0, 0, 0}).dtypes().get("x")).isEqualTo(ColumnType.LONG);
    }

    @Test
    void stringColumnsAreDictionaryEncoded() {
        StringColumn s = StringColumn.of("s", "a", "b", "a", null, "a");
        assertThat(s.dictionarySize()).isEqualTo(2);
        assertThat(s.take(new int[] {0, 2}).dictionarySize()).isEqualTo(2);
        assertThat(s.isIn("b", "zz").toArray()).containsExactly(1);
        assertThat(s.isMissing().toArray()).containsExactly(3);
    }

    @Test
    void seriesHasAnIndexAndIterates() {
        Series<Double> s = Series.of("x", List.of("a", "b"), List.of(5.0, 2.0));
        assertThat(s).containsExactly(5.0, 2.0);
        assertThat(s.get(1)).isEqualTo(2.0);
        assertThat(s.toMap()).containsExactly(Map.entry("a", 5.0), Map.entry("b", 2.0));
        assertThat(Series.of("y", 1, 2).index()).containsExactly(0L, 1L);
        assertThat(s.toString()).isEqualTo("a    5.0\nb    2.0\nName: x, dtype: float64");
    }

    @Test
    void seriesPrintAsPandasPrintsThem() {
        // str(pd.Series(...)) of pandas 1.5, for the same values
        assertThat(Series.of(null, List.of("abc", "b"), List.of(1.0, 22.5)).toString())
                .isEqualTo("abc     1.0\nb      22.5\ndtype: float64");
        assertThat(Series.of(null, LongColumn.of("", 5, 10)).toString()).isEqualTo("0     5\n1    10\ndtype: int64");
        assertThat(Series.of("x", new double[0]).toString()).isEqualTo("Series([], Name: x, dtype: float64)");
        assertThat(Series.of(null, new double[0]).toString()).isEqualTo("Series([], dtype: float64)");
        assertThat(Series.of(null, 1.5, Double.NaN).toString()).isEqualTo("0    1.5\n1    NaN\ndtype: float64");
        double[] many = new double[100];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        String printed = Series.of("x", many).toString();
        assertThat(printed).startsWith("0      0.0\n1      1.0\n").contains("\n      ... \n")
                .endsWith("98    98.0\n99    99.0\nName: x, Length: 100, dtype: float64");
    }

    @Test
    void slicesReadOnlyTheirOwnRows() {
        Frame s = f.slice(1, 3);
        for (String name : s.columnNames()) {
            Column c = s.column(name);
            assertThatThrownBy(() -> c.get(2)).as(name).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("column \"" + name + "\": row 2 out of 0..1");
            assertThatThrownBy(() -> c.get(-1)).as(name).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> c.isMissing(2)).as(name).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> c.take(new int[] {0, 2})).as(name).isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThatThrownBy(() -> s.doubleColumn("x").getDouble(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.get(2, "n")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(s.column("n").take(new int[] {1, 0}).get(0)).isEqualTo(5L);
    }

    @Test
    void columnsCannotBeChangedFromOutside() {
        for (Frame g : List.of(f, f.slice(0, 2), f.select("x", "n"), f.drop("t"), f.rename("x", "y"))) {
            assertThatThrownBy(() -> g.columns().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void longColumnsRoundToLongsHalfToEven() {
        // numpy: np.round(np.array([5, 15, 25, -15, 149]), -1) == [0, 20, 20, -20, 150], dtype int64
        LongColumn n = LongColumn.of("n", 5, 15, 25, -15, 149);
        LongColumn r = n.round(-1);
        assertThat(r.type()).isEqualTo(ColumnType.LONG);
        assertThat(r.toDoubleArray()).containsExactly(0, 20, 20, -20, 150);
        assertThat(n.round(-2).toDoubleArray()).containsExactly(0, 0, 0, 0, 100);
        assertThat(n.round(2)).isSameAs(n);
        assertThat(LongColumn.of("n", 4_000_000_000_000_000_000L).round(-19).getLong(0)).isZero();
        assertThatThrownBy(() -> LongColumn.of("n", Long.MAX_VALUE).round(-19)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> LongColumn.of("n", Long.MAX_VALUE).round(-1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void isInMatchesMissingRowsForNull() {
        // pandas: pd.Series(["a", None, "b"]).isin(["a", None]) == [True, True, False]
        StringColumn s = StringColumn.of("s", "a", null, "b");
        assertThat(s.isIn("a", null).count()).isEqualTo(2);
        assertThat(s.isIn("a", null).toArray()).containsExactly(0, 1);
        assertThat(s.isIn("a").contains(1)).isFalse();
        assertThat(s.isIn("c").count()).isZero();
    }

    @Test
    void seriesWithAnIndexTakesTheSeriesName() {
        Series<Double> s = Series.of("y", DoubleColumn.of("x", 1, 2), LongColumn.of("", 7, 8));
        assertThat(s.values().name()).isEqualTo("y");
        assertThat(s.toMap()).containsExactly(Map.entry(7L, 1.0), Map.entry(8L, 2.0));
    }
}
