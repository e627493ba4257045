package io.streamz.spi;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;

/**
 * Argument checks for the constructors of a plugin's nodes and sources, with the messages the
 * built-in operators give: who complains, what was expected, what was received.
 *
 * <pre>{@code
 * int n = Arguments.positive(3, "repeat", "n");
 * Duration every = Arguments.interval("500ms", "sample", "interval");
 * Arguments.positive(0, "repeat", "n");
 * // IllegalArgumentException: repeat: n must be >= 1, was 0
 * }</pre>
 *
 * <p>Check in the constructor, so that a bad graph fails while it is being built.
 */
public final class Arguments {
    private Arguments() {
    }

    /**
     * {@code value}, which must not be {@code null}.
     *
     * @param <V> the argument's type
     * @param value the argument
     * @param node the node's kind, for the message
     * @param param the parameter's name, for the message
     * @return {@code value}
     * @throws NullPointerException "{@code node: param is null}"
     */
    public static <V> V notNull(V value, String node, String param) {
        return Checks.notNull(value, node, param);
    }

    /**
     * {@code n}, which must be at least 1.
     *
     * @param n the argument
     * @param node the node's kind, for the message
     * @param param the parameter's name, for the message
     * @return {@code n}
     * @throws IllegalArgumentException "{@code node: param must be >= 1, was n}"
     */
    public static int positive(int n, String node, String param) {
        return Checks.positive(n, node, param);
    }

    /**
     * {@code n}, which must be at least 0.
     *
     * @param n the argument
     * @param node the node's kind, for the message
     * @param param the parameter's name, for the message
     * @return {@code n}
     * @throws IllegalArgumentException "{@code node: param must be >= 0, was n}"
     */
    public static int nonNegative(int n, String node, String param) {
        return Checks.nonNegative(n, node, param);
    }

    /**
     * {@code value}, which must be one of {@code choices}.
     *
     * @param value the argument
     * @param node the node's kind, for the message
     * @param param the parameter's name, for the message
     * @param choices the accepted values
     * @return {@code value}
     * @throws IllegalArgumentException listing the choices, e.g.
     *     {@code keep must be "first" or "last", was "newest"}
     */
    public static String oneOf(String value, String node, String param, String... choices) {
        return Checks.oneOf(value, node, param, choices);
    }

    /**
     * The interval {@code text} spells in streamz's units ({@code "10ms"}, {@code "1.5s"},
     * {@code "2h"}), which must be positive.
     *
     * @param text the argument
     * @param node the node's kind, for the message
     * @param param the parameter's name, for the message
     * @return the duration
     * @throws IllegalArgumentException naming the node and quoting {@code text} when it is not a
     *     positive interval
     */
    public static Duration interval(String text, String node, String param) {
        return Intervals.positive(Intervals.parse(text, node, param), node, param);
    }

    /**
     * {@code interval}, which must be positive.
     *
     * @param interval the argument
     * @param node the node's kind, for the message
     * @param param the parameter's name, for the message
     * @return {@code interval}
     * @throws IllegalArgumentException naming the node when {@code interval} is zero or negative
     */
    public static Duration interval(Duration interval, String node, String param) {
        return Intervals.positive(interval, node, param);
    }
}
