package io.streamz.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamz.CollectStream;
import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.Unchecked;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;
import io.streamz.dataframe.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import reactor.util.function.Tuples;

/**
 * The streamz snippets of the seed docs (the core and dataframe pages, and the API reference),
 * ported to Java as a user would write them: no explicit type arguments, no casts (SeedPortsTest
 * checks that, and runs each {@code run...} method against what streamz 0.6.4 prints). The
 * {@code compile...} methods need the outside world (a database, the clock) and are only
 * compiled.
 */
final class SeedPorts {
    private SeedPorts() {
    }

    // ------------------------------------------------------------------ core.rst

    /** {@code source.map(increment).sink(print)}, then emit 1, 2, 10. */
    static void runIncrement() {
        Stream<Integer> source = Stream.create();
        source.map(x -> x + 1).sink(System.out::println);
        for (int x : List.of(1, 2, 10)) {
            source.emit(x);
        }
    }

    /** {@code source.map(json.loads).sink(data.append)}. */
    static void runJsonLoads() {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> data = new ArrayList<>();
        Stream<String> source = Stream.create();
        source.map(Unchecked.function(mapper::readTree)).sink(data::add);
        for (String line : List.of("{\"x\": 1}", "{\"x\": 2, \"y\": [3]}")) {
            source.emit(line);
        }
        System.out.println(data);
    }

    /** {@code source.accumulate(add).sink(print)}. */
    static void runAccumulateAdd() {
        Stream<Integer> source = Stream.create();
        source.accumulate(Integer::sum).sink(System.out::println);
        for (int x : List.of(1, 2, 3, 4)) {
            source.emit(x);
        }
    }

    /** {@code source.accumulate(num_distinct, returns_state=True, start=set())}. */
    static void runNumDistinct() {
        Stream<String> source = Stream.create();
        Set<String> start = new HashSet<>();
        source.accumulateWithState((state, x) -> {
            state.add(x);
            return Tuples.of(state, state.size());
        }, start).sink(System.out::println);
        for (String x : List.of("cat", "dog", "cat", "mouse")) {
            source.emit(x);
        }
    }

    /** {@code source.sliding_window(3, return_partial=False).sink(print)}. */
    static void runSlidingWindow() {
        Stream<Integer> source = Stream.create();
        source.slidingWindow(3, false).sink(System.out::println);
        for (int x : List.of(1, 2, 3, 4, 5)) {
            source.emit(x);
        }
    }

    /** Two branches: {@code source.map(increment).sink(print)}, {@code source.map(decrement).sink(print)}. */
    static void runBranching() {
        Stream<Integer> source = Stream.create();
        source.map(x -> x + 1).sink(System.out::println);
        source.map(x -> x - 1).sink(System.out::println);
        source.emit(1);
        source.emit(10);
    }

