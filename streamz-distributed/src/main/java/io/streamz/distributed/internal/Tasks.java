package io.streamz.distributed.internal;

import io.streamz.distributed.SerializableBiFunction;
import io.streamz.distributed.SerializableFunction;
import io.streamz.distributed.SerializablePredicate;
import io.streamz.distributed.Task;

/** The tasks the distributed nodes send: a function with the element(s) it applies to. */
public final class Tasks {
    private Tasks() {
    }

    /** {@code func(x)}. */
    public record Apply<T, R>(SerializableFunction<? super T, ? extends R> func, T x) implements Task<R> {
        private static final long serialVersionUID = 1L;

        @Override
        public R call() {
            return func.apply(x);
        }
    }

    /** {@code func(a, b)}: starmap's splayed pair, accumulate's state and element. */
    public record Apply2<A, B, R>(SerializableBiFunction<? super A, ? super B, ? extends R> func, A a, B b)
            implements Task<R> {
        private static final long serialVersionUID = 1L;

        @Override
        public R call() {
            return func.apply(a, b);
        }
    }

    /** {@code x} if {@code predicate(x)}, else {@link Empty#ELEMENT}. */
    public record Test<T>(SerializablePredicate<? super T> predicate, T x) implements Task<Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object call() {
            return predicate.test(x) ? x : Empty.ELEMENT;
        }
    }
}
