package io.streamz.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ports of the seed docs' streamz snippets ({@link SeedPorts}) compile as a user writes them
 * (the build compiles them; this test checks they need no explicit type argument and no cast),
 * and print what streamz 0.6.4 prints, Python's tuples printed as Java lists and Reactor tuples.
 */
class SeedPortsTest {
    private static final Path SOURCE = Path.of(System.getProperty("streamz.root", ".."))
            .resolve("src-examples/src/test/java/io/streamz/examples/SeedPorts.java");

    /** What each port prints: streamz's output of the same snippet. */
    private static final Map<String, String> PRINTS = new TreeMap<>(Map.ofEntries(
            Map.entry("runIncrement", "2\n3\n11\n"),
            Map.entry("runJsonLoads", "[{\"x\":1}, {\"x\":2,\"y\":[3]}]\n"),
            Map.entry("runAccumulateAdd", "1\n3\n6\n10\n"),
            Map.entry("runNumDistinct", "1\n2\n2\n3\n"),
            Map.entry("runSlidingWindow", "[1, 2, 3]\n[2, 3, 4]\n[3, 4, 5]\n"),
            Map.entry("runBranching", "2\n0\n11\n9\n"),
            Map.entry("runZipSum", "20\n20\n"),
            Map.entry("runCrawler", "a\nb\nd\nc\n"),
            Map.entry("runAliceTotals", "10.0\n10.0\n15.0\n15.0\n"),
            Map.entry("runSinks", "123\n123\n[123]\n"),
            Map.entry("runSinkToList", "[0, 10, 20, 30, 40]\n"),
            Map.entry("runAccumulateVariants", "0\n1\n3\n6\n10\n1\n2\n3\n4\n5\n[0,0]\n[1,0]\n[2,0]\n"),
            Map.entry("runCollect", "[1, 2]\n"),
            Map.entry("runFilterFlattenMap", "0\n2\n4\n1\n2\n3\n4\n5\n6\n7\n7\n0\n2\n4\n6\n8\n"),
            Map.entry("runPartition", "[0, 1, 2]\n[3, 4, 5]\n[6, 7, 8]\n[0, 2]\n[1, 3]\n"),
            Map.entry("runIncToString", "1\n2\n3\n4\n5\n[1, 2, 3, 4, 5]\n"),
            Map.entry("runUniqueAndPluck", "1\n2\n1\n3\n[1, 4]\n[4, 7]\n[8, 11]\nALICE\nBOB\n"),
            Map.entry("runFromIterable", "[0, 1, 2]\n")));

    /** An explicit type argument of a call: {@code .<String>flatten()}, {@code Foo.<T>bar()}. */
    private static final Pattern TYPE_ARGUMENT = Pattern.compile("\\.\\s*<");
    /** A cast: {@code (String) x}, {@code (Map<String, Object>) y}, {@code (double[]) z}. */
    private static final Pattern CAST = Pattern.compile(
            "\\(\\s*[A-Za-z_][\\w.]*\\s*(?:<[^()]*>)?\\s*(?:\\[\\s*\\])*\\s*\\)\\s*[\\w(\"]");

    @TestFactory
    List<DynamicTest> eachPortPrintsWhatStreamzPrints() {
        List<Method> ports = Arrays.stream(SeedPorts.class.getDeclaredMethods())
                .filter(m -> m.getName().startsWith("run")).collect(Collectors.toList());
        assertThat(ports.stream().map(Method::getName).collect(Collectors.toSet())).isEqualTo(PRINTS.keySet());
        List<DynamicTest> tests = new ArrayList<>();
        for (Method m : ports) {
            tests.add(DynamicTest.dynamicTest(m.getName(), () -> assertThat(printed(m)).isEqualTo(PRINTS.get(m.getName()))));
        }
        return tests;
    }

    @Test
    void thePortsNeedNoExplicitTypeArgumentsAndNoCasts() throws IOException {
        String code = withoutCommentsAndStrings(Files.readString(SOURCE, StandardCharsets.UTF_8));
        assertThat(matches(TYPE_ARGUMENT, code)).as("explicit type arguments").isEmpty();
        assertThat(matches(CAST, code)).as("casts").isEmpty();
        assertThat(code).contains("runZipSum", "compileSupportedOperations");
    }

    @Test
    void theChecksFindWhatTheyLookFor() {
        assertThat(matches(TYPE_ARGUMENT, "words.<String>flatten()")).hasSize(1);
        assertThat(matches(CAST, "(String) e.get(1)")).hasSize(1);
        assertThat(matches(CAST, "(Map<String, Object>) x")).hasSize(1);
        assertThat(matches(CAST, "(double[]) v")).hasSize(1);
        assertThat(matches(CAST, "f(x) + g(y)")).isEmpty();
    }

    private static List<String> matches(Pattern p, String code) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(code);
        while (m.find()) {
            int line = code.substring(0, m.start()).split("\n", -1).length;
            out.add("line " + line + ": " + m.group());
        }
        return out;
    }

    /** The code with comments removed and string literals emptied, lines kept. */
    private static String withoutCommentsAndStrings(String src) {
        return Pattern.compile("(?s)/\\*.*?\\*/").matcher(src).replaceAll(m -> m.group().replaceAll("[^\n]", ""))
                .replaceAll("//[^\n]*", "")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    private static String printed(Method m) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            m.setAccessible(true);
            m.invoke(null);
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
