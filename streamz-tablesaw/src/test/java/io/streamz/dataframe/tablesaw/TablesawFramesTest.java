package io.streamz.dataframe.tablesaw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.Stream;
import io.streamz.dataframe.ColumnType;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class TablesawFramesTest {
    private final Frame frame = Frame.of("x", new double[] {1.5, Double.NaN}, "n", new long[] {3, 4},
            "name", new String[] {"a", null}, "ok", new boolean[] {true, false},
            "t", new Instant[] {Instant.ofEpochMilli(1500), null});

    @Test
    void roundTripsEveryType() {
        Table table = TablesawFrames.toTable(frame, "trades");
        assertThat(table.name()).isEqualTo("trades");
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.columnNames()).containsExactly("x", "n", "name", "ok", "t");
        assertThat(table.doubleColumn("x").isMissing(1)).isTrue();
        assertThat(table.stringColumn("name").isMissing(1)).isTrue();
        assertThat(table.instantColumn("t").get(0)).isEqualTo(Instant.ofEpochMilli(1500));
        assertThat(TablesawFrames.fromTable(table)).isEqualTo(frame);
    }

    @Test
    void readsTablesawOnlyTypes() {
        Table t = Table.create("t", IntColumn.create("i", 1, 2),
                DateColumn.create("d", LocalDate.of(1970, 1, 2)).append(LocalDate.of(1970, 1, 3)));
        IntColumn missing = IntColumn.create("m", 1);
        missing.appendMissing();
        t.addColumns(missing);
        Frame f = TablesawFrames.fromTable(t);
        assertThat(f.dtypes().values()).containsExactly(ColumnType.LONG, ColumnType.INSTANT, ColumnType.DOUBLE);
        assertThat(f.get(0, "d")).isEqualTo(Instant.ofEpochSecond(86400));
        assertThat((Double) f.get(1, "m")).isNaN();
        BooleanColumn b = BooleanColumn.create("b", true);
        b.appendMissing();
        assertThatThrownBy(() -> TablesawFrames.fromTable(Table.create("x", b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"b\"");
    }

    @Test
    void streamsTables() {
        Stream<Table> tables = Stream.create();
        Table example = Table.create("e", DoubleColumn.create("x", 0.0));
        StreamingDataFrame sdf = TablesawFrames.dataframe(tables, example);
        List<Double> sums = sdf.col("x").sum().sinkToList();
        List<Table> back = sdf.stream().map(f -> TablesawFrames.toTable(f)).sinkToList();
        tables.emit(Table.create("a", DoubleColumn.create("x", 1.0, 2.0)));
        tables.emit(Table.create("b", DoubleColumn.create("x", 4.0)));
        assertThat(sums).containsExactly(3.0, 7.0);
        assertThat(back.get(1).doubleColumn("x").get(0)).isEqualTo(4.0);
    }
}
