package io.streamz.kafka;

import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads the positional arguments of the Kafka plugins; {@code Stream.source} and
 * {@code stream.plugin} put the plugin's name in front of the messages.
 */
final class PluginArgs {
    private final String usage;
    private final Object[] args;

    PluginArgs(String usage, Object[] args, int min, int max) {
        this.usage = usage;
        this.args = args == null ? new Object[0] : args;
        if (this.args.length < min || this.args.length > max) {
            throw new IllegalArgumentException("expected " + usage + ", got " + this.args.length + " argument(s)");
        }
    }

    boolean has(int i) {
        return i < args.length && args[i] != null;
    }

    Object get(int i) {
        return args[i];
    }

    String string(int i, String what) {
        if (args[i] instanceof String) {
            return (String) args[i];
        }
        throw wrong(i, what, "a String");
    }

    List<String> topics(int i) {
        if (args[i] instanceof String) {
            return List.of((String) args[i]);
        }
        if (args[i] instanceof List && ((List<?>) args[i]).stream().allMatch(t -> t instanceof String)) {
            @SuppressWarnings("unchecked")
            List<String> topics = (List<String>) args[i];
            return topics;
        }
        throw wrong(i, "topics", "a List of String");
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> config(int i) {
        if (args[i] instanceof Map) {
            return (Map<String, ?>) args[i];
        }
        throw wrong(i, "config", "a Map of Kafka settings");
    }

    /** An interval as a Duration, a string such as "1s", or a number of seconds (streamz). */
    Duration interval(int i) {
        Object x = args[i];
        if (x instanceof Duration) {
            return (Duration) x;
        }
        if (x instanceof String) {
            return Intervals.parse((String) x);
        }
        if (x instanceof Number) {
            return Duration.ofNanos(Math.round(((Number) x).doubleValue() * 1e9));
        }
        throw wrong(i, "poll interval", "a Duration, a String such as \"1s\" or a number of seconds");
    }

    int integer(int i, String what) {
        if (args[i] instanceof Integer) {
            return (Integer) args[i];
        }
        throw wrong(i, what, "an Integer");
    }

    boolean bool(int i, String what) {
        if (args[i] instanceof Boolean) {
            return (Boolean) args[i];
        }
        throw wrong(i, what, "a Boolean");
    }

    private IllegalArgumentException wrong(int i, String what, String expected) {
        Object x = args[i];
        return bad("argument " + (i + 1) + " (" + what + ") must be " + expected + ", was "
                + (x == null ? "null" : x.getClass().getSimpleName() + " \"" + x + "\""));
    }

    private IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message + "; usage: " + usage);
    }
}
