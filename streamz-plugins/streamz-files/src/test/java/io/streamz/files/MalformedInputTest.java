package io.streamz.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Broken files cost the broken records only: each is counted (or fails the source), the rest arrives. */
class MalformedInputTest {
    @TempDir
    Path dir;

    @BeforeEach
    void virtualTime() {
        VirtualTimeScheduler.getOrSet();
    }

    @AfterEach
    void realTime() {
        VirtualTimeScheduler.reset();
    }

    private String file(byte[] content) throws IOException {
        Path p = dir.resolve("data");
        Files.write(p, content);
        return p.toString();
    }

    private String file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    private static <R> List<R> readAll(FileSource<R> source) {
        List<R> out = source.sinkToList();
        source.start();
        source.finished().join();
        return out;
    }

    private static String goodRows(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("item").append(i).append(',').append(i).append('\n');
        }
        return b.toString();
    }

    @Test
    void aStrayQuoteCostsItsOwnLineOnly() throws IOException {
        FileSource<Map<String, Object>> rows = Csv.fromCsv(file("name,size\nTV,55\" screen\n" + goodRows(1_000)));

        List<Map<String, Object>> out = readAll(rows);

        assertThat(out).hasSize(1_000);
        assertThat(out.get(0)).containsEntry("name", "item0");
        assertThat(rows.malformedCount()).isEqualTo(1);
    }

    @Test
    void anUnclosedQuotedFieldCostsItsFirstLineAndReadingGoesOnAtTheNext() throws IOException {
        FileSource<Map<String, Object>> rows = Csv.fromCsv(file("name,size\nTV,\"55 screen\n" + goodRows(10)));

        List<Map<String, Object>> out = readAll(rows);

        assertThat(out).hasSize(10);
        assertThat(rows.malformedCount()).isEqualTo(1);
    }

    @Test
    void quotedFieldsStillSpanLinesAndDoubleTheirQuotes() throws IOException {
        List<Map<String, Object>> out = readAll(Csv.fromCsv(file("name,size\n\"TV, \"\"55\"\"\nscreen\",1\n")));

        assertThat(out).containsExactly(Map.of("name", "TV, \"55\"\nscreen", "size", "1"));
    }

    @Test
    void failOnMalformedStopsTheSourceNamingTheLine() throws IOException {
        FileSource<Map<String, Object>> rows = Csv.fromCsv(file("name,size\nok,1\nTV,55\" screen\nnever,3\n"),
                FileOptions.defaults().withFailOnMalformed(true));
        List<Map<String, Object>> out = rows.sinkToList();
        Thread.UncaughtExceptionHandler quiet = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> { });
        try {
            rows.start();
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(quiet);
        }

        assertThat(out).containsExactly(Map.of("name", "ok", "size", "1"));
        assertThat(rows.finished()).isCompletedExceptionally();
        assertThat(rows.finished().handle((r, e) -> e).join())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed record at line 3: a stray quote in field 2 (column 6)");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = "name,size\nTV,55\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(bom, bom.length + csv.length);
        System.arraycopy(csv, 0, content, bom.length, csv.length);

        assertThat(readAll(Csv.fromCsv(file(content)))).containsExactly(Map.of("name", "TV", "size", "55"));
        assertThat(readAll(JsonLines.fromJsonl(file(concat(bom, "{\"a\":1}\n"))))).containsExactly(Map.of("a", 1));
    }

    private static byte[] concat(byte[] a, String b) {
        byte[] bb = b.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(a, a.length + bb.length);
        System.arraycopy(bb, 0, out, a.length, bb.length);
        return out;
    }

    @Test
    void invalidUtf8IsMalformedNotAReplacementCharacter() throws IOException {
        byte[] latin1 = "name,size\nok,1\ncaf\u00e9,2\nfine,3\n".getBytes(StandardCharsets.ISO_8859_1);   // é is 0xE9
        FileSource<Map<String, Object>> rows = Csv.fromCsv(file(latin1));

        List<Map<String, Object>> out = readAll(rows);

        assertThat(out).containsExactly(Map.of("name", "ok", "size", "1"), Map.of("name", "fine", "size", "3"));
        assertThat(rows.malformedCount()).isEqualTo(1);
    }

    @Test
    void instantColumnsTakeIso8601AndEpochMillis() throws IOException {
        FileSource<Map<String, Object>> rows = Csv.fromCsv(
                file("at,v\n2024-05-01T12:00:00Z,1\n2024-05-01T14:00:00+02:00,2\n1714564800000,3\nyesterday,4\n"),
                FileOptions.defaults().withColumnType("at", Instant.class));

        List<Map<String, Object>> out = readAll(rows);

        Instant noon = Instant.parse("2024-05-01T12:00:00Z");
        assertThat(out).extracting(r -> r.get("at")).containsExactly(noon, noon, noon);
        assertThat(rows.malformedCount()).isEqualTo(1);
    }

    @Test
    void numbersBeyondADoubleAreMalformedNotInfinity() throws IOException {
        FileSource<Map<String, Object>> rows = Csv.fromCsv(file("x\n1e400\n-1e400\n1.5\n"),
                FileOptions.defaults().withColumnType("x", Double.class));
        assertThat(readAll(rows)).containsExactly(Map.of("x", 1.5));
        assertThat(rows.malformedCount()).isEqualTo(2);

        FileSource<Map<String, Object>> json = JsonLines.fromJsonl(file("{\"x\":1e400}\n{\"x\":[1,-1e400]}\n{\"x\":1.5}\n"));
        assertThat(readAll(json)).containsExactly(Map.of("x", 1.5));
        assertThat(json.malformedCount()).isEqualTo(2);
    }

    @Test
    void aJsonLineHoldsExactlyOneValueAndNullIsNoElement() throws IOException {
        FileSource<Map<String, Object>> json = JsonLines.fromJsonl(
                file("{\"a\":1}{\"a\":2}\n{\"a\":3} trailing\nnull\n{\"a\":4}\n"));

        assertThat(readAll(json)).containsExactly(Map.of("a", 4));
        assertThat(json.malformedCount()).isEqualTo(3);
    }

    @Test
    void aLineOverTheLimitIsMalformedAndTheNextLineIsRead() throws IOException {
        String content = "name,size\n" + "x".repeat(5_000) + ",1\nok,2\n";
        FileSource<Map<String, Object>> rows = Csv.fromCsv(file(content), FileOptions.defaults().withMaxLineLength(1_000));

        assertThat(readAll(rows)).containsExactly(Map.of("name", "ok", "size", "2"));
        assertThat(rows.malformedCount()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void a64MegabyteLineWithoutALineBreakIsRejectedInOnePass() throws IOException {
        Path p = dir.resolve("huge.jsonl");
        try (OutputStream o = Files.newOutputStream(p)) {
            o.write("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 64; i++) {
                o.write(block);
            }
        }
        FileSource<Map<String, Object>> json = JsonLines.fromJsonl(p.toString());

        assertThat(readAll(json)).containsExactly(Map.of("a", 1));
        assertThat(json.malformedCount()).isEqualTo(1);
    }

    @Test
    void manyMalformedLinesBetweenGoodOnesAreEachCounted() throws IOException {
        List<String> lines = new ArrayList<>(List.of("name,size"));
        IntStream.range(0, 100).forEach(i -> lines.add(i % 2 == 0 ? "good" + i + "," + i : "bad\"" + i + "," + i));
        FileSource<Map<String, Object>> rows = Csv.fromCsv(file(String.join("\n", lines) + "\n"));

        assertThat(readAll(rows)).hasSize(50);
        assertThat(rows.malformedCount()).isEqualTo(50);
    }
}
