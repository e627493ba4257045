package io.streamz.dataframe.internal;

import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.Column;
import io.streamz.dataframe.Frame;
import java.util.function.Function;
import reactor.util.function.Tuple2;

/**
 * What a {@link WindowNode} aggregates: rows enter with {@link #onNew} and leave, oldest first,
 * with {@link #onOld}; {@link #result} is what the node emits after each batch.
 *
 * @param <R> the result
 */
public interface WindowState<R> {
    void onNew(Frame rows);

    void onOld(Frame rows);

    R result();

    /** The state of a user's (or built-in) {@link Aggregation} over the values {@code values} computes. */
    static <S, R> WindowState<R> of(Aggregation<S, R> agg, Function<Frame, Column> values, S start) {
        return new WindowState<>() {
            private S state = start;
            private boolean started = start != null;
            private R result;

            @Override
            public void onNew(Frame rows) {
                Column v = values.apply(rows);
                if (!started) {
                    state = agg.initial(v.empty());
                    started = true;
                }
                Tuple2<S, R> t = agg.onNew(state, v);
                state = t.getT1();
                result = t.getT2();
            }

            @Override
            public void onOld(Frame rows) {
                Tuple2<S, R> t = agg.onOld(state, values.apply(rows));
                state = t.getT1();
                result = t.getT2();
            }

            @Override
            public R result() {
                return result;
            }
        };
    }

    /** The whole window as one frame (streamz {@code Full}), built on each call to {@link #result}. */
    static WindowState<Frame> full() {
        return new WindowState<>() {
            private final java.util.ArrayDeque<Frame> parts = new java.util.ArrayDeque<>();
            private Frame schema;

            @Override
            public void onNew(Frame rows) {
                if (schema == null) {
                    schema = rows.emptyRows();
                }
                if (rows.rowCount() > 0) {
                    parts.add(rows);
                }
            }

            @Override
            public void onOld(Frame rows) {
                int k = rows.rowCount();
                while (k > 0) {
                    Frame first = parts.poll();
                    if (first.rowCount() <= k) {
                        k -= first.rowCount();
                    } else {
                        parts.addFirst(first.slice(k, first.rowCount()));
                        k = 0;
                    }
                }
            }

            @Override
            public Frame result() {
                return parts.isEmpty() ? schema : Frame.concat(new java.util.ArrayList<>(parts));
            }
        };
    }
}
