package io.streamz.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.Test;

/** Drives the real jshell tool the way ./streamz shell starts it, with typed input. */
class JShellTest {
    private static final Path ROOT = Path.of(System.getProperty("streamz.root", ".."));

    @Test
    void theHintsExampleRunsAndPrintsTwo() throws Exception {
        String session = run(
                "Stream<Integer> s = Stream.create(); s.map(x -> x + 1).sink(System.out::println); s.emit(1)\n"
                + "var t = Stream.<String>create(\"words\");\n"
                + "t.map(String::length).sink(n -> System.out.println(\"length \" + n));\n"
                + "t.emit(\"streamz\")\n"
                + "Duration.ofSeconds(90)\n"
                + "Stream<Frame> frames = Stream.create();\n"
                + "var sdf = StreamingDataFrame.from(frames, Frame.of(\"x\", new double[] {0}));\n"
                + "sdf.col(\"x\").sum().sink(t -> System.out.println(\"total \" + t));\n"
                + "frames.emit(Frame.of(\"x\", new double[] {1, 2, 3.5}))\n"
                + "List<Integer> l = new ArrayList<>(); l.add(1); l\n"
                + "Stream<String> words = Stream.create(\"words\");\n"
                + "words.map(String::length).accumulate(Integer::sum).sink(n -> System.out.println(\"letters so far: \" + n));\n"
                + "words.emit(\"stream\"); words.emit(\"z\");\n"
                + "/exit\n");
        assertThat(session)
                .contains("streamz shell:")
                .contains("Try: Stream<Integer> s = Stream.create();")
                .containsPattern("(?m)^2$")
                .contains("length 7")
                .contains("PT1M30S")
                .contains("total 6.5")
                .contains("l ==> [1]")
                .contains("letters so far: 6")
                .contains("letters so far: 7")
                .doesNotContain("Error:")
                .doesNotContain("ambiguous");
    }

    /**
     * Every transcript of docs/jshell.md (a block with {@code jshell>} prompts) is what JShell
     * prints when the block's input lines are typed; a block that starts with
     * {@code $ ./streamz shell} shows the greeting too.
     */
    @Test
    void theDocsTranscriptsAreWhatJShellPrints() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/jshell.md"), StandardCharsets.UTF_8);
        int transcripts = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            int end = i + 1;
            while (!lines.get(end).startsWith("```")) {
                end++;
            }
            String fence = lines.get(i);
            String expected = String.join("\n", lines.subList(i + 1, end)) + "\n";
            i = end;
            if (!fence.equals("```") || !expected.contains("jshell> ")) {
                continue;
            }
            transcripts++;
            StringBuilder input = new StringBuilder();
            for (String line : expected.split("\n")) {
                if (line.startsWith("jshell> ")) {
                    input.append(line.substring("jshell> ".length())).append('\n');
                }
            }
            String session = run(input + "/exit\n");
            String actual = session.substring(0, session.lastIndexOf("jshell> /exit"));
            if (expected.startsWith("$ ./streamz shell\n")) {
                expected = expected.substring("$ ./streamz shell\n".length());
            } else {
                actual = actual.substring(actual.indexOf("jshell> "));
            }
            assertThat(normalized(actual)).isEqualTo(normalized(expected));
        }
        assertThat(transcripts).as("transcripts in docs/jshell.md").isGreaterThanOrEqualTo(2);
    }

    /** Without the JDK's version, line ends and trailing blanks. */
    private static String normalized(String transcript) {
        return transcript.replaceAll("Welcome to JShell -- Version \\S+", "Welcome to JShell -- Version N")
                .lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    /** Runs jshell with the project on the class path, the launcher's startup files, and {@code input}. */
    static String run(String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = JavaShellToolBuilder.builder()
                .out(out, out, out)
                .err(out, out)
                .in(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), null)
                .persistence(new java.util.HashMap<>())
                .start("--class-path", classPath(),
                        "--startup", "DEFAULT",
                        "--startup", ROOT.resolve("src-examples/src/main/jshell/streamz.jsh").toString());
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        return text;
    }

    /** Where streamz, Reactor and reactor-test are, whether jars or class folders. */
    static String classPath() {
        return Stream.of(io.streamz.Stream.class, io.streamz.dataframe.Frame.class,
                        reactor.core.publisher.Flux.class, org.reactivestreams.Publisher.class,
                        reactor.test.scheduler.VirtualTimeScheduler.class)
                .map(JShellTest::location)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
