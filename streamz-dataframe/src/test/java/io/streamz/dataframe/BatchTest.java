package io.streamz.dataframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchTest {

    @Test
    void mapsFiltersPlucksAndFlattens() {
        Stream<List<Map<String, Object>>> source = Stream.create();
        Batch<Map<String, Object>> batch = source.as(Batch::from);
        List<Object> names = batch.filter(r -> (int) r.get("x") > 1).pluck("name").toStream().sinkToList();
        List<List<Integer>> doubled = batch.map(r -> 2 * (int) r.get("x")).stream().sinkToList();
        source.emit(List.of(Map.of("name", "Alice", "x", 1), Map.of("name", "Bob", "x", 2)));
        source.emit(List.of(Map.of("name", "Carol", "x", 5)));
        assertThat(names).containsExactly("Bob", "Carol");
        assertThat(doubled).containsExactly(List.of(2, 4), List.of(10));
        assertThatThrownBy(() -> doubled.get(0).add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sumsWholeNumbersAsLongsUntilARealArrives() {
        Stream<List<Number>> source = Stream.create();
        List<Number> sums = Batch.from(source).sum().sinkToList();
        source.emit(List.of(1, 2, 3));
        source.emit(List.of(4L));
        source.emit(List.of(0.5));
        assertThat(sums).containsExactly(6L, 10L, 10.5);
    }

    record Trade(String symbol, double price) {
    }

    @Test
    void becomesADataframe() {
        Stream<List<Trade>> source = Stream.create();
        StreamingDataFrame sdf = Batch.from(source).toDataFrame();
        List<Double> total = sdf.col("price").sum().sinkToList();
        source.emit(List.of(new Trade("A", 1.5), new Trade("B", 2.0)));
        source.emit(List.of(new Trade("A", 3.0)));
        assertThat(total).containsExactly(3.5, 6.5);
        assertThat(sdf.columns()).containsExactly("symbol", "price");

        Stream<List<Trade>> s2 = Stream.create();
        StreamingDataFrame typed = Batch.from(s2).toDataFrame(Frame.of("symbol", new String[0], "price", new double[0]));
        List<Long> counts = typed.col("price").count().sinkToList();
        s2.emit(List.of());
        s2.emit(List.of(new Trade("A", 1)));
        assertThat(counts).containsExactly(0L, 1L);
    }

    @Test
    void flattenPassesMetadataAndBadElementsFail() {
        Stream<List<Object>> source = Stream.create();
        Batch<Object> batch = Batch.from(source);
        List<Object> flat = batch.toStream().sinkToList();
        RefCounter ref = new RefCounter();
        source.emit(List.of(1, 2), List.of(Map.of("ref", ref)));
        assertThat(flat).containsExactly(1, 2);
        assertThat(ref.count()).isZero();
        batch.pluck("k").stream().sinkToList();
        assertThatThrownBy(() -> source.emit(List.of(Map.of("j", 1))))
                .isInstanceOf(NodeException.class).hasRootCauseMessage("pluck: no key k in {j=1}");
    }
}
