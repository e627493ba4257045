package io.streamz.spi;

import java.util.Arrays;

/**
 * The positional arguments a plugin received ({@code Stream.source("from_csv", "trades.csv")}),
 * checked with messages that name the plugin: for {@link SourceProvider} and
 * {@link NodeProvider} implementations.
 *
 * <pre>{@code
 * public Stream<?> create(Object... args) {
 *     PluginArguments a = PluginArguments.of("from_csv", args, 1, 2);
 *     String path = a.get(0, String.class);
 *     FileOptions options = a.get(1, FileOptions.class, FileOptions.defaults());
 *     return Csv.fromCsv(path, options);
 * }
 * // Stream.source("from_csv", 42) fails with:
 * // Plugin "from_csv": argument 1 must be a String, was Integer 42
 * }</pre>
 */
public final class PluginArguments {
    private final String plugin;
    private final Object[] args;

    private PluginArguments(String plugin, Object[] args) {
        this.plugin = plugin;
        this.args = args;
    }

    /**
     * The arguments of {@code plugin}, of which there must be {@code min} to {@code max}.
     *
     * @param plugin the plugin's name, for messages
     * @param args the arguments as the provider received them; {@code null} for none
     * @param min the fewest arguments the plugin takes
     * @param max the most arguments the plugin takes
     * @return the checked arguments
     * @throws IllegalArgumentException naming the plugin and listing the arguments, when there
     *     are fewer than {@code min} or more than {@code max}
     */
    public static PluginArguments of(String plugin, Object[] args, int min, int max) {
        Object[] given = args == null ? new Object[0] : args;
        if (given.length < min || given.length > max) {
            throw new IllegalArgumentException("Plugin \"" + plugin + "\" takes " + min + " to " + max
                    + " arguments, got " + given.length + ": " + Arrays.toString(given));
        }
        return new PluginArguments(plugin, given);
    }

    /**
     * Argument {@code i}, which must be of {@code type}.
     *
     * @param <V> the argument's type
     * @param i the argument's position, from 0
     * @param type the class the argument must be an instance of
     * @return the argument
     * @throws IllegalArgumentException naming the plugin, the position and the value, when the
     *     argument is {@code null} or of another type
     * @throws IndexOutOfBoundsException when there is no argument {@code i}
     */
    public <V> V get(int i, Class<V> type) {
        Object v = args[i];
        if (!type.isInstance(v)) {
            String name = type.getSimpleName();
            String article = "AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
            throw new IllegalArgumentException("Plugin \"" + plugin + "\": argument " + (i + 1) + " must be "
                    + article + name + ", was " + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
        }
        return type.cast(v);
    }

    /**
     * Argument {@code i} if it was given, else {@code otherwise}.
     *
     * @param <V> the argument's type
     * @param i the argument's position, from 0
     * @param type the class the argument must be an instance of
     * @param otherwise the value when fewer than {@code i + 1} arguments were given
     * @return the argument, or {@code otherwise}
     * @throws IllegalArgumentException as {@link #get(int, Class)} when the argument was given
     */
    public <V> V get(int i, Class<V> type, V otherwise) {
        return i < args.length ? get(i, type) : otherwise;
    }

    /**
     * How many arguments were given.
     *
     * @return the number of arguments
     */
    public int size() {
        return args.length;
    }
}
