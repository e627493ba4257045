package io.streamz;

/**
 * A user function failed inside a node. It reaches the caller of {@link Stream#emit} with the
 * node and the element in its message and the original exception as its cause; the graph stays
 * usable for the next element.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create();
 * source.map(x -> 10 / x).sink(System.out::println);
 * try {
 *     source.emit(0);
 * } catch (NodeException e) {
 *     e.getMessage();   // map "lambda" failed on element 0: java.lang.ArithmeticException: / by zero
 *     e.node();         // the map node
 * }
 * }</pre>
 */
public final class NodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ELEMENT_CHARS = 80;

    private final transient Stream<?> node;
    private final transient Object element;

    /**
     * Wraps {@code cause}, thrown by {@code node}'s user code on {@code element}.
     *
     * @param node the node that ran the failing function
     * @param element the element it was working on
     * @param cause what the function threw
     */
    public NodeException(Stream<?> node, Object element, Throwable cause) {
        super(node + " failed on element " + describe(element) + ": " + cause, cause);
        this.node = node;
        this.element = element;
    }

    /**
     * The node whose user function failed.
     *
     * @return the failing node, as given to the constructor
     */
    public Stream<?> node() {
        return node;
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
     * An element as it appears in messages: strings quoted, on one line, cut to about 80 characters. If the
     * element's {@code toString} throws, its class name and the failure are shown instead.
     *
     * @param element the element to describe, possibly {@code null}
     * @return the text for the message, at most 80 characters
     */
    public static String describe(Object element) {
        String s;
        try {
            s = element instanceof CharSequence ? "\"" + element + "\"" : String.valueOf(element);
        } catch (RuntimeException e) {
            s = element.getClass().getName() + " (toString failed: " + e + ")";
        }
        // a multi-line toString (a frame, a table) on one line, its column padding squeezed
        s = element instanceof CharSequence ? s.replaceAll("\\s*\\R\\s*", " ") : s.strip().replaceAll("\\s+", " ");
        return s.length() > MAX_ELEMENT_CHARS ? s.substring(0, MAX_ELEMENT_CHARS - 3) + "..." : s;
    }
}
