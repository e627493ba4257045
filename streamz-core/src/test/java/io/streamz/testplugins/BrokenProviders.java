package io.streamz.testplugins;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.SourceProvider;
import java.util.List;

/** Providers that break the rules, one per way. */
public final class BrokenProviders {
    private BrokenProviders() {
    }

    /** Throws from {@code create}. */
    public static final class Exploding implements NodeProvider {
        @Override
        public String name() {
            return "explode";
        }

        @Override
        public String description() {
            return "always fails";
        }

        @Override
        public Stream<?> create(Stream<?> upstream, Object... args) {
            throw new UnsupportedOperationException("boom");
        }
    }

    /** Returns {@code null}. */
    public static final class ReturnsNull implements NodeProvider {
        @Override
        public String name() {
            return "nothing";
        }

        @Override
        public String description() {
            return "returns null";
        }

        @Override
        public Stream<?> create(Stream<?> upstream, Object... args) {
            return null;
        }
    }

    /** Returns a node that is not downstream of the stream it was given. */
    public static final class Detached implements NodeProvider {
        @Override
        public String name() {
            return "detached";
        }

        @Override
        public String description() {
            return "returns an unconnected stream";
        }

        @Override
        public Stream<?> create(Stream<?> upstream, Object... args) {
            return Stream.create("elsewhere");
        }
    }

    /** A node plugin made of a chain: returns the last node, two steps downstream. */
    public static final class Chain implements NodeProvider {
        @Override
        public String name() {
            return "plusOneTwice";
        }

        @Override
        public String description() {
            return "adds 2 in two steps";
        }

        @Override
        public Stream<?> create(Stream<?> upstream, Object... args) {
            Stream<Integer> ints = upstream.map(x -> (Integer) x);
            return ints.map(x -> x + 1).map(x -> x + 1);
        }
    }

    /** A source plugin: {@code Stream.source("fromRange", n)} emits 0 .. n-1. */
    public static final class Range implements SourceProvider {
        @Override
        public String name() {
            return "fromRange";
        }

        @Override
        public String description() {
            return "emits 0, 1, ..., n-1 when started";
        }

        @Override
        public Stream<?> create(Object... args) {
            int n = (Integer) args[0];
            Integer[] items = new Integer[n];
            for (int i = 0; i < n; i++) {
                items[i] = i;
            }
            return Stream.fromIterable(List.of(items));
        }
    }

    /** A source plugin that returns a plain stream, not a {@code Source}. */
    public static final class NotASource implements SourceProvider {
        @Override
        public String name() {
            return "fromNowhere";
        }

        @Override
        public String description() {
            return "returns a plain stream";
        }

        @Override
        public Stream<?> create(Object... args) {
            return Stream.create();
        }
    }
}
