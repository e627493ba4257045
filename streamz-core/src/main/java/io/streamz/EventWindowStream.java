package io.streamz;

import java.util.List;

/**
 * The node {@link Stream#eventWindow} returns: a stream of window firings, with a second output
 * for the elements that came too late for any window.
 *
 * <pre>{@code
 * EventWindowStream<Click, String, List<Click>> windows = clicks
 *         .withTimestamps(Click::time, "5s")
 *         .eventWindow(EventWindows.tumbling("1m"), Click::user);
 * windows.sink(System.out::println);                        // u1 [..., ...) on time: [...]
 * windows.lateElements().sink(c -> System.out.println("late: " + c));
 * windows.stats().late();                                   // how many came too late
 * }</pre>
 *
 * @param <T> the elements it takes
 * @param <K> the key type ({@link Void} when not keyed)
 * @param <V> the value of a firing: the list of elements, or the collector's result
 */
public abstract class EventWindowStream<T, K, V> extends Stream<Windowed<K, V>> {

    /**
     * A window node fed by {@code upstream}.
     *
     * @param kind the operator name
     * @param upstream where its elements come from
     */
    protected EventWindowStream(String kind, Stream<? extends T> upstream) {
        super(kind, null, List.of(upstream));
    }

    /**
     * The elements that came too late: after the watermark passed the end, plus the allowed
     * lateness, of every window they belong to. Each comes with its metadata (its refs are held
     * until this stream's nodes are done with it) and is counted in {@link NodeStats#late()}.
     * Without a call to this method, a late element is a failure of this node, handled by its
     * {@link ErrorPolicy} (under the default, the caller of {@code emit} gets a
     * {@link NodeException}; with {@link ErrorPolicy#skip()}, it is dropped and counted): late
     * data is never dropped silently.
     *
     * <pre>{@code
     * List<Click> late = windows.lateElements().sinkToList();
     * }</pre>
     *
     * @return this node's late elements (the same stream on every call)
     */
    public abstract Stream<T> lateElements();
}
