package io.streamz.features;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bridge between events and frames of {@code streamz-dataframe} (storey's
 * {@code DataframeSource}, {@code ToDataFrame} and {@code ReduceToDataFrame}). {@code
 * streamz-dataframe} is an optional dependency of this module: add it to your build to use this
 * class.
 *
 * <pre>{@code
 * Frame df = Frame.of("user", new String[] {"ann", "bob"}, "amount", new double[] {3, 4});
 * Source<Event<Map<String, Object>>> source = DataFrames.dataframeSource(df, "user", null);
 * Reduce<Map<String, ?>, Frame> all = DataFrames.reduceToDataFrame(Flows.bodies(source));
 * source.start();   // emits every row on this thread
 * all.result();   // the two rows again, as one frame
 * }</pre>
 */
public final class DataFrames {
    private DataFrames() {
    }

    /**
     * The rows of {@code frame} as events, keyed and timed by two of its columns (storey
     * {@code DataframeSource(df, key_field, time_field)}); {@code start()} it.
     *
     * @param frame the rows
     * @param keyField the column of the events' keys, or {@code null} for none
     * @param timeField the column of the events' times (instants, epoch milliseconds or ISO-8601
     *        strings), or {@code null} for none
     * @return a source of one event per row, in order
     * @throws NullPointerException if {@code frame} is {@code null}
     */
    public static Source<Event<Map<String, Object>>> dataframeSource(Frame frame, String keyField, String timeField) {
        List<Event<Map<String, Object>>> events = new ArrayList<>();
        for (Map<String, Object> row : Flows.notNull(frame, "dataframeSource", "frame").toRows()) {
            Object t = timeField == null ? null : row.get(timeField);
            events.add(Event.of(row, keyField == null ? null : row.get(keyField),
                    t == null ? null : Instant.ofEpochMilli(Events.millis(t, null))));
        }
        return Stream.fromIterable(events);
    }

    /**
     * Each list of rows (a batch, e.g. from {@code partition(n)}) as a frame (storey
     * {@code ToDataFrame}); the columns are those of the first row.
     *
     * @param batches lists of rows with the same keys
     * @return one frame per batch
     * @throws NullPointerException if {@code batches} is {@code null}
     */
    public static Stream<Frame> toDataFrame(Stream<? extends List<? extends Map<String, ?>>> batches) {
        return new FunctionNode<List<? extends Map<String, ?>>, Frame>(Flows.notNull(batches, "toDataFrame", "batches"),
                "toDataFrame", "", Frame::fromRows);
    }

    /**
     * Collects every row into one frame (storey {@code ReduceToDataFrame}): the flow's termination
     * result, which a {@link FlowController} of the flow answers from
     * {@code awaitTermination()}; {@link Reduce#result()} reads it at any time.
     *
     * <pre>{@code
     * Reduce<Map<String, ?>, Frame> all = DataFrames.reduceToDataFrame(rows);
     * rows.emit(Map.of("x", 1.0));
     * all.result();   // a frame of one row
     * }</pre>
     *
     * @param rows the rows
     * @return the reduction, whose result is the rows so far as one frame (empty, without
     *         columns, before the first row)
     * @throws NullPointerException if {@code rows} is {@code null}
     */
    public static Reduce<Map<String, ?>, Frame> reduceToDataFrame(Stream<? extends Map<String, ?>> rows) {
        List<Map<String, ?>> none = new ArrayList<>();
        return new Reduce<Map<String, ?>, Frame>(Flows.notNull(rows, "reduceToDataFrame", "rows"), "reduceToDataFrame",
                none, (List<Map<String, ?>> acc, Map<String, ?> row) -> {
                    acc.add(row);
                    return acc;
                }, acc -> acc.isEmpty() ? Frame.of() : Frame.fromRows(acc));
    }
}
