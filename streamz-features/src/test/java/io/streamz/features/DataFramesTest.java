package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DataframeSource, ToDataFrame and ReduceToDataFrame over streamz-dataframe's frames. */
class DataFramesTest {
    @Test
    void framesBecomeEventsAndEventsBecomeFramesAgain() {
        Frame df = Frame.of("user", new String[] {"ann", "bob", "ann"}, "amount", new double[] {3, 4, 5},
                "ts", new long[] {0, 60_000, 120_000});
        Source<Event<Map<String, Object>>> source = DataFrames.dataframeSource(df, "user", "ts");
        List<Event<Map<String, Object>>> events = source.sinkToList();
        Reduce<Map<String, ?>, Frame> all = DataFrames.reduceToDataFrame(Flows.bodies(source));
        List<Frame> batches = DataFrames.toDataFrame(Flows.bodies(source).partition(2)).sinkToList();
        assertThat(all.result().toRows()).isEmpty();

        source.start();

        assertThat(events).extracting(Event::key).containsExactly("ann", "bob", "ann");
        assertThat(events.get(1).time()).isEqualTo(Instant.ofEpochMilli(60_000));
        assertThat(all.result().toRows()).isEqualTo(df.toRows());
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).toRows()).isEqualTo(df.toRows().subList(0, 2));
    }

    @Test
    void theReducedFrameIsTheFlowsTerminationResult() {
        Stream<Event<Map<String, Object>>> source = Stream.create();
        DataFrames.reduceToDataFrame(Flows.bodies(source));
        FlowController<Map<String, Object>> controller = FlowController.of(source, reactor.core.scheduler.Schedulers.immediate());
        controller.emit(Map.of("x", 1.0));
        controller.emit(Map.of("x", 2.0));
        controller.terminate();
        assertThat(((Frame) controller.awaitTermination()).toRows()).containsExactly(Map.of("x", 1.0), Map.of("x", 2.0));
    }
}
