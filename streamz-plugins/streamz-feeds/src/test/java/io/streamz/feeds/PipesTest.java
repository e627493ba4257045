package io.streamz.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipesTest {
    private final Stream<String> source = Stream.create();

    @Test
    void sortEmitsEverythingInOrderAtTheEndKeepingTiesInArrivalOrder() {
        List<String> out = source.as(Pipes.sort(Comparator.comparing(String::length))).sinkToList();
        for (String w : List.of("ccc", "a", "bb", "b", "aa")) {
            source.emit(w);
        }
        assertThat(out).isEmpty();
        source.emitEnd();
        assertThat(out).containsExactly("a", "b", "bb", "aa", "ccc");
    }

    @Test
    void sortHoldsEachElementsRefsUntilItIsEmitted() {
        Stream<String> sorted = source.as(Pipes.sort(Comparator.naturalOrder()));
        List<String> out = sorted.sinkToList();
        RefCounter ref = new RefCounter();
        source.emit("b", List.of(Map.of("ref", ref)));
        source.emit("a");
        assertThat(ref.count()).isEqualTo(1);
        assertThat(sorted.stats().held()).isEqualTo(2);

        source.emitEnd();

        assertThat(out).containsExactly("a", "b");
        assertThat(ref.count()).isZero();
        assertThat(sorted.stats().held()).isZero();
    }

    @Test
    void sortOfNothingEmitsNothingAndPassesTheEndOn() {
        List<String> out = source.as(Pipes.sort(Comparator.naturalOrder())).sinkToList();
        assertThat(source.emitEnd()).isDone();
        assertThat(out).isEmpty();
    }

    @Test
    void countEmitsTheNumberOfElementsAtTheEnd() {
        List<Long> n = source.as(Pipes.count()).sinkToList();
        List<Map<Integer, Long>> byLength = source.as(Pipes.countBy(String::length)).sinkToList();
        RefCounter ref = new RefCounter();
        for (String w : List.of("a", "bb", "c")) {
            source.emit(w, List.of(Map.of("ref", ref)));
        }
        assertThat(ref.count()).as("count holds nothing").isZero();
        assertThat(n).isEmpty();

        source.emitEnd();

        assertThat(n).containsExactly(3L);
        assertThat(byLength).containsExactly(Map.of(1, 2L, 2, 1L));
        assertThat(byLength.get(0).keySet()).containsExactly(1, 2);
    }

    @Test
    void countOfNothingIsZero() {
        List<Long> n = source.as(Pipes.count()).sinkToList();
        source.emitEnd();
        assertThat(n).containsExactly(0L);
    }

    @Test
    void aFailingKeyFailsItsElementNamingTheNode() {
        source.as(Pipes.countBy((String s) -> s.charAt(1))).sinkToList();
        assertThatThrownBy(() -> source.emit("a")).isInstanceOf(NodeException.class)
                .hasMessageContaining("countBy").hasMessageContaining("\"a\"");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> Pipes.sort(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("sort: order is null");
        assertThatThrownBy(() -> Pipes.countBy(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("countBy: key is null");
    }
}
