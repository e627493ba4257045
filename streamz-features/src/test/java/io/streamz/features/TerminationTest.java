package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Source;
import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Steps that act at the end of the input, and flows whose termination result comes from it.
 * storey's tests/test_steps.py tests of {@code SampleWindow} and {@code Assert} are ported as
 * they are: their flows start with {@code Assert().exactly(n)} on the source's events and end with
 * an {@code Assert} of the sampled ones, checked when the controller terminates.
 */
class TerminationTest {

    @Test
    void storeySampleEmitFirst() {
        checkSample(EmitPeriod.FIRST, false, List.of(0));
    }

    @Test
    void storeySampleEmitFirstWithEmitBeforeTermination() {
        checkSample(EmitPeriod.FIRST, true, List.of(0, 4));
    }

    @Test
    void storeySampleEmitLast() {
        checkSample(EmitPeriod.LAST, false, List.of(4));
    }

    @Test
    void storeySampleEmitLastWithEmitBeforeTermination() {
        checkSample(EmitPeriod.LAST, true, List.of(4));
    }

    private static void checkSample(EmitPeriod period, boolean emitBeforeTermination, List<Integer> expected) {
        Stream<Event<Integer>> source = Stream.create();
        FlowController<Integer> controller = FlowController.of(source);
        Flows.assertEvents(Flows.sampleWindow(Flows.assertEvents(Flows.bodies(source)).exactly(5), 5, period, null,
                emitBeforeTermination)).exactly(expected.size()).matchExactly(expected);
        for (int i = 0; i < 5; i++) {
            controller.emit(i);
        }
        controller.terminate();
        controller.awaitTermination();
    }

    @Test
    void storeySampleEmitEventPerKey() {
        Stream<Event<Integer>> source = Stream.create();
        FlowController<Integer> controller = FlowController.of(source);
        Stream<Event<Integer>> all = Flows.assertEvents(source).exactly(25);
        Flows.assertEvents(Flows.bodies(Flows.sampleWindow(all, 5, EmitPeriod.FIRST, Event::key)))
                .exactly(5).matchExactly(List.of(0, 1, 2, 3, 4));
        for (int i = 0; i < 25; i++) {
            controller.emit(i, "key_" + i % 5, null);
        }
        controller.terminate();
        controller.awaitTermination();
    }

    @Test
    void theElementKeptForTheEndHoldsItsRefsUntilItIsEmittedOrReplaced() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Flows.sampleWindow(source, 3, EmitPeriod.FIRST, null, true).sinkToList();
        RefCounter first = new RefCounter();
        RefCounter second = new RefCounter();
        RefCounter third = new RefCounter();

        source.emit(0, List.of(Map.of("ref", first)));
        source.emit(1, List.of(Map.of("ref", second)));
        assertThat(first.count()).isZero();          // emitted at once, not held
        assertThat(second.count()).isEqualTo(1);     // the last one not emitted: held for the end
        source.emit(2, List.of(Map.of("ref", third)));
        assertThat(second.count()).isZero();         // replaced
        assertThat(third.count()).isEqualTo(1);

        CompletableFuture<Void> end = source.emitEnd();

