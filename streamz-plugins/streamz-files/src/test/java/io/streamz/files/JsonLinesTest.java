package io.streamz.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.SourceProvider;
import io.streamz.testing.VirtualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    record Event(int id, String level) {
    }

    private Path file(String content) throws IOException {
        Path p = dir.resolve("events.jsonl");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void fromJsonlEmitsEveryLineAndSkipsBlankAndMalformedOnes() throws IOException {
        Path path = file("{\"id\":1,\"level\":\"info\"}\n\n{\"id\":2,\"level\":\"error\",\"tags\":[\"a\"]}\nnot json\n{\"id\":3}");
        FileSource<Map<String, Object>> events = JsonLines.fromJsonl(path.toString());
        List<Map<String, Object>> out = events.sinkToList();

        events.start();

        assertThat(out).containsExactly(Map.of("id", 1, "level", "info"),
                Map.of("id", 2, "level", "error", "tags", List.of("a")), Map.of("id", 3));
        assertThat(events.malformedCount()).isEqualTo(1);
        assertThat(events.finished()).isCompleted();
    }

    @Test
    void fromJsonlReadsRecordsAndFollowsTheFile() throws IOException {
        Path path = file("{\"id\":1,\"level\":\"info\"}\n");
        FileSource<Event> events = JsonLines.fromJsonl(path.toString(), Event.class,
                FileOptions.defaults().withTail(true).withPollInterval("100ms"));
        List<Event> out = events.sinkToList();

        events.start();
        Files.writeString(path, "{\"id\":2,\"level\":\"warn\"}\n{\"id\":3,", StandardOpenOption.APPEND);
        clock.advanceTimeBy(Duration.ofMillis(100));
        assertThat(out).containsExactly(new Event(1, "info"), new Event(2, "warn"));

        Files.writeString(path, "\"level\":\"error\"}\n", StandardOpenOption.APPEND);
        clock.advanceTimeBy(Duration.ofMillis(100));
        assertThat(out).containsExactly(new Event(1, "info"), new Event(2, "warn"), new Event(3, "error"));
        events.stop();
    }

    @Test
    void sinkToJsonlWritesOneLineOfJsonPerElement() throws IOException {
        Path path = dir.resolve("out.jsonl");
        Stream<Object> events = Stream.create();
        JsonLinesSink<Object> sink = events.as(JsonLines.sinkToJsonl(path.toString()));

        events.emit(Map.of("id", 1));
        events.emit(new Event(2, "multi\nline"));
        events.emit(List.of(1, 2));
        events.emit("text");
        events.emit(null);
        assertThat(Files.readAllLines(path)).containsExactly("{\"id\":1}", "{\"id\":2,\"level\":\"multi\\nline\"}",
                "[1,2]", "\"text\"", "null");

        assertThatThrownBy(() -> events.emit(new Object())).isInstanceOf(NodeException.class)
                .hasMessageStartingWith("sinkToJsonl(path=\"" + path + "\") failed on element java.lang.Object@");
        sink.destroy();

        FileSource<Event> back = JsonLines.fromJsonl(path.toString(), Event.class);
        List<Event> out = back.sinkToList();
        back.start();
        assertThat(out).containsExactly(new Event(1, null), new Event(2, "multi\nline"));
        assertThat(back.malformedCount()).isEqualTo(3);   // [1,2] and "text" are no Events, null is no element
    }

    @Test
    void pluginsBuildTheSameNodes() throws IOException {
        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "a\n1\n");
        SourceProvider fromCsv = ServiceLoader.load(SourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("from_csv")).findFirst().orElseThrow();
        NodeProvider sinkToJsonl = ServiceLoader.load(NodeProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("sink_to_jsonl")).findFirst().orElseThrow();
        List<String> names = ServiceLoader.load(SourceProvider.class).stream().map(p -> p.get().name()).toList();
        List<String> nodes = ServiceLoader.load(NodeProvider.class).stream().map(p -> p.get().name()).toList();

        FileSource<?> rows = (FileSource<?>) Stream.source("from_csv", csv.toString());
        Path out = dir.resolve("p.jsonl");
        Stream<?> sink = rows.plugin("sink_to_jsonl", out.toString());
        assertThat(sinkToJsonl.create(Stream.create(), dir.resolve("other.jsonl").toString()))
                .isInstanceOf(JsonLinesSink.class);
        rows.start();
        sink.destroy();

        assertThat(names).contains("from_csv", "from_jsonl");
        assertThat(nodes).contains("sink_to_csv", "sink_to_jsonl");
        assertThat(Files.readString(out)).isEqualTo("{\"a\":\"1\"}\n");
        assertThatThrownBy(() -> fromCsv.create(42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plugin \"from_csv\": argument 1 must be a String, was Integer 42");
    }
}
