package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testplugins.Repeat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PluginTest {

    @Test
    void nodePluginIsFoundByNameAndBuiltDownstream() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> repeated = source.plugin("repeat", 3);
        List<Integer> out = repeated.sinkToList();
        source.emit(1);
        source.emit(2);
        assertThat(out).containsExactly(1, 1, 1, 2, 2, 2);
        assertThat(repeated).isInstanceOf(Repeat.class);
        assertThat(repeated.upstreams()).containsExactly(source);
        assertThat(repeated.toString()).isEqualTo("repeat(n=3)");
    }

    @Test
    void pluginNodeRetainsRefsPerDownstreamAndReleasesThem() {
        Stream<Integer> source = Stream.create();
        List<Integer> seen = new java.util.ArrayList<>();
        RefCounter ref = new RefCounter();
        source.<Integer>plugin("repeat", 2).sink(x -> seen.add(ref.count()));
        source.emit(5, List.of(Map.of("ref", ref)));
        assertThat(seen).hasSize(2).allSatisfy(c -> assertThat(c).isPositive());
        assertThat(ref.count()).isZero();
    }

    @Test
    void aPluginMayBuildAChainAndReturnItsLastNode() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.<Integer>plugin("plusOneTwice").sinkToList();
        source.emit(1);
        assertThat(out).containsExactly(3);
    }

    @Test
    void sourcePluginIsFoundByName() {
        Source<Integer> source = Stream.source("fromRange", 3);
        List<Integer> out = source.sinkToList();
        assertThat(out).isEmpty();
        source.start();
        assertThat(out).containsExactly(0, 1, 2);
    }

    @Test
    void pluginsListsEveryLoadableProviderWithItsDescriptionSortedByName() {
        Map<String, String> plugins = Stream.plugins();
        assertThat(plugins).containsEntry("repeat", "emits every element n times")
                .containsEntry("fromRange", "emits 0, 1, ..., n-1 when started")
                .containsKeys("explode", "nothing", "detached", "plusOneTwice", "fromNowhere");
        assertThat(new java.util.ArrayList<>(plugins.keySet())).isSorted();
        assertThatThrownBy(() -> plugins.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unknownNameListsTheInstalledOnesAndTheProvidersThatFailedToLoad() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> source.plugin("reapeat", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No plugin named \"reapeat\". Installed: detached, explode, fromNowhere,"
                        + " fromRange, nothing, plusOneTwice, repeat")
                .hasMessageContaining("io.streamz.testplugins.Missing");
        assertThatThrownBy(() -> Stream.source("fromRnage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No plugin named \"fromRnage\". Installed: ");
        assertThat(source.downstreams()).isEmpty();
    }

    @Test
    void aSourceNameUsedAsANodeAndTheOtherWayRoundSaysWhichCallToUse() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> source.plugin("fromRange", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use Stream.source(\"fromRange\", ...)");
        assertThatThrownBy(() -> Stream.source("repeat", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use stream.plugin(\"repeat\", ...)");
    }

    @Test
    void aProviderThatThrowsFailsNamingPluginAndProviderClass() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> source.plugin("explode"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Plugin \"explode\" (io.streamz.testplugins.BrokenProviders$Exploding) failed")
                .hasCauseInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aProviderRejectingItsArgumentsFailsWithIllegalArgument() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> source.plugin("repeat", "three"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plugin \"repeat\" (io.streamz.testplugins.RepeatProvider) rejected its arguments"
                        + " [three]: expected one int n");
        assertThatThrownBy(() -> Stream.source("fromRange", "three"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Plugin \"fromRange\"")
                .hasCauseInstanceOf(ClassCastException.class);
    }

    @Test
    void aProviderReturningNullFails() {
        assertThatThrownBy(() -> Stream.create().plugin("nothing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Plugin \"nothing\" (io.streamz.testplugins.BrokenProviders$ReturnsNull) did not return"
                        + " a node: create(...) must return a subclass of io.streamz.Stream, returned null");
    }

    @Test
    void aProviderReturningANodeNotConnectedDownstreamFails() {
        Stream<Integer> source = Stream.create("numbers");
        assertThatThrownBy(() -> source.plugin("detached"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Plugin \"detached\" (io.streamz.testplugins.BrokenProviders$Detached)")
                .hasMessageContaining("returned stream \"elsewhere\", which is not connected to stream \"numbers\"");
    }

    @Test
    void aSourceProviderReturningAPlainStreamFails() {
        assertThatThrownBy(() -> Stream.source("fromNowhere"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Plugin \"fromNowhere\" (io.streamz.testplugins.BrokenProviders$NotASource)")
                .hasMessageContaining("must return a subclass of io.streamz.Source");
    }

    @Test
    void nullsAreRejectedButNullArgumentsPassThrough() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> source.plugin(null, 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("stream: name is null");
        assertThatThrownBy(() -> source.plugin("repeat", (Object[]) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("stream: args is null");
        assertThatThrownBy(() -> Stream.source(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source: name is null");
        assertThatThrownBy(() -> source.plugin("repeat", (Object) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rejected its arguments [null]");
    }

    // ------------------------------------------------------------------ custom nodes without a plugin

    /** A custom node written the streamz way: subclass Stream, override update, emit downstream. */
    static final class Pairwise<T> extends Stream<List<T>> {
        private T previous;
        private boolean first = true;

        Pairwise(Stream<T> upstream) {
            super(upstream);
        }

        @Override
        protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
            T current = cast(x);
            if (first) {
                first = false;
                previous = current;
                return null;
            }
            List<T> pair = java.util.Arrays.asList(previous, current);
            previous = current;
            return emitDownstream(java.util.Collections.unmodifiableList(pair), metadata);
        }
    }

    @Test
    void aCustomNodeSubclassingStreamDirectlyWorks() {
        Stream<Integer> source = Stream.create();
        Pairwise<Integer> pairs = new Pairwise<>(source);
        List<List<Integer>> out = pairs.map(p -> p).sinkToList();
        for (int i = 0; i < 4; i++) {
            source.emit(i);
        }
        assertThat(out).containsExactly(List.of(0, 1), List.of(1, 2), List.of(2, 3));
        assertThat(pairs.toString()).isEqualTo("pairwise");
        assertThat(source.downstreams()).containsExactly(pairs);
    }

    @Test
    void aCustomNodeFailureReachesEmitAsNodeException() {
        Stream<Integer> source = Stream.create();
        new Stream<Integer>(source) {
            @Override
            protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
                try {
                    throw new IllegalStateException("bad " + x);
                } catch (RuntimeException e) {
                    throw failure(e, x);
                }
            }
        }.named("custom");
        assertThatThrownBy(() -> source.emit(7))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("\"custom\"")
                .hasMessageContaining("element 7")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
