package io.streamz.dataframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.Stream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated frames against a generated example: a batch with the example's columns and types
 * (in any order) passes in the example's order with its rows unchanged; any other is refused
 * with an {@link IllegalArgumentException} naming a column, and the dataframe keeps working.
 */
class FrameFuzzTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "time", "x y");
    private static final List<String> TYPES = List.of("double", "long", "string", "boolean", "instant");

    /** A column as (name, type); values are generated per batch. */
    record Spec(String name, String type) {
    }

    @Property(tries = 1_500)
    void batchesMatchingTheExampleArePassedAndOthersRefused(@ForAll("schemas") List<Spec> example,
            @ForAll("schemas") List<Spec> other, @ForAll("shuffles") int shuffle, @ForAll("rows") int rows,
            @ForAll long seed) {
        List<Spec> batchSchema = seed % 2 == 0 ? shuffled(example, shuffle) : other;
        Frame exampleFrame = frame(example, 1, seed);
        Frame batch = frame(batchSchema, rows, seed);
        Stream<Frame> source = Stream.create();
        StreamingDataFrame sdf = StreamingDataFrame.from(source, exampleFrame);
        List<Frame> out = sdf.stream().sinkToList();

        if (sameColumns(example, batchSchema)) {
            source.emit(batch);
            assertThat(out).hasSize(1);
            Frame passed = out.get(0);
            assertThat(passed.columnNames()).isEqualTo(exampleFrame.columnNames());
            assertThat(passed.rowCount()).isEqualTo(rows);
            for (String c : passed.columnNames()) {
                for (int r = 0; r < rows; r++) {
                    assertThat(passed.get(r, c)).isEqualTo(batch.get(r, c));
                }
            }
        } else {
            assertThatThrownBy(() -> source.emit(batch)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("dataframe: ").hasMessageContaining("column");
            assertThat(out).isEmpty();
            source.emit(frame(example, 2, seed));                     // still working
            assertThat(out).hasSize(1);
        }
    }

    private static boolean sameColumns(List<Spec> a, List<Spec> b) {
        return a.size() == b.size() && b.containsAll(a);
    }

    private static List<Spec> shuffled(List<Spec> specs, int shuffle) {
        List<Spec> s = new ArrayList<>(specs);
        java.util.Collections.rotate(s, shuffle);
        if (shuffle % 3 == 0 && s.size() > 1) {
            java.util.Collections.swap(s, 0, s.size() - 1);
        }
        return s;
    }

    private static Frame frame(List<Spec> specs, int rows, long seed) {
        java.util.Random random = new java.util.Random(seed);
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Spec s : specs) {
            columns.put(s.name(), switch (s.type()) {
                case "double" -> random.doubles(rows).map(d -> d < 0.1 ? Double.NaN : d * 1e6 - 5e5).toArray();
                case "long" -> random.longs(rows).toArray();
                case "string" -> random.ints(rows, 0, 4).mapToObj(i -> i == 0 ? "" : "s" + i).toArray(String[]::new);
                case "boolean" -> {
                    boolean[] b = new boolean[rows];
                    for (int i = 0; i < rows; i++) {
                        b[i] = random.nextBoolean();
                    }
                    yield b;
                }
                default -> random.longs(rows, 0, 4_000_000_000_000L).mapToObj(Instant::ofEpochMilli).toArray(Instant[]::new);
            });
        }
        List<Object> args = new ArrayList<>();
        columns.forEach((n, v) -> {
            args.add(n);
            args.add(v);
        });
        return Frame.of(args.toArray());
    }

    @Provide
    Arbitrary<List<Spec>> schemas() {
        return Arbitraries.subsetOf(NAMES).ofMinSize(1).flatMap(names -> {
            List<String> ordered = NAMES.stream().filter(names::contains).toList();
            return Arbitraries.of(TYPES).list().ofSize(ordered.size()).map(types -> {
                List<Spec> specs = new ArrayList<>();
                for (int i = 0; i < ordered.size(); i++) {
                    specs.add(new Spec(ordered.get(i), types.get(i)));
                }
                return specs;
            });
        });
    }

    @Provide
    Arbitrary<Integer> shuffles() {
        return Arbitraries.integers().between(0, 7);
    }

    @Provide
    Arbitrary<Integer> rows() {
        return Arbitraries.integers().between(0, 6);
    }

}
