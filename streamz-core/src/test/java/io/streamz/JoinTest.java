package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;
import reactor.util.function.Tuples;

class JoinTest {

    // ---------------------------------------------------------------- zip

    @Test
    void zipPairsTheIthElements() {
        // streamz test_zip
        Stream<Integer> a = Stream.create();
        Stream<Object> b = Stream.create();
        List<List<Object>> out = a.zip(b).sinkToList();
        a.emit(1);
        b.emit("a");
        a.emit(2);
        b.emit("b");
        assertThat(out).containsExactly(List.of(1, "a"), List.of(2, "b"));
        assertThat(out.get(0).toString()).isEqualTo("[1, a]");
        assertThatThrownBy(() -> out.get(0).set(0, 3)).isInstanceOf(UnsupportedOperationException.class);

        Stream<Object> d = Stream.create();
        List<List<Object>> three = a.zip(b, d).sinkToList();
        a.emit(1);
        b.emit(2);
        d.emit(3);
        assertThat(three).containsExactly(List.of(1, 2, 3));
    }

    @Test
    void zipWithItself() {
        // streamz test_zip_same
        Stream<Integer> a = Stream.create();
        List<List<Object>> out = a.zip(a).sinkToList();
        a.emit(1);
        a.emit(2);
        assertThat(out).containsExactly(List.of(1, 1), List.of(2, 2));
        assertThat(a.downstreams()).hasSize(1);
    }

    @Test
    void zipWithItselfHoldsAndReleasesRefsEvenly() {
        Stream<Integer> a = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(a.zip(a)).sinkToList();
        RefCounter ref = new RefCounter();
        a.emit(1, Metadata.ref(ref));
        assertThat(md).containsExactly(List.of(Map.of("ref", ref), Map.of("ref", ref)));
        assertThat(ref.count()).isZero();
    }

