package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.util.function.Tuples;

class TransformTest {

    // ---------------------------------------------------------------- chains of maps

    @Test
    void aChainOfMapsKeepsEachNodesPolicyFailuresCountsAndMetadata() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> first = source.map(x -> x + 1);
        Stream<Integer> second = first.map(x -> 10 / (x - 3)).onError(ErrorPolicy.skip());
        Stream<Integer> third = second.map(x -> x * 100);
        Stream<Integer> fourth = third.map(x -> x / (x - 500));   // fails at 5, propagating
        List<Integer> out = fourth.sinkToList();

        source.emit(1);     // 2 -> -10 -> -1000 -> 0
        source.emit(2);     // 3 -> 10 / 0: skipped at the second map
        assertThatThrownBy(() -> source.emit(4))   // 5 -> 5 -> 500 -> 500 / 0
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("map")
                .hasCauseInstanceOf(ArithmeticException.class)
                .satisfies(e -> assertThat(((NodeException) e).node()).isSameAs(fourth));
        assertThat(out).containsExactly(0);

        source.enableMetrics();   // counted as node by node
        List<List<Map<String, Object>>> md = Metadata.of(fourth).sinkToList();
        source.emit(3, Metadata.v(7));   // 4 -> 10 -> 1000 -> 2
        assertThat(out).containsExactly(0, 2);
        assertThat(md).containsExactly(Metadata.v(7));
        assertThat(List.of(first.stats().in(), second.stats().in(), third.stats().in(), fourth.stats().out()))
                .containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void aChainOfMapsSeesNodesAddedBetweenElementsAndByItsOwnFunctions() {
        Stream<Integer> source = Stream.create();
        List<Integer> late = new ArrayList<>();
        AtomicReference<Stream<Integer>> third = new AtomicReference<>();
        Stream<Integer> first = source.map(x -> x + 1);
        Stream<Integer> second = first.map(x -> {
            if (x == 3) {
                third.get().sink(late::add);   // a new downstream of a later map, while the element runs
            }
            return x * 10;
        });
        third.set(second.map(x -> x + 1));
        List<Integer> out = third.get().map(x -> -x).sinkToList();

        source.emit(1);     // 2 -> 20 -> 21 -> -21
        List<Integer> middle = first.sinkToList();   // added between elements
        source.emit(2);     // 3 -> 30 -> 31 (to late as well) -> -31
        source.emit(3);     // 4 -> 40 -> 41 -> -41
        assertThat(out).containsExactly(-21, -31, -41);
        assertThat(middle).containsExactly(3, 4);
        assertThat(late).containsExactly(31, 41);
    }

    // ---------------------------------------------------------------- starmap

    @Test
    void starmapSplaysPairs() {
        Stream<List<Integer>> source = Stream.create();
        List<Integer> out = source.<Integer, Integer, Integer>starmap((a, b) -> a + b).sinkToList();
        source.emit(List.of(1, 10));
        source.emit(List.of(2, 20));
        assertThat(out).containsExactly(11, 22);
    }

    @Test
    void starmapSplaysArraysTuplesAndEntries() {
        Stream<Object> source = Stream.create();
        List<String> out = source.starmap((a, b) -> a + "-" + b).sinkToList();
        source.emit(new Object[] {"x", 1});
        source.emit(new int[] {2, 3});
        source.emit(Tuples.of("t", 4));
        source.emit(Map.entry("k", "v"));
        source.emit(Arrays.asList(null, null));
        assertThat(out).containsExactly("x-1", "2-3", "t-4", "k-v", "null-null");
    }

    @Test
    void starmapPassesMetadataOn() {
        Stream<List<Integer>> source = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(source.starmap((a, b) -> a)).sinkToList();
        source.emit(List.of(1, 2), Metadata.v(1));
        assertThat(md).containsExactly(Metadata.v(1));
    }