    /** {@code c = a.zip(b).map(sum).sink(print)}. */
    static void runZipSum() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> a = source.map(x -> x + 1);
        Stream<Integer> b = source.map(x -> x - 1);
        a.zipWith(b).map(t -> t.getT1() + t.getT2()).sink(System.out::println);
        a.zipWith(b, Integer::sum).sink(System.out::println);           // zip and sum in one node
        source.emit(10);
    }

    /** The web crawler: {@code pages = source.unique()}, ..., {@code links.connect(source)}. */
    static void runCrawler() {
        Map<String, List<String>> site = Map.of("a", List.of("b", "c"), "b", List.of("a", "d"), "c", List.of(),
                "d", List.of("c"));
        Stream<String> source = Stream.create();
        Stream<String> pages = source.unique();
        pages.sink(System.out::println);
        Stream<List<String>> content = pages.map(site::get);
        Stream<String> links = content.flatMap(l -> l);
        links.connect(source);
        source.emit("a");
    }

    /** {@code source.map(json.loads).buffer(100).sink(write_to_database)} and the rate limit. */
    static void compileBackPressure(Stream<String> source) {
        ObjectMapper mapper = new ObjectMapper();
        source.map(Unchecked.function(mapper::readTree)).buffer(100).sinkAsync(SeedPorts::writeToDatabase);
        source.rateLimit("10ms").map(Unchecked.function(mapper::readTree)).buffer(100)
                .sinkAsync(SeedPorts::writeToDatabase);
    }

    private static CompletableFuture<Void> writeToDatabase(JsonNode record) {
        return CompletableFuture.completedFuture(null);
    }

    // ------------------------------------------------------------------ dataframes.rst

    /** {@code stream.map(query).accumulate(aggregate, start=0)}, then the same as a streaming dataframe. */
    static void runAliceTotals() {
        Stream<Frame> stream = Stream.create();
        stream.map(df -> df.where(df.stringColumn("name").isEqualTo("Alice")))
                .accumulate((acc, df) -> acc + Arrays.stream(df.doubleColumn("amount").toDoubleArray()).sum(), 0.0)
                .sink(System.out::println);

        Frame example = Frame.of("name", new String[0], "amount", new double[0]);
        StreamingDataFrame sdf = StreamingDataFrame.from(stream, example);
        sdf.where(sdf.col("name").eq("Alice")).col("amount").sum().sink(System.out::println);

        stream.emit(Frame.of("name", new String[] {"Alice", "Bob"}, "amount", new double[] {10, 20}));
        stream.emit(Frame.of("name", new String[] {"Alice"}, "amount", new double[] {5}));
    }

    /** The dataframe page's list of supported operations. */
    static void compileSupportedOperations(StreamingDataFrame df) {
        df.col("x").add(1);
        df.where(df.col("name").eq("Alice"));
        df.assign("z", df.col("x").add(df.col("y")));
        df.col("amount").mean();
        df.groupby(df.col("name")).col("amount").mean();
        df.window(100).col("amount").sum();
        df.window("2h").col("amount").sum();
        df.window("2h").groupby("name").col("amount").sum();
        Window w = df.window(100);
        w.groupby("name").col("amount").sum();
        w.groupby(df.col("x").mod(10)).col("y").var();
        df.rolling(10).col("x").mean();
        df.rolling("100ms").col("x").mean();
    }

    // ------------------------------------------------------------------ api.rst

    /** {@code source.sink(L.append)}, two {@code sink(print)}, {@code emit(123)}. */
    static void runSinks() {
        Stream<Integer> source = Stream.create();
        List<Integer> l = new ArrayList<>();
        source.sink(l::add);
        source.sink(System.out::println);
        source.sink(System.out::println);
        source.emit(123);
        System.out.println(l);
    }

    /** {@code L = source.map(lambda x: 10 * x).sink_to_list()}. */
    static void runSinkToList() {
        Stream<Integer> source = Stream.create();
        List<Integer> l = source.map(x -> 10 * x).sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(i);
        }
        System.out.println(l);
    }

    /** The three accumulate examples of the reference. */
    static void runAccumulateVariants() {
        Stream<Integer> s1 = Stream.create();
        s1.accumulate((acc, x) -> acc + x).sink(System.out::println);
        for (int i = 0; i < 5; i++) {
            s1.emit(i);
        }
        Stream<Integer> s2 = Stream.create();
        s2.accumulate((acc, x) -> acc + 1, 0).sink(System.out::println);
        for (int i = 0; i < 5; i++) {
            s2.emit(0);
        }
        Stream<Integer> s3 = Stream.create();
        s3.accumulateWithState((acc, x) -> Tuples.of(Tuples.of(acc.getT1() + 1, x), Tuples.of(acc.getT1(), x)),
                Tuples.of(0, 0)).sink(System.out::println);
        for (int i = 0; i < 3; i++) {
            s3.emit(0);
        }
    }

    /** {@code collector = collect(source1)}, {@code source2.sink(collector.flush)}. */
    static void runCollect() {
        Stream<Integer> source1 = Stream.create();
        Stream<String> source2 = Stream.create();
        CollectStream<Integer> collector = source1.collect();
        collector.sink(System.out::println);
        source2.sink(collector::flush);
        source1.emit(1);
        source1.emit(2);
        source2.emit("anything");
    }

    /** {@code filter}, {@code flatten}, {@code map} of the reference. */
    static void runFilterFlattenMap() {
        Stream<Integer> source = Stream.create();
        source.filter(x -> x % 2 == 0).sink(System.out::println);
        for (int i = 0; i < 5; i++) {
            source.emit(i);
        }
        Stream<List<Integer>> lists = Stream.create();
        lists.flatMap(l -> l).sink(System.out::println);
        for (List<Integer> x : List.of(List.of(1, 2, 3), List.of(4, 5), List.of(6, 7, 7))) {
            lists.emit(x);
        }
        Stream<Integer> doubled = Stream.create();
        doubled.map(x -> 2 * x).sink(System.out::println);
        for (int i = 0; i < 5; i++) {
            doubled.emit(i);
        }
    }

    /** {@code partition(3)} and {@code partition(2, key=lambda x: x % 2)}. */
    static void runPartition() {
        Stream<Integer> source = Stream.create();
        source.partition(3).sink(System.out::println);
        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        Stream<Integer> keyed = Stream.create();
        keyed.partition(2, x -> x % 2).sink(System.out::println);
        for (int i = 0; i < 4; i++) {
            keyed.emit(i);
        }
    }

    /** {@code s = source.map(inc).map(str)}, {@code s.sink(print)}, {@code s.sink(L.append)}. */
    static void runIncToString() {
        Stream<Integer> source = Stream.create();
        Stream<String> s = source.map(x -> x + 1).map(String::valueOf);
        s.sink(System.out::println);
        List<String> l = s.sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(i);
        }
        System.out.println(l);
    }

    /** {@code unique(maxsize=1)}, {@code pluck([0, 3])}, {@code pluck('name')}. */
    static void runUniqueAndPluck() {
        Stream<Integer> source = Stream.create();
        source.unique(1).sink(System.out::println);
        for (int x : List.of(1, 1, 2, 2, 2, 1, 3)) {
            source.emit(x);
        }
        Stream<List<Integer>> rows = Stream.create();
        rows.pluck(List.of(0, 3)).sink(System.out::println);
        for (List<Integer> x : List.of(List.of(1, 2, 3, 4), List.of(4, 5, 6, 7), List.of(8, 9, 10, 11))) {
            rows.emit(x);
        }
        Stream<Map<String, Object>> people = Stream.create();
        people.pluck("name", String.class).map(String::toUpperCase).sink(System.out::println);
        people.emit(Map.of("name", "Alice", "x", 123));
        people.emit(Map.of("name", "Bob", "x", 456));
    }

    /** {@code Stream.from_iterable(range(3))}, {@code sink_to_list()}, {@code start()}. */
    static void runFromIterable() {
        Source<Integer> source = Stream.fromIterable(List.of(0, 1, 2));
        List<Integer> l = source.sinkToList();
        source.start();
        System.out.println(l);
    }

    /** {@code source.map(json.loads).pluck('value').sum()} over a text file: only compiled. */
    static void compileTextfileSum() {
        ObjectMapper mapper = new ObjectMapper();
        Source<String> source = Stream.fromTextfile("myfile.json");
        source.map(Unchecked.function(mapper::readTree)).map(n -> n.get("value").asDouble())
                .accumulate(Double::sum).sink(System.out::println);
        source.start();
    }
}
