package io.streamz.internal.util;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Argument checks with uniform messages: {@code "slidingWindow: n must be >= 1, was 0"}. */
public final class Checks {
    private Checks() {
    }

    /** {@code value}, or a {@link NullPointerException} "{@code node: param is null}". */
    public static <V> V notNull(V value, String node, String param) {
        if (value == null) {
            throw new NullPointerException(node + ": " + param + " is null");
        }
        return value;
    }

    /** {@code n} if at least 1, else an {@link IllegalArgumentException}. */
    public static int positive(int n, String node, String param) {
        if (n < 1) {
            throw new IllegalArgumentException(node + ": " + param + " must be >= 1, was " + n);
        }
        return n;
    }

    /** {@code n} if at least 0, else an {@link IllegalArgumentException}. */
    public static int nonNegative(int n, String node, String param) {
        if (n < 0) {
            throw new IllegalArgumentException(node + ": " + param + " must be >= 0, was " + n);
        }
        return n;
    }

    /** {@code value} if it is one of {@code choices}, else an {@link IllegalArgumentException} listing them. */
    public static String oneOf(String value, String node, String param, String... choices) {
        notNull(value, node, param);
        for (String c : choices) {
            if (c.equals(value)) {
                return value;
            }
        }
        String list = Arrays.stream(choices).map(c -> "\"" + c + "\"").collect(Collectors.joining(" or "));
        throw new IllegalArgumentException(node + ": " + param + " must be " + list + ", was \"" + value + "\"");
    }

    /** An {@link IllegalArgumentException} "{@code node: message}". */
    public static IllegalArgumentException invalid(String node, String message) {
        return new IllegalArgumentException(node + ": " + message);
    }
}
