package io.streamz.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.testing.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    private String file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p.toString();
    }

    private static void append(String path, String content) throws IOException {
        Files.writeString(Path.of(path), content, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** A row in column order, values as given. */
    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    record Price(String symbol, double price) {
    }

    @Test
    void fromCsvEmitsEveryRowAsAMapWithTypedColumnsThenStops() throws IOException {
        String path = file("prices.csv", "symbol,price,volume\nACME,12.5,100\nINIT,3,\n");
        FileSource<Map<String, Object>> rows = Csv.fromCsv(path, FileOptions.defaults()
                .withColumnType("price", Double.class).withColumnType("volume", Long.class));
        List<Map<String, Object>> out = rows.sinkToList();

        rows.start();

        assertThat(out).containsExactly(row("symbol", "ACME", "price", 12.5, "volume", 100L),
                row("symbol", "INIT", "price", 3.0, "volume", null));
        assertThat(List.copyOf(out.get(0).keySet())).containsExactly("symbol", "price", "volume");
        assertThat(rows.finished()).isCompleted();
        assertThat(rows.isStarted()).isFalse();
        assertThatThrownBy(() -> out.get(0).put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fromCsvMapsRowsOntoRecords() throws IOException {
        String path = file("prices.csv", "symbol,price\nACME,12.5\nINIT,3\n");
        FileSource<Price> prices = Csv.fromCsv(path, Price.class);
        List<Price> out = prices.sinkToList();

        prices.start();

        assertThat(out).containsExactly(new Price("ACME", 12.5), new Price("INIT", 3));
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        String path = file("q.csv", "a;b\r\n\"x;y\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";\r\n\nlast;no newline");
        FileSource<Map<String, Object>> rows = Csv.fromCsv(path, FileOptions.defaults().withSeparator(';'));
        List<Map<String, Object>> out = rows.sinkToList();

        rows.start();

        assertThat(out).containsExactly(row("a", "x;y", "b", "say \"hi\""), row("a", "two\nlines", "b", ""),
                row("a", "last", "b", "no newline"));
    }

    @Test
    void withoutAHeaderTheColumnsAreGiven() throws IOException {
        String path = file("n.csv", "1,2\n3,4\n");
        FileSource<Map<String, Object>> rows = Csv.fromCsv(path,
                FileOptions.defaults().withHeader(false).withColumns("x", "y").withColumnType("x", Integer.class));
        List<Map<String, Object>> out = rows.sinkToList();

        rows.start();

        assertThat(out).containsExactly(row("x", 1, "y", "2"), row("x", 3, "y", "4"));
        assertThatThrownBy(() -> Csv.fromCsv(path, FileOptions.defaults().withHeader(false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromCsv: a file without a header needs columns (FileOptions.withColumns)");
    }

    @Test
    void malformedRowsAreSkippedAndCounted() throws IOException {
        String path = file("bad.csv", "x,y\n1,2\n1,2,3\nnot a number,4\n5,6\n\"unclosed,7\n");
        FileSource<Map<String, Object>> rows = Csv.fromCsv(path, FileOptions.defaults().withColumnType("x", Integer.class));
        List<Map<String, Object>> out = rows.sinkToList();

        rows.start();

        assertThat(out).containsExactly(row("x", 1, "y", "2"), row("x", 5, "y", "6"));
        assertThat(rows.malformedCount()).isEqualTo(3);
        assertThat(rows.finished()).isCompleted();
    }

    @Test
    void tailingEmitsAppendedRowsOnEveryPoll() throws IOException {
        String path = file("live.csv", "x,y\n1,a\n");
        FileSource<Map<String, Object>> rows = Csv.fromCsv(path,
                FileOptions.defaults().withTail(true).withPollInterval("1s").withColumnType("x", Integer.class));
        List<Map<String, Object>> out = rows.sinkToList();

        rows.start();
        assertThat(out).containsExactly(row("x", 1, "y", "a"));

        append(path, "2,b\n3,\"half");
        clock.advanceTimeBy(Duration.ofMillis(999));
        assertThat(out).hasSize(1);
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(out).containsExactly(row("x", 1, "y", "a"), row("x", 2, "y", "b"));

        append(path, "\nway\"\n");
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(out).last().isEqualTo(row("x", 3, "y", "half\nway"));
        assertThat(rows.isStarted()).isTrue();
        assertThat(rows.finished()).isNotDone();

        rows.stop();
        append(path, "4,d\n");
        clock.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(out).hasSize(3);
    }

    @Test
    void tailingAnEmptyFileWaitsForItsHeader() throws IOException {
        String path = file("empty.csv", "");
        FileSource<Map<String, Object>> rows = Csv.fromCsv(path, FileOptions.defaults().withTail(true).withPollInterval("1s"));
        List<Map<String, Object>> out = rows.sinkToList();

        rows.start();
        append(path, "a,b\n");
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(out).isEmpty();
        append(path, "1,2\n");
        clock.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(out).containsExactly(row("a", "1", "b", "2"));
        rows.stop();
    }

    @Test
    void aMissingFileFailsTheStartNamingIt() {
        String path = dir.resolve("missing.csv").toString();
        FileSource<Map<String, Object>> rows = Csv.fromCsv(path);

        assertThatThrownBy(rows::start).isInstanceOf(UncheckedIOException.class)
                .hasMessage("fromCsv(path=\"" + path + "\"): cannot read \"" + path + "\": no such file");
        assertThat(rows.finished()).isCompletedExceptionally();
        assertThat(rows.isStarted()).isFalse();
    }

    @Test
    void aFailingGraphStopsTheSource() throws IOException {
        String path = file("f.csv", "x\n1\n0\n2\n");
        FileSource<Map<String, Object>> rows = Csv.fromCsv(path, FileOptions.defaults().withColumnType("x", Integer.class));
        List<Integer> out = rows.map(r -> 10 / (Integer) r.get("x")).sinkToList();
        Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> { });
        try {
            rows.start();
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(previous);
        }

        assertThat(out).containsExactly(10);
        assertThat(rows.isStarted()).isFalse();
        assertThat(rows.finished()).isCompletedExceptionally();
        assertThatThrownBy(() -> rows.finished().join()).hasCauseInstanceOf(NodeException.class);
    }

    @Test
    void sinkToCsvWritesAHeaderThenOneFlushedRowPerElement() throws IOException {
        Path path = dir.resolve("out.csv");
        Stream<Object> rows = Stream.create();
        CsvSink<Object> sink = rows.as(Csv.sinkToCsv(path.toString()));

        rows.emit(row("symbol", "ACME", "price", 12.5, "note", "a, \"quoted\" note"));
        rows.emit(new Price("INIT", 3));
        assertThat(Files.readString(path)).isEqualTo(
                "symbol,price,note\nACME,12.5,\"a, \"\"quoted\"\" note\"\nINIT,3.0,\n");

        assertThatThrownBy(() -> rows.emit("just text")).isInstanceOf(NodeException.class)
                .hasMessageStartingWith("sinkToCsv(path=\"" + path + "\") failed on element \"just text\"");
        sink.destroy();
        rows.emit(row("symbol", "LATE"));
        assertThat(Files.readString(path)).doesNotContain("LATE");
    }

    @Test
    void sinkToCsvAppendsToAFileThatHasRowsWithoutASecondHeader() throws IOException {
        Path path = dir.resolve("more.csv");
        Files.writeString(path, "b,a\n1,2\n");
        Stream<Map<String, Object>> rows = Stream.create();
        CsvSink<Map<String, Object>> sink = rows.as(Csv.sinkToCsv(path.toString(), FileOptions.defaults().withColumns("b", "a")));

        rows.emit(row("a", 4, "b", 3, "ignored", 0));
        sink.destroy();

        assertThat(Files.readString(path)).isEqualTo("b,a\n1,2\n3,4\n");
    }

    @Test
    void whatSinkToCsvWritesFromCsvReadsBack() throws IOException {
        Path path = dir.resolve("round.csv");
        Stream<Price> prices = Stream.create();
        CsvSink<Price> sink = prices.as(Csv.sinkToCsv(path.toString()));
        prices.emit(new Price("A,B", 1.5));
        prices.emit(new Price("multi\nline", -2));
        sink.destroy();

        FileSource<Price> back = Csv.fromCsv(path.toString(), Price.class);
        List<Price> out = back.sinkToList();
        back.start();

        assertThat(out).containsExactly(new Price("A,B", 1.5), new Price("multi\nline", -2));
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> Csv.fromCsv(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("fromCsv: path is null");
        assertThatThrownBy(() -> FileOptions.defaults().withSeparator('"')).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FileOptions: separator must not be a quote or a line break, was '\"'");
        assertThatThrownBy(() -> FileOptions.defaults().withPollInterval("0s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FileOptions: pollInterval must be > 0, was 0s");
        assertThat(FileOptions.defaults().withPollInterval("250ms").toString()).contains("pollInterval=250ms");
        assertThatThrownBy(() -> Stream.create().as(Csv.sinkToCsv(dir.toString())))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("sinkToCsv: cannot write \"" + dir);
    }
}
