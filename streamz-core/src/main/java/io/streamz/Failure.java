package io.streamz;

import java.util.List;
import java.util.Map;

/**
 * A user function's failure on one element, sent as data to an errors stream by the
 * {@link ErrorPolicy#route()} policy: the element, its metadata, the node and the exception.
 *
 * <pre>{@code
 * Stream<String> source = Stream.create();
 * Stream<Integer> parsed = source.map(Integer::parseInt).named("parse");
 * parsed.errors().sink(f -> System.out.println(f));
 * source.emit("x");   // prints Failure[map "parse" on "x": NumberFormatException: For input string: "x"]
 * }</pre>
 *
 * <p><b>Metadata:</b> the failure carries the element's metadata; its refs are retained while the
 * errors stream's nodes hold the failure, so a dead-letter sink is inside the at-least-once
 * guarantee: a source's offsets are released only after the failure was handled.
 */
public final class Failure {
    private final Object element;
    private final List<Map<String, Object>> metadata;
    private final Stream<?> node;
    private final Throwable error;
    private final int attempts;

    /**
     * A failure of {@code node} on {@code element}.
     *
     * @param element the element the function failed on, possibly {@code null}
     * @param metadata the element's metadata
     * @param node the node whose function failed
     * @param error what the function threw
     * @param attempts how many times the function was called on the element
     */
    public Failure(Object element, List<Map<String, Object>> metadata, Stream<?> node, Throwable error, int attempts) {
        this.element = element;
        this.metadata = List.copyOf(metadata);
        this.node = node;
        this.error = error;
        this.attempts = attempts;
    }

    /**
     * The element the function failed on.
     *
     * @return the element, possibly {@code null}
     */
    public Object element() {
        return element;
    }

    /**
     * The element's metadata, as it arrived at the node.
     *
     * @return the metadata, never {@code null}
     */
    public List<Map<String, Object>> metadata() {
        return metadata;
    }

    /**
     * The node whose function failed.
     *
     * @return the node
     */
    public Stream<?> node() {
        return node;
    }

    /**
     * What the function threw (not wrapped in a {@link NodeException}).
     *
     * @return the exception
     */
    public Throwable error() {
        return error;
    }

    /**
     * How many times the function was called on the element (more than 1 after retries).
     *
     * @return the number of attempts, at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The failure as a {@link NodeException}, as the propagate policy would have thrown it.
     *
     * @return a new exception naming the node and the element, with {@link #error()} as cause
     */
    public NodeException toException() {
        return new NodeException(node, element, error);
    }

    /** {@code Failure[map "parse" on "x": NumberFormatException: For input string: "x"]}, on one line. */
    @Override
    public String toString() {
        return "Failure[" + node + " on " + NodeException.describe(element) + ": "
                + error.getClass().getSimpleName() + (error.getMessage() != null ? ": " + error.getMessage() : "")
                + (attempts > 1 ? " (after " + attempts + " attempts)" : "") + "]";
    }
}
