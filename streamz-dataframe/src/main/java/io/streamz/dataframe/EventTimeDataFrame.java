package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.EventTimeFramesNode;
import java.util.function.Supplier;

/**
 * A streaming dataframe in event time ({@link StreamingDataFrame#inEventTime}): its rows come in
 * order of their index, in one frame per period of event time, once the watermark has passed the
 * period. What a rolling window, a window or a group-by computes from them then depends only on the
 * rows, never on when or in which batches they arrived: a replayed topic gives the frames of the
 * live run. Rows that come after their period was emitted are late: see {@link #lateRows()}.
 *
 * <pre>{@code
 * EventTimeDataFrame ordered = tdf.inEventTime("1s", "5s");   // one-second frames, rows up to 5 s out of order
 * ordered.rolling("10s").col("x").mean();                     // the same values on every replay
 * ordered.lateRows().sink(late -> System.out.println("late: " + late.rowCount()));
 * }</pre>
 */
public final class EventTimeDataFrame extends StreamingDataFrame {
    private final EventTimeFramesNode node;

    EventTimeDataFrame(EventTimeFramesNode node, Stream<Frame> entry, Supplier<Frame> example, String index) {
        super(node, entry, example, index);
        this.node = node;
    }

    /**
     * The rows that came after the frame of event time they belong to was emitted, in batches as
     * they came, with their metadata; counted in {@code stream().stats().late()}. Without a call to
     * this method late rows are a failure of the dataframe's event-time node, handled by its error
     * policy ({@code stream().onError(...)}): they are never dropped silently.
     *
     * <pre>{@code
     * EventTimeDataFrame ordered = tdf.inEventTime("1s", "0s");
     * List<Frame> late = ordered.lateRows().sinkToList();
     * times.emit(Frame.of("t", new Instant[] {Instant.ofEpochSecond(5)}, "x", new double[] {1}));
     * times.emit(Frame.of("t", new Instant[] {Instant.ofEpochSecond(2)}, "x", new double[] {2}));   // behind the watermark
     * late.get(0).rowCount(); // 1
     * }</pre>
     *
     * @return the late rows (the same stream on every call)
     */
    public Stream<Frame> lateRows() {
        return node.lateRows();
    }
}
