package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The checked-function adapters, in the operators they are for. */
class UncheckedTest {

    @Test
    void aCheckedFunctionFitsMapAndItsFailureNamesTheNode() {
        Stream<String> lines = Stream.create();
        List<URI> out = lines.map(Unchecked.function(s -> new URI(s))).sinkToList();
        lines.emit("https://example.org/a");
        assertThat(out).containsExactly(URI.create("https://example.org/a"));
        assertThatThrownBy(() -> lines.emit("not a uri"))
                .isInstanceOf(NodeException.class)
                .hasMessage("map failed on element \"not a uri\": java.lang.reflect.UndeclaredThrowableException:"
                        + " java.net.URISyntaxException: Illegal character in path at index 3: not a uri")
                .cause().isInstanceOf(UndeclaredThrowableException.class)
                .cause().isInstanceOf(java.net.URISyntaxException.class);
    }

    @Test
    void anIOExceptionBecomesAnUncheckedIOException() {
        Stream<String> source = Stream.create();
        source.sink(Unchecked.consumer(s -> {
            throw new IOException("disk full");
        }));
        assertThatThrownBy(() -> source.emit("x"))
                .isInstanceOf(NodeException.class)
                .cause().isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("disk full");
    }

    @Test
    void runtimeExceptionsPassUnwrappedAndInterruptsAreKept() {
        Stream<Integer> source = Stream.create();
        source.filter(Unchecked.predicate(x -> 10 / x > 1));
        assertThatThrownBy(() -> source.emit(0))
                .isInstanceOf(NodeException.class).cause().isInstanceOf(ArithmeticException.class);

        assertThatThrownBy(() -> Unchecked.supplier(() -> {
            throw new InterruptedException("stop");
        }).get()).isInstanceOf(UndeclaredThrowableException.class).hasMessage("java.lang.InterruptedException: stop");
        assertThat(Thread.interrupted()).isTrue();   // the flag was set again; interrupted() clears it
    }

    @Test
    void everyAdapterPassesValuesThrough() {
        Stream<Integer> source = Stream.create();
        List<Integer> sums = source.accumulate(Unchecked.biFunction((Integer a, Integer b) -> a + b), 0).sinkToList();
        List<Integer> kept = source.filter(Unchecked.predicate(x -> x > 1)).sinkToList();
        AtomicReference<Integer> last = new AtomicReference<>();
        source.sink(Unchecked.consumer(last::set));
        source.emit(1);
        source.emit(2);
        assertThat(sums).containsExactly(1, 3);
        assertThat(kept).containsExactly(2);
        assertThat(last).hasValue(2);
        assertThat(Unchecked.supplier(() -> "x").get()).isEqualTo("x");
    }

    @Test
    void nullFunctionsAreRefused() {
        assertThatThrownBy(() -> Unchecked.function(null)).hasMessage("Unchecked.function: func is null");
        assertThatThrownBy(() -> Unchecked.biFunction(null)).hasMessage("Unchecked.biFunction: func is null");
        assertThatThrownBy(() -> Unchecked.predicate(null)).hasMessage("Unchecked.predicate: predicate is null");
        assertThatThrownBy(() -> Unchecked.consumer(null)).hasMessage("Unchecked.consumer: consumer is null");
        assertThatThrownBy(() -> Unchecked.supplier(null)).hasMessage("Unchecked.supplier: supplier is null");
    }
}
