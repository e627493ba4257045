package io.streamz.files;

import java.util.Arrays;

/** Positional plugin arguments, checked with messages naming the plugin. */
final class Args {
    private final String plugin;
    private final Object[] args;

    Args(String plugin, Object[] args, int min, int max) {
        this.plugin = plugin;
        this.args = args == null ? new Object[0] : args;
        if (this.args.length < min || this.args.length > max) {
            throw new IllegalArgumentException("Plugin \"" + plugin + "\" takes " + min + " to " + max
                    + " arguments, got " + this.args.length + ": " + Arrays.toString(this.args));
        }
    }

    <V> V get(int i, Class<V> type) {
        Object v = args[i];
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("Plugin \"" + plugin + "\": argument " + (i + 1) + " must be a "
                    + type.getSimpleName() + ", was " + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
        }
        return type.cast(v);
    }

    <V> V get(int i, Class<V> type, V otherwise) {
        return i < args.length ? get(i, type) : otherwise;
    }
}
