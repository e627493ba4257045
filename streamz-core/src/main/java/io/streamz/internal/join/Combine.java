package io.streamz.internal.join;

import io.streamz.internal.util.Lists;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;
import reactor.util.function.Tuples;

/**
 * What a join makes of the values of its inputs, one per upstream position: streamz's list, or
 * the typed forms' tuple or function result. A typed form has a fixed number of inputs.
 *
 * @param <R> what the join emits
 */
public final class Combine<R> {
    private final String kind;
    private final int inputs;
    private final Function<Object[], ? extends R> func;

    private Combine(String kind, int inputs, Function<Object[], ? extends R> func) {
        this.kind = kind;
        this.inputs = inputs;
        this.func = func;
    }

    /** streamz's immutable list of the values, for any number of inputs. */
    public static Combine<List<Object>> list(String kind) {
        return new Combine<>(kind, -1, Lists::ofOwned);
    }

    /** {@code func} of the two values. */
    @SuppressWarnings("unchecked")
    public static <A, B, R> Combine<R> of(String kind, BiFunction<? super A, ? super B, ? extends R> func) {
        return new Combine<>(kind, 2, v -> func.apply((A) v[0], (B) v[1]));
    }

    /** A Reactor {@code Tuple2} of the two values. */
    public static <A, B> Combine<Tuple2<A, B>> tuple2(String kind) {
        return of(kind, (A a, B b) -> Tuples.of(a, b));
    }

    /** A Reactor {@code Tuple3} of the three values. */
    @SuppressWarnings("unchecked")
    public static <A, B, C> Combine<Tuple3<A, B, C>> tuple3(String kind) {
        return new Combine<>(kind, 3, v -> Tuples.of((A) v[0], (B) v[1], (C) v[2]));
    }

    /** The node's kind: {@code zip}, {@code zipWith}, {@code combineLatest} ... */
    String kind() {
        return kind;
    }

    /** The value to emit for {@code values}, an array nobody else holds; may throw what the user's function throws. */
    R apply(Object[] values) {
        return func.apply(values);
    }

    /** Throws when a typed form would lose or gain an input. */
    void checkRewiring(String what, Object upstream) {
        if (inputs >= 0) {
            throw new IllegalStateException(kind + ": cannot " + what + " " + upstream + ": the typed form joins exactly "
                    + inputs + " streams; use " + (kind.startsWith("zip") ? "zip" : "combineLatest") + "(...) to rewire");
        }
    }
}
