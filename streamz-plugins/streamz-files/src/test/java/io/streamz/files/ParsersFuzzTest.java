package io.streamz.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Generated CSV and JSON-lines input: every record is an element or counted malformed, with a
 * clear message; nothing else happens (no other exception, no hang, no record lost silently).
 */
class ParsersFuzzTest {
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("streamz-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 2_000)
    void csvFieldsRoundTripThroughQuoting(@ForAll("fieldLists") List<String> fields) {
        String record = String.join(",", fields.stream().map(ParsersFuzzTest::quote).toList());
        assertThat(CsvFormat.fields(record, ',')).isEqualTo(fields);
    }

    @Property(tries = 2_000)
    void anyCsvLineIsFieldsAnOpenRecordOrRefusedWithAReason(@ForAll("csvish") String line) {
        try {
            List<String> fields = CsvFormat.fields(line, ',');
            if (fields != null) {
                assertThat(fields).isNotEmpty();
            }
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).matches("(a stray quote|text after the closing quote) .*");
        }
    }

    @Property(tries = 2_000)
    void anyJsonLineIsOneElementNoneOrRefused(@ForAll("jsonish") String line) {
        JsonLinesFormat<Object> format = new JsonLinesFormat<>(Object.class);
        try {
            List<Object> out = format.parse(line);
            assertThat(out).hasSizeLessThanOrEqualTo(1).doesNotContainNull();
        } catch (Exception refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(refused).isNotInstanceOfAny(NullPointerException.class, IllegalStateException.class,
                    ClassCastException.class, IndexOutOfBoundsException.class);
        }
    }

    @Property(tries = 300)
    void anyFileIsReadToTheEndWithEveryLineAccountedFor(@ForAll("files") byte[] content) throws IOException {
        Path p = Files.createTempFile(dir, "fuzz", ".csv");
        Files.write(p, content);
        FileSource<Map<String, Object>> rows = Csv.fromCsv(p.toString(),
                FileOptions.defaults().withMaxLineLength(64).withScheduler(VirtualTimeScheduler.create()));
        List<Map<String, Object>> out = rows.sinkToList();
        rows.start();

        assertThat(rows.finished()).isCompleted();
        long lines = lineCount(content);
        assertThat(out.size() + rows.malformedCount()).isLessThanOrEqualTo(lines);
        FileSource<Object> json = JsonLines.fromJsonl(p.toString(), Object.class,
                FileOptions.defaults().withMaxLineLength(64).withScheduler(VirtualTimeScheduler.create()));
        List<Object> values = json.sinkToList();
        json.start();
        assertThat(json.finished()).isCompleted();
        assertThat(values.size() + json.malformedCount()).isLessThanOrEqualTo(lines);
        Files.delete(p);
    }

    private static long lineCount(byte[] content) {
        long n = 0;
        for (byte b : content) {
            if (b == '\n') {
                n++;
            }
        }
        return content.length > 0 && content[content.length - 1] != '\n' ? n + 1 : n;
    }

    private static String quote(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain && !field.isEmpty() ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }

    @Provide
    Arbitrary<List<String>> fieldLists() {
        Arbitrary<String> field = Arbitraries.strings().withChars("ab,\"\n\r é").ofMaxLength(8);
        return field.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> csvish() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("a1,\" \t\r").ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> piece = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"a\"", "1", "1e400", "-1e400", "null",
                "true", " ", "\"", "\\", "x", "0.5", "1e-400", "99999999999999999999", "{\"a\":1}", "//", "NaN");
        return Arbitraries.oneOf(piece.list().ofMaxSize(8).map(l -> String.join("", l)),
                Arbitraries.strings().all().ofMaxLength(16));
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("name,size", "a,1", "\"q,\"\"x\",2", "bad\"q,3", "\"open,4", "{\"a\":1}", "null", "",
                        "x".repeat(100), "\uFEFFname,size", "1e400,5"),
                Arbitraries.strings().withChars("ab,\"\r{}:1").ofMaxLength(12));
        Arbitrary<byte[]> text = line.list().ofMaxSize(12)
                .map(l -> String.join("\n", l).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.oneOf(text, text, raw);
    }
}