    @Test
    void zipCarriesNulls() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Object>> out = a.zip(b).sinkToList();
        a.emit(null);
        b.emit(null);
        assertThat(out.toString()).isEqualTo("[[null, null]]");
    }

    @Test
    void zipHoldsRefsUntilItsTupleIsEmitted() {
        // streamz test_zip_ref_counts
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        a.zip(b);
        RefCounter ref1 = new RefCounter();
        a.emit(1, Metadata.ref(ref1));
        assertThat(ref1.count()).isEqualTo(1);
        RefCounter ref2 = new RefCounter();
        a.emit(2, Metadata.ref(ref2));
        assertThat(ref1.count()).isEqualTo(1);
        assertThat(ref2.count()).isEqualTo(1);
        RefCounter ref3 = new RefCounter();
        b.emit(3, Metadata.ref(ref3));
        assertThat(ref1.count()).isZero();
        assertThat(ref2.count()).isEqualTo(1);
        assertThat(ref3.count()).isZero();
    }

    @Test
    void zipEmitsTheMetadataOfItsTuple() {
        // streamz test_zip_metadata
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(a.zip(b)).sinkToList();
        a.emit(1, Metadata.v(1));
        b.emit(2, Metadata.v(2));
        a.emit(3);
        b.emit(4, Metadata.v(4));
        assertThat(md).containsExactly(List.of(Map.of("v", 1), Map.of("v", 2)), Metadata.v(4));
    }

    @Test
    void zipPassesTheMetadataOfBothElementsOnWhileDownstreamHoldsIt() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        CollectStream<List<Object>> holder = a.zip(b).collect();
        List<List<List<Object>>> out = holder.sinkToList();
        RefCounter r1 = new RefCounter();
        RefCounter r2 = new RefCounter();
        a.emit(1, Metadata.ref(r1));
        b.emit(2, Metadata.ref(r2));
        assertThat(List.of(r1.count(), r2.count())).containsExactly(1, 1);
        holder.flush();
        assertThat(List.of(r1.count(), r2.count())).containsExactly(0, 0);
        assertThat(out).containsExactly(List.of(List.of(1, 2)));
    }

    @Test
    void zipFollowsConnectAndDisconnect() {
        // streamz test_connect_zip and test_disconnect_zip
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        Stream<Integer> c = Stream.create();
        Stream<List<Object>> x = a.zip(b);
        List<List<Object>> out = x.sinkToList();
        c.connect(x);
        a.emit(1);
        b.emit(1);
        assertThat(out).isEmpty();
        c.emit(1);
        assertThat(out).containsExactly(List.of(1, 1, 1));

        Stream<List<Object>> y = a.zip(b, c);
        List<List<Object>> out2 = y.sinkToList();
        b.disconnect(y);
        a.emit(1);
        b.emit(1);
        assertThat(out2).isEmpty();
        c.emit(1);
        assertThat(out2).containsExactly(List.of(1, 1));
    }

    @Test
    void zipReleasesWhatItHoldsWhenDisconnectedOrDestroyed() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        Stream<List<Object>> z = a.zip(b);
        RefCounter ref = new RefCounter();
        a.emit(1, Metadata.ref(ref));
        a.disconnect(z);
        assertThat(ref.count()).isZero();
        a.connect(z);
        a.emit(2, Metadata.ref(ref));
        z.destroy();
        assertThat(ref.count()).isZero();
    }

    @Test
    void zipBackPressureHoldsTheEmitThatOverfillsUntilTheNextTuple() {
        // streamz test_zip_timeout, with streamz's default maxsize of 10
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> out = a.zip(b).sinkToList();
        for (int i = 0; i < 10; i++) {
            assertThat(a.emitAsync(i)).isDone();
        }
        CompletableFuture<Void> held = a.emitAsync(10);
        assertThat(held).isNotDone();
        b.emit("a");
        assertThat(held).isCompleted();
        assertThat(out).containsExactly(List.of(0, "a"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void zipOfTwoThreadsPairsEverythingWithoutRunningUserCodeAtOnce() throws Exception {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<List<Object>> out = a.map(x -> guarded(x, inside, overlaps))
                .zip(b.map(x -> guarded(x, inside, overlaps)))
                .map(p -> guarded(p, inside, overlaps))
                .sinkToList();
        int n = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        Thread ta = emitter(a, n, go);
        Thread tb = emitter(b, n, go);
        go.countDown();
        ta.join();
        tb.join();
        assertThat(overlaps.get()).isZero();
        assertThat(out).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(out.get(i)).containsExactly(i, i);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void zipBackPressureWakesWhenTheLaggingUpstreamIsDisconnected() throws Exception {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        Stream<List<Object>> z = a.zip(b);
        List<List<Object>> out = z.sinkToList();
        CountDownLatch tenSent = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                a.emit(i);
            }
            tenSent.countDown();
            a.emit(10);
        });
        t.start();
        tenSent.await();
        while (t.getState() != Thread.State.WAITING && t.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(t.isAlive()).isTrue();
        b.disconnect(z);
        t.join();
        assertThat(out).isEmpty();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void twoIndependentGraphsDoNotBlockEachOther() throws Exception {
        Stream<Integer> slow = Stream.create();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        slow.sink(x -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread t = new Thread(() -> slow.emit(1));
        t.start();
        entered.await();

        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Object>> out = a.zip(b).sinkToList();
        a.emit(1);
        b.emit(2);   // returns although the other graph is busy
        assertThat(out).containsExactly(List.of(1, 2));
        release.countDown();
        t.join();
    }

    @Test
    void zipRejectsNulls() {
        Stream<Integer> a = Stream.create();
        assertThatThrownBy(() -> a.zip((Stream<?>[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("zip: others is null");
        assertThatThrownBy(() -> a.zip(Stream.create(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("zip: others element is null");
        assertThat(a.downstreams()).isEmpty();
    }

    // ---------------------------------------------------------------- zipWith (typed)

    @Test
    void zipWithPairsTheIthElementsAsTuplesOrThroughAFunction() {
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        Stream<Double> c = Stream.create();
        Stream<Tuple2<Integer, String>> pairs = a.zipWith(b);
        List<Tuple2<Integer, String>> out = pairs.sinkToList();
        List<String> joined = a.zipWith(b, (n, s) -> s.repeat(n)).sinkToList();
        List<Tuple3<Integer, String, Double>> triples = a.zipWith(b, c).sinkToList();
        a.emit(1);
        a.emit(2);
        b.emit("x");
        b.emit("y");
        c.emit(0.5);
        assertThat(out).containsExactly(Tuples.of(1, "x"), Tuples.of(2, "y"));
        assertThat(joined).containsExactly("x", "yy");
        assertThat(triples).containsExactly(Tuples.of(1, "x", 0.5));
        assertThat(pairs).hasToString("zipWith");
        assertThat(pairs.upstreams()).containsExactly(a, b);
    }

    @Test
    void zipWithItselfAndTheSeedExample() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> inc = source.map(x -> x + 1);
        Stream<Integer> dec = source.map(x -> x - 1);
        List<Integer> sums = inc.zipWith(dec, Integer::sum).sinkToList();
        List<Tuple2<Integer, Integer>> self = source.zipWith(source).sinkToList();
        source.emit(10);
        assertThat(sums).containsExactly(20);
        assertThat(self).containsExactly(Tuples.of(10, 10));
    }

    @Test
    void zipWithHoldsRefsUntilItsTupleIsEmittedAndPassesTheMetadataOfBoth() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(a.zipWith(b, Integer::sum)).sinkToList();
        RefCounter ra = new RefCounter();
        RefCounter rb = new RefCounter();
        a.emit(1, Metadata.ref(ra));
        assertThat(ra.count()).isEqualTo(1);
        b.emit(2, Metadata.ref(rb));
        assertThat(md).containsExactly(List.of(Map.of("ref", ra), Map.of("ref", rb)));
        assertThat(ra.count()).isZero();
        assertThat(rb.count()).isZero();
    }

    @Test
    void zipWithFailuresNameTheNodeAndReleaseTheTuple() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<Integer> out = a.zipWith(b, (x, y) -> x / y).sinkToList();
        RefCounter ra = new RefCounter();
        a.emit(1, Metadata.ref(ra));
        assertThatThrownBy(() -> b.emit(0))
                .isInstanceOf(NodeException.class)
                .hasMessageStartingWith("zipWith failed on element [1, 0]")
                .hasCauseInstanceOf(ArithmeticException.class);
        assertThat(ra.count()).isZero();
        a.emit(6);
        b.emit(3);
        assertThat(out).containsExactly(2);

        Stream<Integer> c = Stream.create();
        a.zipWith(c);
        a.emit(null);
        assertThatThrownBy(() -> c.emit(1))
                .isInstanceOf(NodeException.class)
                .hasMessageStartingWith("zipWith failed on element [null, 1]")
                .hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void typedJoinsRefuseToChangeTheirInputs() {
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        Stream<Tuple2<Integer, String>> zipped = a.zipWith(b);
        Stream<Tuple2<Integer, String>> latest = a.combineLatestWith(b);
        Stream<Object> other = Stream.create();
        assertThatThrownBy(() -> other.connect(zipped))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("zipWith: cannot connect stream: the typed form joins exactly 2 streams;"
                        + " use zip(...) to rewire");
        assertThatThrownBy(() -> b.disconnect(latest))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("combineLatestWith: cannot disconnect stream: the typed form joins exactly 2 streams;"
                        + " use combineLatest(...) to rewire");
        assertThat(other.downstreams()).isEmpty();
        assertThat(zipped.upstreams()).containsExactly(a, b);
        zipped.destroy();
        assertThat(a.downstreams()).containsExactly(latest);
    }

    @Test
    void typedJoinsRejectNulls() {
        Stream<Integer> a = Stream.create();
        assertThatThrownBy(() -> a.zipWith(null))
                .isInstanceOf(NullPointerException.class).hasMessage("zipWith: other is null");
        assertThatThrownBy(() -> a.zipWith(Stream.create(), (BiFunction<Integer, Object, Object>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("zipWith: func is null");
        assertThatThrownBy(() -> a.zipWith(Stream.create(), (Stream<?>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("zipWith: third is null");
        assertThatThrownBy(() -> a.combineLatestWith(null, Stream.create()))
                .isInstanceOf(NullPointerException.class).hasMessage("combineLatestWith: second is null");
        assertThat(a.downstreams()).isEmpty();
    }

    // ---------------------------------------------------------------- combineLatest

    @Test
    void combineLatestEmitsOnAnyUpdateOnceAllHaveAValue() {
        // streamz test_combine_latest
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> out = a.combineLatest(b).sinkToList();
        List<List<Object>> out2 = a.combineLatest(List.of(b), List.of(a, b)).sinkToList();
        a.emit(1);
        a.emit(2);
        b.emit("a");
        a.emit(3);
        b.emit("b");
        assertThat(out).containsExactly(List.of(2, "a"), List.of(3, "a"), List.of(3, "b"));
        assertThat(out2).isEqualTo(out);
    }

    @Test
    void combineLatestEmitOnSelf() {
        // streamz test_combine_latest_emit_on
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> out = a.combineLatest(List.of(b), List.of(a)).sinkToList();
        a.emit(1);
        b.emit("a");
        a.emit(2);
        a.emit(3);
        b.emit("b");
        a.emit(4);
        assertThat(out).containsExactly(List.of(2, "a"), List.of(3, "a"), List.of(4, "b"));
    }

    @Test
    void combineLatestHoldsTheLatestRefsOnly() {
        // streamz test_combine_latest_ref_counts
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        a.combineLatest(b);
        RefCounter ref1 = new RefCounter();
        a.emit(1, Metadata.ref(ref1));
        assertThat(ref1.count()).isEqualTo(1);
        RefCounter ref2 = new RefCounter();
        a.emit(2, Metadata.ref(ref2));
        assertThat(ref1.count()).isZero();
        assertThat(ref2.count()).isEqualTo(1);
        RefCounter ref3 = new RefCounter();
        b.emit(3, Metadata.ref(ref3));
        assertThat(ref2.count()).isEqualTo(1);
        assertThat(ref3.count()).isEqualTo(1);
    }

    @Test
    void combineLatestEmitsTheMetadataOfTheLatestElements() {
        // streamz test_combine_latest_metadata
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(a.combineLatest(b)).sinkToList();
        a.emit(1, Metadata.v(1));
        b.emit(2, Metadata.v(2));
        b.emit(3);
        b.emit(4, Metadata.v(4));
        assertThat(md).containsExactly(List.of(Map.of("v", 1), Map.of("v", 2)), Metadata.v(1),
                List.of(Map.of("v", 1), Map.of("v", 4)));
    }

    @Test
    void combineLatestFollowsConnectAndDisconnect() {
        // streamz test_connect_combine_latest and test_connect_discombine_latest
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        Stream<Integer> c = Stream.create();
        Stream<List<Object>> x = a.combineLatest(List.of(b), List.of(a));
        List<List<Object>> out = x.sinkToList();
        c.connect(x);
        b.emit(1);
        c.emit(1);
        a.emit(1);
        assertThat(out).containsExactly(List.of(1, 1, 1));

        Stream<Integer> d = Stream.create();
        Stream<Integer> e = Stream.create();
        Stream<Integer> f = Stream.create();
        Stream<List<Object>> y = d.combineLatest(List.of(e, f), List.of(d));
        List<List<Object>> out2 = y.sinkToList();
        RefCounter ref = new RefCounter();
        f.emit(0, Metadata.ref(ref));
        f.disconnect(y);
        assertThat(ref.count()).isZero();
        e.emit(1);
        f.emit(1);
        d.emit(1);
        assertThat(out2).containsExactly(List.of(1, 1));
    }

    @Test
    void combineLatestRefusesToDisconnectItsOnlyEmitOnUpstream() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create("prices");
        Stream<List<Object>> x = a.combineLatest(List.of(b), List.of(b));
        assertThatThrownBy(() -> b.disconnect(x))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("combineLatest: cannot disconnect stream \"prices\", the only emitOn upstream");
        assertThat(x.upstreams()).containsExactly(a, b);
        a.disconnect(x);
        assertThat(x.upstreams()).containsExactly(b);
    }

    @Test
    void combineLatestRunsUpstreamsInConnectionOrder() {
        // streamz test_execution_order
        Stream<List<Object>> s = Stream.create();
        Stream<Object> b = s.pluck(1);
        Stream<Object> a = s.pluck(0);
        List<List<Object>> out = a.combineLatest(List.of(b), List.of(a)).sinkToList();
        for (List<Object> z : List.<List<Object>>of(List.of(1, "red"), List.of(2, "blue"), List.of(3, "green"))) {
            s.emit(z);
        }
        assertThat(out).containsExactly(List.of(1, "red"), List.of(2, "blue"), List.of(3, "green"));

        Stream<List<Object>> s2 = Stream.create();
        Stream<Object> a2 = s2.pluck(0);
        Stream<Object> b2 = s2.pluck(1);
        List<List<Object>> out2 = a2.combineLatest(List.of(b2), List.of(a2)).sinkToList();
        for (List<Object> z : List.<List<Object>>of(List.of(1, "red"), List.of(2, "blue"), List.of(3, "green"))) {
            s2.emit(z);
        }
        assertThat(out2).containsExactly(List.of(2, "red"), List.of(3, "blue"));
    }

    @Test
    void combineLatestRejectsBadEmitOn() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        assertThatThrownBy(() -> a.combineLatest(List.of(b), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("combineLatest: emitOn must name at least one upstream, was []");
        assertThatThrownBy(() -> a.combineLatest(List.of(b), List.of(Stream.create("elsewhere"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("combineLatest: emitOn must name upstreams of the node, was stream \"elsewhere\"");
        assertThatThrownBy(() -> a.combineLatest(null, List.of(a)))
                .isInstanceOf(NullPointerException.class).hasMessage("combineLatest: others is null");
        assertThatThrownBy(() -> a.combineLatest(List.of(b), null))
                .isInstanceOf(NullPointerException.class).hasMessage("combineLatest: emitOn is null");
    }

    @Test
    void combineLatestWithEmitsTuplesOrAFunctionOfTheLatestElements() {
        Stream<Double> prices = Stream.create();
        Stream<Integer> amounts = Stream.create();
        Stream<String> names = Stream.create();
        List<Double> totals = prices.combineLatestWith(amounts, (p, n) -> p * n).sinkToList();
        List<Tuple2<Double, Integer>> pairs = prices.combineLatestWith(amounts).sinkToList();
        List<Tuple3<Double, Integer, String>> triples = prices.combineLatestWith(amounts, names).sinkToList();
        prices.emit(2.5);
        amounts.emit(4);
        names.emit("n");
        prices.emit(3.0);
        assertThat(totals).containsExactly(10.0, 12.0);
        assertThat(pairs).containsExactly(Tuples.of(2.5, 4), Tuples.of(3.0, 4));
        assertThat(triples).containsExactly(Tuples.of(2.5, 4, "n"), Tuples.of(3.0, 4, "n"));
        assertThat(prices.combineLatestWith(amounts)).hasToString("combineLatestWith");
    }

    @Test
    void combineLatestWithHoldsTheLatestRefsOnlyAndNamesItsFailures() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(a.combineLatestWith(b, (x, y) -> x / y)).sinkToList();
        RefCounter first = new RefCounter();
        RefCounter second = new RefCounter();
        a.emit(1, Metadata.ref(first));
        b.emit(1);
        assertThat(first.count()).isEqualTo(1);
        a.emit(2, Metadata.ref(second));
        assertThat(first.count()).isZero();
        assertThat(second.count()).isEqualTo(1);
        assertThat(md).containsExactly(List.of(Map.of("ref", first)), List.of(Map.of("ref", second)));
        assertThatThrownBy(() -> b.emit(0))
                .isInstanceOf(NodeException.class)
                .hasMessageStartingWith("combineLatestWith failed on element [2, 0]")
                .hasCauseInstanceOf(ArithmeticException.class);
        assertThat(second.count()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- zipLatest

    @Test
    void zipLatestEmitsEveryLosslessElement() {
        // streamz test_zip_latest
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> out = a.zipLatest(b).sinkToList();
        List<List<Object>> out2 = a.combineLatest(List.of(b), List.of(a)).sinkToList();
        a.emit(1);
        a.emit(2);
        b.emit("a");
        b.emit("b");
        a.emit(3);
        assertThat(out).containsExactly(List.of(1, "a"), List.of(2, "a"), List.of(3, "b"));
        assertThat(out2).containsExactly(List.of(3, "b"));
    }

    @Test
    void zipLatestReverseAndTriple() {
        // streamz test_zip_latest_reverse and test_triple_zip_latest
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> out = a.zipLatest(b).sinkToList();
        b.emit("a");
        a.emit(1);
        a.emit(2);
        a.emit(3);
        b.emit("b");
        a.emit(4);
        assertThat(out).containsExactly(List.of(1, "a"), List.of(2, "a"), List.of(3, "a"), List.of(4, "b"));

        Stream<Integer> s1 = Stream.create();
        Stream<String> s2 = Stream.create();
        Stream<String> s3 = Stream.create();
        List<List<Object>> triple = s1.zipLatest(s2, s3).sinkToList();
        s1.emit(1);
        s2.emit("I");
        s2.emit("II");
        s1.emit(2);
        s2.emit("III");
        s3.emit("a");
        s3.emit("b");
        s1.emit(3);
        assertThat(triple).containsExactly(List.of(1, "III", "a"), List.of(2, "III", "a"), List.of(3, "III", "b"));
    }

    @Test
    void zipLatestRefCountsAsStreamz() {
        // streamz test_zip_latest_ref_counts
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        a.zipLatest(b);
        RefCounter ref1 = new RefCounter();
        a.emit(1, Metadata.ref(ref1));
        assertThat(ref1.count()).isEqualTo(1);
        RefCounter ref2 = new RefCounter();
        b.emit(2, Metadata.ref(ref2));
        assertThat(ref1.count()).isZero();
        assertThat(ref2.count()).isEqualTo(1);
        RefCounter ref3 = new RefCounter();
        b.emit(3, Metadata.ref(ref3));
        assertThat(ref2.count()).isZero();
        assertThat(ref3.count()).isEqualTo(1);
        RefCounter ref4 = new RefCounter();
        a.emit(3, Metadata.ref(ref4));
        assertThat(ref3.count()).isEqualTo(1);
        assertThat(ref4.count()).isZero();
    }

    @Test
    void zipLatestMetadataAsStreamz() {
        // streamz test_zip_latest_metadata
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(a.zipLatest(b)).sinkToList();
        a.emit(1, Metadata.v(1));
        b.emit(2, Metadata.v(2));
        a.emit(3);
        b.emit(4, Metadata.v(4));
        assertThat(md).containsExactly(List.of(Map.of("v", 1), Map.of("v", 2)), Metadata.v(2));
    }

    @Test
    void zipLatestReleasesItsBufferWhenDestroyed() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        Stream<List<Object>> z = a.zipLatest(b);
        RefCounter ref = new RefCounter();
        a.emit(1, Metadata.ref(ref));
        b.emit(2, Metadata.ref(ref));
        b.emit(3, Metadata.ref(ref));
        assertThat(ref.count()).isEqualTo(1);
        z.destroy();
        assertThat(ref.count()).isZero();
    }

    // ---------------------------------------------------------------- union

    @Test
    void unionForwardsEverythingAtOnce() {
        // streamz test_union
        Stream<Integer> a = Stream.create();
        Stream<Integer> b = Stream.create();
        Stream<Integer> c = Stream.create();
        List<Integer> out = a.union(b, c).sinkToList();
        a.emit(1);
        assertThat(out).containsExactly(1);
        b.emit(2);
        assertThat(out).containsExactly(1, 2);
        a.emit(3);
        c.emit(4);
        assertThat(out).containsExactly(1, 2, 3, 4);
    }

    @Test
    void unionTakesNewUpstreamsAndPassesMetadata() {
        // streamz test_multi_connect
        Stream<Integer> s0 = Stream.create();
        Stream<Integer> s1 = Stream.create();
        Stream<Integer> u = s0.union(s1);
        List<Integer> out = u.map(x -> x + 1).sinkToList();
        Stream<Integer> up = Stream.create();
        up.connect(u);
        RefCounter ref = new RefCounter();
        up.emit(2, Metadata.ref(ref));
        up.emit(4);
        assertThat(out).containsExactly(3, 5);
        assertThat(ref.count()).isZero();
    }

    @Test
    void unionRejectsNulls() {
        Stream<Integer> a = Stream.create();
        assertThatThrownBy(() -> a.union(Stream.create(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("union: others element is null");
    }

    // ---------------------------------------------------------------- helpers

    private static <X> X guarded(X x, AtomicInteger inside, AtomicInteger overlaps) {
        if (inside.incrementAndGet() != 1) {
            overlaps.incrementAndGet();
        }
        inside.decrementAndGet();
        return x;
    }

    private static Thread emitter(Stream<Integer> s, int n, CountDownLatch go) {
        Thread t = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < n; i++) {
                s.emit(i);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
