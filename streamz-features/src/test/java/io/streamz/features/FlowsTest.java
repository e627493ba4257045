package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events, the flow controller with request and response, and storey's steps. */
class FlowsTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @RegisterExtension
    final VirtualClock clock = VirtualClock.startingAt(T0);

    @Test
    void eventsAreImmutableAndCarryKeyTimeAndId() {
        Event<String> e = Event.of("body", List.of("a", "b"), T0).withId("1");
        assertThat(e.key()).isEqualTo(List.of("a", "b"));
        assertThat(e.withBody(2)).isEqualTo(Event.of(2, List.of("a", "b"), T0).withId("1"));
        assertThat(e.withKey("c").key()).isEqualTo("c");
        assertThat(e).hasToString("Event(body, key=[a, b], time=2024-05-01T10:00:00Z, id=1)");
    }

    @Test
    void controllerGivesEventsTheCurrentTimeAndCompletesRequests() {
        Stream<Event<Map<String, Object>>> source = Stream.create();
        FlowController<Map<String, Object>> controller = FlowController.of(source, clock.scheduler());
        Stream<Event<Map<String, Object>>> steps = Flows.reifyMetadata(
                Flows.extendBodies(source, b -> Map.of("doubled", 2 * (Integer) b.get("x"))), List.of("key", "time"));
        Flows.complete(steps);
        Flows.<Map<String, Object>, List<Map<String, Object>>>reduce(Flows.bodies(steps), List.of(),
                (all, b) -> java.util.stream.Stream.concat(all.stream(), java.util.stream.Stream.of(b)).toList());

        AwaitableResult<Object> result = controller.emit(Map.of("x", 21), "ann", null);
        assertThat(result.isDone()).isTrue();
        assertThat(result.await(Duration.ofSeconds(5)))
                .isEqualTo(Map.of("x", 21, "doubled", 42, "key", "ann", "time", T0));
        controller.terminate();
        assertThat(controller.awaitTermination()).isEqualTo(List.of(Map.of("x", 21, "doubled", 42, "key", "ann", "time", T0)));
        assertThatThrownBy(() -> controller.emit(Map.of("x", 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("terminated");
    }

    @Test
    void withoutACompleteStepTheResultIsNull() {
        Stream<Event<String>> source = Stream.create();
        Flows.bodies(source).sinkToList();
        assertThat(FlowController.of(source).emit("x").await(Duration.ofSeconds(5))).isNull();
    }

    @Test
    void asynchronousRequestsCompleteLater() {
        Stream<Event<Integer>> source = Stream.create();
        CompletableFuture<Integer> slow = new CompletableFuture<>();
        Flows.complete(source.mapAsync(e -> slow.thenApply(v -> e.withBody(e.body() + v))));
        CompletableFuture<Object> response = FlowController.of(source).emitAsync(1, "k", T0);
        assertThat(response).isNotDone();
        slow.complete(41);
        assertThat(response.join()).isEqualTo(42);
    }

    @Test
    void aFailingStepFailsTheRequest() {
        Stream<Event<Integer>> source = Stream.create();
        Flows.complete(Flows.mapBody(source, x -> 10 / x));
        FlowController<Integer> controller = FlowController.of(source);
        assertThatThrownBy(() -> controller.emit(0)).isInstanceOf(NodeException.class);
        assertThat(controller.emit(5).await(Duration.ofSeconds(5))).isEqualTo(2);
    }

    @Test
    void severalExpectedResultsCompleteOnTheLast() {
        Stream<Event<Integer>> source = Stream.create();
        Flows.complete(Flows.mapBody(source, x -> x + 1));
        Flows.complete(Flows.mapBody(source, x -> x + 2));
        AwaitableResult<Object> r = FlowController.of(source).emit(Event.of(1), 2);
        assertThat(r.await(Duration.ofSeconds(5))).isEqualTo(3);
    }

    @Test
    void choiceSendsEachElementToTheFirstMatchingBranchOrTheDefault() {
        Stream<Integer> source = Stream.create();
        Choice<Integer> c = Flows.choice(source, List.of(x -> x % 15 == 0, x -> x % 3 == 0));
        List<Integer> fizzbuzz = c.branch(0).sinkToList();
        List<Integer> fizz = c.branch(1).sinkToList();
        List<Integer> other = c.otherwise().sinkToList();
        for (int i = 1; i <= 15; i++) {
            source.emit(i);
        }
        assertThat(fizzbuzz).containsExactly(15);
        assertThat(fizz).containsExactly(3, 6, 9, 12);
        assertThat(other).hasSize(10).doesNotContain(3, 15);
        assertThatThrownBy(() -> Flows.choice(source, List.of())).hasMessage("choice: conditions must not be empty");
    }

    @Test
    void extendAddsFieldsToACopyAndForEachPassesTheElementOn() {
        Stream<Map<String, Object>> source = Stream.create();
        List<Object> seen = new ArrayList<>();
        List<Map<String, Object>> out = Flows.extend(Flows.forEach(source, seen::add),
                o -> Map.of("total", (Double) o.get("price") * (Integer) o.get("qty"), "qty", 0)).sinkToList();
        Map<String, Object> order = Map.of("price", 2.5, "qty", 4);
        source.emit(order);
        assertThat(out).containsExactly(Map.of("price", 2.5, "qty", 0, "total", 10.0));
        assertThat(seen).containsExactly(order);
    }

    @Test
    void mapWithStateKeepsStatePerKeyInTheTable() {
        Table table = Table.inMemory();
        Stream<Map<String, Object>> clicks = Stream.create();
        List<String> out = Flows.mapWithState(clicks, table, c -> c.get("user"), (c, state) -> {
            long n = (Long) state.merge("count", 1L, (a, b) -> (Long) a + (Long) b);
            state.putIfAbsent("first", c.get("t"));
            return c.get("user") + " " + n;
        }).sinkToList();
        clicks.emit(Map.of("user", "ann", "t", 1));
        clicks.emit(Map.of("user", "bob", "t", 2));
        clicks.emit(Map.of("user", "ann", "t", 3));
        assertThat(out).containsExactly("ann 1", "bob 1", "ann 2");
        assertThat(table.get("ann")).isEqualTo(Map.of("count", 2L, "first", 1));
    }

    @Test
    void mapClassRunsASubclass() {
        class Dedupe extends MapClass<String, String> {
            private final Set<String> seen = new HashSet<>();

            @Override
            protected String apply(String x) {
                return seen.add(x) ? x : null;
            }
        }
        Stream<String> words = Stream.create();
        Stream<String> node = Flows.mapClass(words, new Dedupe());
        List<String> out = node.sinkToList();
        for (String w : List.of("a", "b", "a", "c", "b")) {
            words.emit(w);
        }
        assertThat(out).containsExactly("a", "b", "c");
        assertThat(node).hasToString("mapClass(Dedupe)");
    }

    @Test
    void sampleWindowEmitsTheFirstOrLastOfEachWindowPerKey() {
        Stream<Integer> source = Stream.create();
        List<Integer> first = Flows.sampleWindow(source, 3, EmitPeriod.FIRST, null).sinkToList();
        List<Integer> last = Flows.sampleWindow(source, 3, EmitPeriod.LAST, null).sinkToList();
        List<Integer> byParity = Flows.sampleWindow(source, 2, EmitPeriod.LAST, x -> x % 2).sinkToList();
        for (int i = 1; i <= 8; i++) {
            source.emit(i);
        }
        assertThat(first).containsExactly(1, 4, 7);
        assertThat(last).containsExactly(3, 6);
        assertThat(byParity).containsExactly(3, 4, 7, 8);
        assertThatThrownBy(() -> Flows.sampleWindow(source, 0, EmitPeriod.FIRST, null))
                .hasMessage("sampleWindow: n must be >= 1, was 0");
    }

    @Test
    void joinWithTableAddsTheKeysAttributesOrDropsMissesOnAnInnerJoin() {
        Table users = Table.inMemory();
        users.put("ann", Map.of("country", "NZ"));
        Stream<Map<String, Object>> clicks = Stream.create();
        List<Map<String, Object>> left = Flows.joinWithTable(clicks, users, c -> c.get("user"), false).sinkToList();
        List<Map<String, Object>> inner = Flows.joinWithTable(clicks, users, c -> c.get("user"), true).sinkToList();
        clicks.emit(Map.of("user", "ann", "page", "/"));
        clicks.emit(Map.of("user", "bob", "page", "/a"));
        assertThat(left).containsExactly(Map.of("user", "ann", "page", "/", "country", "NZ"),
                Map.of("user", "bob", "page", "/a"));
        assertThat(inner).containsExactly(Map.of("user", "ann", "page", "/", "country", "NZ"));
    }

    @Test
    void noSqlTargetWritesColumnsWithRenamesAndMetadata() {
        Table table = Table.inMemory();
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Flows.noSqlTarget(events, table, List.of("clicks", "seen=$time", "$key", "where=page"));
        events.emit(Event.of(Map.of("clicks", 3, "page", "/", "other", true), List.of("ann", "nz"), T0));
        assertThat(table.get(List.of("ann", "nz"))).isEqualTo(Map.of("clicks", 3, "seen", T0, "key", List.of("ann", "nz"),
                "where", "/"));
        assertThat(table.keys()).containsExactly("ann.nz");
    }

    @Test
    void toEventsReadsKeyAndTimeAndReifyRejectsUnknownAttributes() {
        Stream<Map<String, Object>> rows = Stream.create();
        List<Event<Map<String, Object>>> out = Flows.toEvents(rows, r -> r.get("user"), r -> r.get("t")).sinkToList();
        rows.emit(Map.of("user", "ann", "t", "2024-05-01T10:00:00Z"));
        assertThat(out).containsExactly(Event.of(Map.of("user", "ann", "t", "2024-05-01T10:00:00Z"), "ann", T0));
        Stream<Event<Map<String, Object>>> events = Stream.create();
        assertThatThrownBy(() -> Flows.reifyMetadata(events, List.of("offset")))
                .hasMessage("reifyMetadata: attribute must be \"key\", \"time\" or \"id\", was \"offset\"");
    }

    @Test
    void tableCodecRoundTripsEveryKnownType() {
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("n", null);
        v.put("b", true);
        v.put("i", 7);
        v.put("l", 7L);
        v.put("d", 0.5);
        v.put("s", "ü");
        v.put("t", Instant.parse("2024-05-01T10:00:00.123456789Z"));
        v.put("list", List.of(1L, "x"));
        v.put("map", Map.of("k", 2.0));
        Map<String, Object> back = TableCodec.decode(TableCodec.encode(v));
        assertThat(back).isEqualTo(v);
        assertThatThrownBy(() -> TableCodec.encode(Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot store a java.lang.Object");
    }
}
