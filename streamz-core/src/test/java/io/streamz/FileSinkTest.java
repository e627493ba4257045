package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    @TempDir
    Path dir;

    @Test
    void appendsOneLinePerElementFlushedAsItGoes() throws IOException {
        Path file = dir.resolve("test.txt");
        Stream<Integer> source = Stream.create();
        Stream<String> sink = source.map(String::valueOf).sinkToTextfile(file.toString());
        source.emit(0);
        assertThat(Files.readString(file)).isEqualTo("0\n");     // flushed, file still open
        source.emit(1);
        assertThat(Files.readString(file)).isEqualTo("0\n1\n");
        sink.destroy();
    }

    @Test
    void appendsToWhatTheFileHeld() throws IOException {
        Path file = dir.resolve("test.txt");
        Files.writeString(file, "before\n");
        Stream<String> source = Stream.create();
        Stream<String> sink = source.sinkToTextfile(file.toString());
        source.emit("after");
        sink.destroy();
        assertThat(Files.readString(file)).isEqualTo("before\nafter\n");
    }

    @Test
    void writesToStringOfAnyElementAndACustomEnd() throws IOException {
        Path file = dir.resolve("test.csv");
        Stream<Object> source = Stream.create();
        Stream<Object> sink = source.sinkToTextfile(file.toString(), "\r\n");
        source.emit(List.of(1, 2));
        source.emit(null);
        source.emit("€");
        sink.destroy();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("[1, 2]\r\nnull\r\n€\r\n");
    }

    @Test
    void destroyClosesTheFileAndDisconnects() throws IOException {
        Path file = dir.resolve("test.txt");
        Stream<String> source = Stream.create();
        Stream<String> sink = source.sinkToTextfile(file.toString());
        source.emit("a");
        sink.destroy();
        sink.destroy();                                   // idempotent
        assertThat(source.downstreams()).isEmpty();
        source.emit("b");                                 // goes nowhere
        assertThat(Files.readString(file)).isEqualTo("a\n");
        Files.delete(file);                               // nothing holds it open
        assertThat(file).doesNotExist();
    }

    @Test
    void aDestroyedSinkFedDirectlyFailsClearly() {
        Path file = dir.resolve("test.txt");
        Stream<String> source = Stream.create();
        Stream<String> sink = source.sinkToTextfile(file.toString());
        sink.destroy();
        source.connect(sink);
        assertThatThrownBy(() -> source.emit("late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sinkToTextfile(path=\"" + file + "\")")
                .hasMessageContaining("closed");
    }

    @Test
    void passesElementsOnAndHoldsNoRefs() {
        Path file = dir.resolve("test.txt");
        Stream<Integer> source = Stream.create();
        Stream<Integer> sink = source.sinkToTextfile(file.toString());
        List<Integer> after = sink.sinkToList();
        RefCounter ref = new RefCounter();
        source.emit(1, List.of(Map.of("ref", ref)));
        assertThat(ref.count()).isZero();
        assertThat(after).isEmpty();                       // a sink emits nothing, as in streamz
        sink.destroy();
    }

    @Test
    void aFileThatCannotBeOpenedFailsNamingNodeAndPathAndLeavesNoNode() {
        String bad = dir.resolve("no/such/dir/out.txt").toString();
        Stream<String> source = Stream.create();
        assertThatThrownBy(() -> source.sinkToTextfile(bad))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("sinkToTextfile")
                .hasMessageContaining("\"" + bad + "\"");
        assertThat(source.downstreams()).isEmpty();
    }

    @Test
    void badArguments() {
        Stream<String> source = Stream.create();
        assertThatThrownBy(() -> source.sinkToTextfile(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("sinkToTextfile: path is null");
        assertThatThrownBy(() -> source.sinkToTextfile("x.txt", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("sinkToTextfile: end is null");
        assertThat(source.downstreams()).isEmpty();
    }
}
