package io.streamz.internal.plugin;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.SourceProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds {@link NodeProvider}s and {@link SourceProvider}s with {@link ServiceLoader} when a
 * plugin is asked for (never before), and checks what they build.
 *
 * <p>Providers are looked up in the thread's context class loader and in the one that loaded
 * streamz-core. When two providers share a name, the first one found wins (as streamz keeps the
 * first entry point of a name). A provider whose class cannot be loaded is skipped; the errors
 * are reported when a name is not found.
 */
public final class Plugins {
    private final Map<String, NodeProvider> nodes;
    private final Map<String, SourceProvider> sources;
    private final List<Throwable> broken;

    private Plugins(Map<String, NodeProvider> nodes, Map<String, SourceProvider> sources, List<Throwable> broken) {
        this.nodes = nodes;
        this.sources = sources;
        this.broken = broken;
    }

    /** Loads the providers visible now. */
    public static Plugins load() {
        List<Throwable> broken = new ArrayList<>();
        Map<String, NodeProvider> nodes = find(NodeProvider.class, NodeProvider::name, broken);
        Map<String, SourceProvider> sources = find(SourceProvider.class, SourceProvider::name, broken);
        return new Plugins(nodes, sources, broken);
    }

    /** Name to one-line description of every plugin, sources and nodes, sorted by name. */
    public Map<String, String> list() {
        Map<String, String> out = new TreeMap<>();
        sources.forEach((name, p) -> out.put(name, describe(p::description)));
        nodes.forEach((name, p) -> out.putIfAbsent(name, describe(p::description)));
        return Collections.unmodifiableMap(out);
    }

    /** Builds node plugin {@code name} downstream of {@code upstream}. */
    public Stream<?> node(Stream<?> upstream, String name, Object[] args) {
        Checks.notNull(name, "plugin", "name");
        Checks.notNull(args, "plugin", "args");
        NodeProvider p = nodes.get(name);
        if (p == null) {
            throw unknown(name, sources.containsKey(name)
                    ? ": it is a source, use Stream.source(\"" + name + "\", ...)" : "");
        }
        Stream<?> node;
        try {
            node = p.create(upstream, args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who(name, p) + " rejected its arguments "
                    + Arrays.deepToString(args) + ": " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(who(name, p) + " failed: " + e, e);
        }
        if (node == null) {
            throw new IllegalStateException(who(name, p)
                    + " did not return a node: create(...) must return a subclass of io.streamz.Stream, returned null");
        }
        if (!reaches(upstream, node)) {
            throw new IllegalStateException(who(name, p) + " returned " + node + ", which is not connected to "
                    + upstream + ": create(...) must return a node downstream of the stream it is given");
        }
        return node;
    }

    /** Builds source plugin {@code name}. */
    public Source<?> source(String name, Object[] args) {
        Checks.notNull(name, "source", "name");
        Checks.notNull(args, "source", "args");
        SourceProvider p = sources.get(name);
        if (p == null) {
            throw unknown(name, nodes.containsKey(name)
                    ? ": it is a node, use stream.plugin(\"" + name + "\", ...)" : "");
        }
        Stream<?> node;
        try {
            node = p.create(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who(name, p) + " rejected its arguments "
                    + Arrays.deepToString(args) + ": " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(who(name, p) + " failed: " + e, e);
        }
        if (!(node instanceof Source)) {
            throw new IllegalStateException(who(name, p) + " did not return a source: create(...) must return"
                    + " a subclass of io.streamz.Source, returned " + (node == null ? "null" : node.toString()));
        }
        return (Source<?>) node;
    }

    private RuntimeException unknown(String name, String hint) {
        if (!hint.isEmpty()) {
            return new IllegalArgumentException("No plugin named \"" + name + "\" of this kind" + hint);
        }
        Set<String> installed = list().keySet();
        StringBuilder msg = new StringBuilder("No plugin named \"").append(name).append("\". Installed: ")
                .append(installed.isEmpty() ? "(none)" : String.join(", ", installed));
        if (!broken.isEmpty()) {
            msg.append(". Providers that could not be loaded: ").append(broken.size())
                    .append(" (first: ").append(broken.get(0).getMessage()).append(')');
        }
        IllegalArgumentException e = new IllegalArgumentException(msg.toString());
        broken.forEach(e::addSuppressed);
        return e;
    }

    private static String who(String name, Object provider) {
        return "Plugin \"" + name + "\" (" + provider.getClass().getName() + ")";
    }

    private static String describe(java.util.function.Supplier<String> description) {
        try {
            String d = description.get();
            return d == null ? "" : d;
        } catch (RuntimeException e) {
            return "(description failed: " + e + ")";
        }
    }

    /** Whether {@code node} is {@code from} or downstream of it. */
    private static boolean reaches(Stream<?> from, Stream<?> node) {
        Map<Stream<?>, Boolean> seen = new IdentityHashMap<>();
        Deque<Stream<?>> todo = new ArrayDeque<>();
        todo.add(from);
        while (!todo.isEmpty()) {
            Stream<?> s = todo.poll();
            if (s == node) {
                return s != from;
            }
            if (seen.put(s, Boolean.TRUE) == null) {
                todo.addAll(s.downstreams());
            }
        }
        return false;
    }

    private static <P> Map<String, P> find(Class<P> type, Function<P, String> name, List<Throwable> broken) {
        Map<String, P> out = new LinkedHashMap<>();
        Set<String> classes = new java.util.HashSet<>();
        for (ClassLoader loader : loaders()) {
            Iterator<P> it = ServiceLoader.load(type, loader).iterator();
            for (;;) {
                P p;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    p = it.next();
                } catch (ServiceConfigurationError e) {
                    if (broken.stream().noneMatch(b -> String.valueOf(b.getMessage()).equals(e.getMessage()))) {
                        broken.add(e);
                    }
                    continue;
                }
                if (!classes.add(p.getClass().getName())) {
                    continue;
                }
                try {
                    out.putIfAbsent(Checks.notNull(name.apply(p), p.getClass().getName(), "name()"), p);
                } catch (RuntimeException e) {
                    broken.add(new ServiceConfigurationError(type.getName() + ": " + p.getClass().getName()
                            + ".name() failed: " + e, e));
                }
            }
        }
        return out;
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> out = new ArrayList<>(2);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            out.add(context);
        }
        ClassLoader own = Stream.class.getClassLoader();
        if (own != null && own != context) {
            out.add(own);
        }
        return out;
    }
}
