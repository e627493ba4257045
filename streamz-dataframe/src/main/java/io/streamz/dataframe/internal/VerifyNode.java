package io.streamz.dataframe.internal;

import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The entry of a {@code StreamingDataFrame}: checks that every batch is a {@link Frame} with the
 * example's columns and types (the first batch is the example when none was given) and passes
 * it on, with its columns in the example's order.
 */
public final class VerifyNode extends Node<Frame, Frame> {
    private volatile Frame example;

    public VerifyNode(Stream<Frame> upstream, Frame example) {
        super(upstream, "dataframe");
        this.example = example == null ? null : example.emptyRows();
    }

    /** The example (no rows), or {@code null} before the first batch when none was given. */
    public Frame example() {
        return example;
    }

    @Override
    protected CompletableFuture<?> accept(Frame x, Stream<?> who, List<Map<String, Object>> metadata) {
        Object o = x;
        if (!(o instanceof Frame)) {
            throw new IllegalArgumentException("dataframe: expected a Frame, got "
                    + (o == null ? "null" : o.getClass().getName() + " " + o));
        }
        Frame e = example;
        if (e == null) {
            example = x.emptyRows();
        } else if (!x.columnNames().equals(e.columnNames()) && x.columnCount() == e.columnCount()
                && x.columnNames().containsAll(e.columnNames())) {
            x = x.select(e.columnNames());     // the same columns in another order: the example's order
            e.checkSameSchema(x, "dataframe");
        } else {
            e.checkSameSchema(x, "dataframe");
        }
        return emitDownstream(x, metadata);
    }
}