    @Test
    void starmapOnANonPairFailsNamingNodeAndElementAndGoesOn() {
        Stream<Object> source = Stream.create();
        List<Object> out = source.starmap((a, b) -> b).sinkToList();
        assertThatThrownBy(() -> source.emit(List.of(1, 2, 3)))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("starmap")
                .hasMessageContaining("[1, 2, 3]")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.emit("ab")).isInstanceOf(NodeException.class);
        source.emit(List.of(1, 2));
        assertThat(out).containsExactly(2);
    }

    @Test
    void starmapUserFailureIsWrapped() {
        Stream<List<Integer>> source = Stream.create();
        source.<Integer, Integer, Integer>starmap((a, b) -> a / b).named("div").sinkToList();
        assertThatThrownBy(() -> source.emit(List.of(1, 0)))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("starmap \"div\"")
                .hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void starmapRejectsNull() {
        assertThatThrownBy(() -> Stream.create().starmap(null))
                .isInstanceOf(NullPointerException.class).hasMessage("starmap: func is null");
    }

    // ---------------------------------------------------------------- pluck

    @Test
    void pluckIndexesLists() {
        Stream<List<Integer>> a = Stream.create();
        List<Object> out = a.pluck(1).sinkToList();
        a.emit(List.of(1, 2, 3));
        a.emit(List.of(4, 5, 6, 7, 8, 9));
        assertThat(out).containsExactly(2, 5);
        assertThatThrownBy(() -> a.emit(List.of(1)))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("pluck")
                .hasCauseInstanceOf(IndexOutOfBoundsException.class);
        a.emit(List.of(7, 8));
        assertThat(out).containsExactly(2, 5, 8);
    }

    @Test
    void pluckListEmitsImmutableLists() {
        Stream<List<Integer>> a = Stream.create();
        List<List<Object>> out = a.pluck(List.of(0, 2)).sinkToList();
        a.emit(List.of(1, 2, 3));
        a.emit(List.of(4, 5, 6, 7, 8, 9));
        assertThat(out).containsExactly(List.of(1, 3), List.of(4, 6));
        assertThat(out.get(0).toString()).isEqualTo("[1, 3]");
        assertThatThrownBy(() -> out.get(0).add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> a.emit(List.of(1))).isInstanceOf(NodeException.class)
                .hasCauseInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void pluckKeysIntoMapsAndIndexesArraysAndTuplesFromEitherEnd() {
        Stream<Object> source = Stream.create();
        List<Object> byName = source.pluck("name").sinkToList();
        source.emit(Map.of("name", "Alice", "x", 123));
        source.emit(Map.of("name", "Bob", "x", 456));
        assertThat(byName).containsExactly("Alice", "Bob");

        Stream<Object> seq = Stream.create();
        List<Object> last = seq.pluck(-1).sinkToList();
        seq.emit(new int[] {1, 2, 3});
        seq.emit(Tuples.of("a", "b"));
        seq.emit(List.of(4, 5));
        assertThat(last).containsExactly(3, "b", 5);
    }

    @Test
    void pluckMissingMapKeyFailsButANullValueIsAnElement() {
        Stream<Map<String, Object>> source = Stream.create();
        List<Object> out = source.pluck("k").sinkToList();
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("k", null);
        source.emit(withNull);
        assertThatThrownBy(() -> source.emit(Map.of("other", 1)))
                .isInstanceOf(NodeException.class).hasMessageContaining("pluck(key=k)");
        assertThat(out).containsExactly((Object) null);
    }

    @Test
    void pluckRejectsNullKeys() {
        assertThatThrownBy(() -> Stream.create().pluck((Object) null))
                .isInstanceOf(NullPointerException.class).hasMessage("pluck: key is null");
        assertThatThrownBy(() -> Stream.create().pluck((List<?>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("pluck: keys is null");
        assertThatThrownBy(() -> Stream.create().pluck(Arrays.asList(1, null)))
                .isInstanceOf(NullPointerException.class).hasMessage("pluck: keys element is null");
    }

    // ---------------------------------------------------------------- flatten

    @Test
    void flattenEmitsTheItemsOfIterablesAndArrays() {
        Stream<Object> source = Stream.create();
        List<Object> out = source.flatten().sinkToList();
        source.emit(List.of(1, 2, 3));
        source.emit(List.of());
        source.emit(new int[] {4, 5});
        source.emit(new ArrayList<>(List.of(6, 7, 8)));
        assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void flattenGivesTheMetadataToEveryItem() {
        Stream<List<Integer>> source = Stream.create();
        RefCounter ref = new RefCounter();
        List<List<Map<String, Object>>> md = Metadata.of(source.flatten()).sinkToList();
        source.emit(List.of(1, 2, 3), Metadata.ref(ref));
        assertThat(md).containsExactly(Metadata.ref(ref), Metadata.ref(ref), Metadata.ref(ref));
        assertThat(ref.count()).isZero();
    }

    @Test
    void aHeldEarlierItemKeepsTheFlattenedElementsRef() {
        Stream<List<Integer>> source = Stream.create();
        List<List<Integer>> out = source.<Integer>flatten().filter(x -> x < 3).partition(3).sinkToList();
        RefCounter ref = new RefCounter();
        source.emit(List.of(1, 2, 3), Metadata.ref(ref));
        assertThat(out).isEmpty();
        assertThat(ref.count()).isEqualTo(2);           // 1 and 2 wait in the partition; 3 was dropped
        source.emit(List.of(0));
        assertThat(out).containsExactly(List.of(1, 2, 0));
        assertThat(ref.count()).isZero();
    }

    @Test
    void flattenOfANonIterableFailsNamingTheNode() {
        Stream<Object> source = Stream.create();
        List<Object> out = source.flatten().sinkToList();
        assertThatThrownBy(() -> source.emit(42))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("flatten failed on element 42")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        source.emit(List.of(1));
        assertThat(out).containsExactly(1);
    }

    // ---------------------------------------------------------------- flatMap

    @Test
    void flatMapEmitsTheItemsTheFunctionReturns() {
        Stream<String> source = Stream.create();
        List<String> out = source.flatMap(line -> List.of(line.split(" "))).sinkToList();
        source.emit("to be");
        source.emit("or not");
        assertThat(out).containsExactly("to", "be", "or", "not");
        assertThat(source.flatMap(List::of)).hasToString("flatMap");
    }

    @Test
    void flatMapGivesTheMetadataToTheLastItemOnly() {
        Stream<Integer> source = Stream.create();
        RefCounter ref = new RefCounter();
        Stream<Integer> copies = source.flatMap(n -> java.util.Collections.nCopies(n, n));
        List<List<Map<String, Object>>> md = Metadata.of(copies).sinkToList();
        source.emit(3, Metadata.ref(ref));
        source.emit(0, Metadata.ref(ref));
        assertThat(md).containsExactly(Metadata.ref(ref));    // the third 3; 0 emits nothing
        assertThat(ref.count()).isZero();
    }

    @Test
    void flatMapFailuresNameTheNode() {
        Stream<String> source = Stream.create();
        List<Integer> out = source.flatMap(s -> s.isEmpty() ? null : List.of(Integer.parseInt(s))).sinkToList();
        assertThatThrownBy(() -> source.emit("x"))
                .isInstanceOf(NodeException.class)
                .hasMessageStartingWith("flatMap").hasMessageContaining("failed on element \"x\"")
                .hasCauseInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> source.emit(""))
                .isInstanceOf(NodeException.class)
                .hasRootCauseMessage("flatMap: func's result is null");
        source.emit("7");
        assertThat(out).containsExactly(7);
        assertThatThrownBy(() -> source.flatMap(null)).hasMessage("flatMap: func is null");
    }

    @Test
    void pluckWithATypeChecksTheItems() {
        Stream<Map<String, Object>> source = Stream.create();
        List<Integer> out = source.pluck("x", Integer.class).sinkToList();
        source.emit(Map.of("name", "Alice", "x", 123));
        assertThat(out).containsExactly(123);
        assertThatThrownBy(() -> source.emit(Map.of("x", "456")))
                .isInstanceOf(NodeException.class)
                .hasMessageStartingWith("pluck(key=x)").hasMessageContaining("failed on element {x=456}")
                .cause().isInstanceOf(ClassCastException.class)
                .hasMessage("item \"x\" is String \"456\", expected Integer");
        assertThatThrownBy(() -> source.pluck("x", null)).hasMessage("pluck: type is null");
    }

    @Test
    void nodeExceptionMessagesShowAnElementOnOneLine() {
        Stream<String> source = Stream.create();
        source.map(Integer::parseInt);
        assertThatThrownBy(() -> source.emit("a\nb\n  c"))
                .hasMessageContaining("failed on element \"a b c\"");
    }

    // ---------------------------------------------------------------- unique

    @Test
    void uniqueDropsEverythingSeenBefore() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.unique().sinkToList();
        for (int x : List.of(1, 2, 1, 3, 2)) {
            source.emit(x);
        }
        assertThat(out).containsExactly(1, 2, 3);
    }

    @Test
    void uniqueMaxsizeOneDropsOnlyRepeats() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.unique(1).sinkToList();
        for (int x : List.of(1, 1, 2, 2, 2, 1, 3)) {
            source.emit(x);
        }
        assertThat(out).containsExactly(1, 2, 1, 3);
    }

    @Test
    void uniqueKeyWithMaxsize() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.unique(1, x -> x % 2).sinkToList();
        for (int x : List.of(1, 2, 4, 6, 3)) {
            source.emit(x);
        }
        assertThat(out).containsExactly(1, 2, 3);
    }

    @Test
    void uniqueKeyWithoutMaxsize() {
        Stream<String> words = Stream.create();
        List<String> out = words.unique(String::length).sinkToList();
        for (String w : List.of("a", "bb", "c", "dd", "eee")) {
            words.emit(w);
        }
        assertThat(out).containsExactly("a", "bb", "eee");
    }

    @Test
    void uniqueMaxsizeIsAnLruCacheAsStreamzHistory() {
        // streamz test_unique_history
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.unique(2).sinkToList();
        for (int x : List.of(1, 2, 1, 2, 1, 2)) {
            source.emit(x);
        }
        assertThat(out).containsExactly(1, 2);
        source.emit(3);
        source.emit(2);
        assertThat(out).containsExactly(1, 2, 3);
        source.emit(1);
        assertThat(out).containsExactly(1, 2, 3, 1);
        source.emit(2);   // refreshes 2
        source.emit(3);   // knocks out 1
        source.emit(2);
        assertThat(out).containsExactly(1, 2, 3, 1, 3);
    }

    @Test
    void uniqueTreatsNullAsAnElementAndPassesMetadata() {
        Stream<Integer> source = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(source.unique()).sinkToList();
        List<Integer> out = source.unique().sinkToList();
        for (int i = 0; i < 3; i++) {
            source.emit(i, Metadata.v(i));
        }
        source.emit(null);
        source.emit(null);
        assertThat(md).containsExactly(Metadata.v(0), Metadata.v(1), Metadata.v(2));
        assertThat(out).containsExactly(0, 1, 2, null);
    }

    @Test
    void uniqueKeyFailureNamesNode() {
        Stream<String> source = Stream.create();
        source.unique(String::length).sinkToList();
        assertThatThrownBy(() -> source.emit(null))
                .isInstanceOf(NodeException.class).hasMessageContaining("unique failed on element null");
    }

    @Test
    void uniqueRejectsBadArguments() {
        assertThatThrownBy(() -> Stream.create().unique(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unique: maxsize must be >= 1, was 0");
        assertThatThrownBy(() -> Stream.create().unique(null))
                .isInstanceOf(NullPointerException.class).hasMessage("unique: key is null");
        assertThatThrownBy(() -> Stream.create().unique(3, null))
                .isInstanceOf(NullPointerException.class).hasMessage("unique: key is null");
    }

    // ---------------------------------------------------------------- slice

    @ParameterizedTest(name = "slice({0}, {1}, {2}) -> {3}")
    @CsvSource(delimiter = ';', value = {
        // streamz test_slice, with None start as 0 and None step as 1
        "0; ; 1; [0, 1, 2, 3, 4, 5]",
        "1; ; 1; [1, 2, 3, 4, 5]",
        "0; 4; 1; [0, 1, 2, 3]",
        "0; 4; 2; [0, 2]",
        "3; 1; 1; []",
        "1; 7; 2; [2, 4]",
        "0; 0; 1; [0, 1, 2, 3, 4, 5]",   // as streamz, end 0 means no end
    })
    void sliceAsStreamz(int start, Integer end, int step, String expected) {
        Stream<Integer> a = Stream.create();
        List<Integer> out = a.slice(start, end, step).sinkToList();
        for (int i = 0; i < 6; i++) {
            a.emit(i);
        }
        assertThat(out.toString()).isEqualTo(expected);
    }

    @Test
    void sliceDisconnectsItselfAtTheEnd() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> s = a.slice(0, 2, 1);
        s.sinkToList();
        a.emit(0);
        assertThat(a.downstreams()).containsExactly(s);
        a.emit(1);
        assertThat(a.downstreams()).isEmpty();
    }

    @Test
    void slicePassesMetadataAndHoldsNothing() {
        Stream<Integer> a = Stream.create();
        RefCounter ref = new RefCounter();
        List<List<Map<String, Object>>> md = Metadata.of(a.slice(1, null, 1)).sinkToList();
        a.emit(0, Metadata.v(0));
        a.emit(1, Metadata.ref(ref));
        assertThat(md).containsExactly(Metadata.ref(ref));
        assertThat(ref.count()).isZero();
    }

    @Test
    void sliceRejectsNegativesAndZeroStep() {
        assertThatThrownBy(() -> Stream.create().slice(-1, null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("slice: start must be >= 0, was -1");
        assertThatThrownBy(() -> Stream.create().slice(0, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("slice: end must be >= 0, was -1");
        assertThatThrownBy(() -> Stream.create().slice(0, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("slice: step must be >= 1, was 0");
    }

    @Test
    void transformNodesDescribeThemselves() {
        Stream<Object> s = Stream.create();
        assertThat(s.slice(1, 4, 2).toString()).isEqualTo("slice(start=1, end=4, step=2)");
        assertThat(s.unique(3).toString()).isEqualTo("unique(maxsize=3)");
        assertThat(s.pluck(List.of(0, 1)).toString()).isEqualTo("pluck(keys=[0, 1])");
        assertThat(s.flatten().toString()).isEqualTo("flatten");
    }
}
