package io.streamz.dataframe.internal;

import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.Column;
import java.util.function.Supplier;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/** A built-in {@link Aggregation} over a {@link RowState}, which it updates in place row by row. */
public final class RowAggregation<R> implements Aggregation<RowState, R> {
    private final Supplier<RowState> factory;

    public RowAggregation(Supplier<RowState> factory) {
        this.factory = factory;
    }

    @Override
    public RowState initial(Column example) {
        return factory.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple2<RowState, R> onNew(RowState acc, Column values) {
        for (int i = 0; i < values.size(); i++) {
            acc.add(RowStates.valueAt(values, i));
        }
        return Tuples.of(acc, (R) acc.result());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple2<RowState, R> onOld(RowState acc, Column values) {
        for (int i = 0; i < values.size(); i++) {
            acc.remove(RowStates.valueAt(values, i));
        }
        return Tuples.of(acc, (R) acc.result());
    }
}