        assertThat(end).isCompleted();
        assertThat(out).containsExactly(0, 2);
        assertThat(third.count()).isZero();
    }

    @Test
    void withoutEmitBeforeTerminationNothingIsHeld() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Flows.sampleWindow(source, 3, EmitPeriod.FIRST, null).sinkToList();
        RefCounter ref = new RefCounter();
        source.emit(0);
        source.emit(1, List.of(Map.of("ref", ref)));
        assertThat(ref.count()).isZero();
        source.emitEnd();
        assertThat(out).containsExactly(0);
    }

    @Test
    void storeyAssertEachEvent() {
        Stream<Event<Integer>> source = Stream.create();
        FlowController<Integer> controller = FlowController.of(source);
        Flows.assertEvents(Flows.bodies(source)).eachEvent(x -> x > 10);
        assertThatThrownBy(() -> controller.emit(1)).isInstanceOf(NodeException.class)
                .hasMessageContaining("assertEvents").cause().isInstanceOf(AssertionError.class)
                .hasMessage("assertEvents: expected each event to meet the predicate, \"1\" did not");
    }

    @Test
    void storeyAssertCounts() {
        assertFails(a -> a.greaterOrEqualTo(2), List.of(1), "expected the event count >= 2, got 1 events");
        assertHolds(a -> a.greaterOrEqualTo(2), List.of(1, 1));
        assertFails(a -> a.greaterThan(1), List.of(1), "expected the event count > 1, got 1 events");
        assertHolds(a -> a.greaterThan(1), List.of(1, 1));
        assertFails(a -> a.lessOrEqualTo(2), List.of(1, 1, 1), "expected the event count <= 2, got 3 events");
        assertHolds(a -> a.lessOrEqualTo(2), List.of(1, 1));
        assertFails(a -> a.lessThan(2), List.of(1, 1), "expected the event count < 2, got 2 events");
        assertFails(a -> a.exactly(2), List.of(1), "expected the event count == 2, got 1 events");
        assertFails(a -> a.exactly(2), List.of(1, 1, 1), "expected the event count == 2, got 3 events");
        assertHolds(a -> a.exactly(2), List.of(1, 1));
    }

    @Test
    void storeyAssertCollections() {
        assertFails(a -> a.matchExactly(List.of(1, 1, 1)), List.of(1, 1),
                "expected the events to be exactly [1, 1, 1] (in any order), got [1, 1]");
        assertHolds(a -> a.matchExactly(List.of(1, 1, 1)), List.of(1, 1, 1));
        List<List<Integer>> expected = List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9));
        assertFails(a -> a.containsAllOf(expected), List.of(List.of(1, 2, 3), List.of(4, 5, 6)),
                "expected the events to include all of [[1, 2, 3], [4, 5, 6], [7, 8, 9]], got [[1, 2, 3], [4, 5, 6]]");
        assertHolds(a -> a.containsAllOf(expected), List.of(List.of(7, 8, 9), List.of(1, 2, 3), List.of(4, 5, 6)));
        assertFails(a -> a.containsAnyOf(expected), List.of(List.of(0)),
                "expected the events to include any of [[1, 2, 3], [4, 5, 6], [7, 8, 9]], got [[0]]");
        assertHolds(a -> a.containsAnyOf(expected), List.of(List.of(0), List.of(4, 5, 6)));
        assertFails(a -> a.containsNoneOf(expected), List.of(List.of(4, 5, 6)),
                "expected the events to include none of [[1, 2, 3], [4, 5, 6], [7, 8, 9]], got [[4, 5, 6]]");
        assertHolds(a -> a.containsNoneOf(expected), List.of(List.of(0)));
    }

    private static void assertFails(java.util.function.Consumer<Assert<Object>> checks, List<?> events, String message) {
        Stream<Event<Object>> source = Stream.create();
        FlowController<Object> controller = FlowController.of(source);
        checks.accept(Flows.assertEvents(Flows.bodies(source)));
        events.forEach(controller::emit);
        controller.terminate();
        assertThatThrownBy(controller::awaitTermination).isInstanceOf(AssertionError.class)
                .hasMessage("assertEvents: " + message);
    }

    private static void assertHolds(java.util.function.Consumer<Assert<Object>> checks, List<?> events) {
        Stream<Event<Object>> source = Stream.create();
        FlowController<Object> controller = FlowController.of(source);
        checks.accept(Flows.assertEvents(Flows.bodies(source)));
        events.forEach(controller::emit);
        controller.terminate();
        assertThat(controller.awaitTermination()).isNull();
    }

    @Test
    void aFailedCheckFailsTheEndAfterTheEndWentOnDownstream() {
        Stream<Integer> source = Stream.create();
        Reduce<Integer, Integer> sum = Flows.reduce(Flows.assertEvents(source).exactly(3), 0, Integer::sum);
        List<Integer> sampled = Flows.sampleWindow(source, 2, EmitPeriod.FIRST, null, true).sinkToList();
        source.emit(1);
        source.emit(2);

        CompletableFuture<Void> end = source.emitEnd();

        assertThat(end).isCompletedExceptionally();
        assertThatThrownBy(end::join).isInstanceOf(CompletionException.class).cause().isInstanceOf(AssertionError.class);
        assertThat(sum.result()).isEqualTo(3);
        assertThat(sampled).containsExactly(1, 2);
    }

    @Test
    void theTerminationResultIsTheFirstReduceDownstreamDepthFirst() {
        Stream<Event<Integer>> source = Stream.create();
        FlowController<Integer> controller = FlowController.of(source);
        Stream<Integer> bodies = Flows.bodies(source);
        Flows.reduce(bodies.map(x -> x), null, (Integer acc, Integer x) -> null);   // null: storey passes over it
        Flows.reduce(bodies.filter(x -> x % 2 == 0), 0, Integer::sum);
        Flows.reduce(bodies, 0, Integer::sum);
        for (int i = 1; i <= 4; i++) {
            controller.emit(i);
        }
        CompletableFuture<Object> result = controller.termination();
        assertThat(result).isNotDone();

        controller.terminate();

        assertThat(controller.awaitTermination()).isEqualTo(6);
        assertThat(result).isCompletedWithValue(6);
        controller.terminate();                                      // again: nothing happens
        assertThatThrownBy(() -> controller.emit(5)).isInstanceOf(IllegalStateException.class)
                .hasMessage("FlowController: the flow was terminated; emit before terminate()");
    }

    @Test
    void aFlowFedByABoundedSourceTerminatesWhenItsInputEnds() {
        Source<Event<Integer>> source = Stream.fromIterable(List.of(Event.of(1, "a", null), Event.of(2, "b", null)));
        FlowController<Integer> controller = FlowController.of(source);
        Flows.reduce(Flows.bodies(source), 0, Integer::sum);
        List<Integer> last = Flows.sampleWindow(Flows.bodies(source), 5, EmitPeriod.LAST, null, true).sinkToList();

        source.start();

        assertThat(controller.awaitTermination()).isEqualTo(3);
        assertThat(last).containsExactly(2);
    }

    @Test
    void badInputNamesTheStepAndTheValue() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> Flows.reduce(source, 0, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("reduce").hasMessageContaining("fn");
        assertThatThrownBy(() -> Flows.assertEvents(source).eachEvent(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("assertEvents").hasMessageContaining("predicate");
        assertThatThrownBy(() -> Flows.assertEvents(source).matchExactly(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("assertEvents").hasMessageContaining("expected");
        assertThatThrownBy(() -> Flows.sampleWindow(source, 1, null, null, true)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("sampleWindow").hasMessageContaining("period");
        Flows.reduce(source, 0, (Integer acc, Integer x) -> acc / x);
        assertThatThrownBy(() -> source.emit(0)).isInstanceOf(NodeException.class)
                .hasMessageContaining("reduce").hasMessageContaining("0").cause().isInstanceOf(ArithmeticException.class);
    }

    @Test
    void reduceAndAssertKeepNoRefs() {
        Stream<Integer> source = Stream.create();
        Reduce<Integer, Integer> sum = Flows.reduce(Flows.assertEvents(source).exactly(1).matchExactly(List.of(7)), 0,
                Integer::sum);
        RefCounter ref = new RefCounter();

        source.emit(7, List.of(Map.of("ref", ref)));

        assertThat(ref.count()).isZero();
        assertThat(sum.result()).isEqualTo(7);
        assertThat(source.emitEnd()).isCompleted();
    }

    @Test
    void aFailingReduceIsSkippedUnderTheSkipPolicy() {
        Stream<Integer> source = Stream.create();
        Reduce<Integer, Integer> sum = Flows.reduce(source, 0, (Integer acc, Integer x) -> acc + 10 / x);
        sum.onError(io.streamz.ErrorPolicy.skip());
        source.emit(5);
        source.emit(0);
        source.emit(2);
        assertThat(sum.result()).isEqualTo(7);
        assertThat(sum.stats().skipped()).isEqualTo(1);
    }
}
