package io.streamz.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the docs honest: a code block after {@code <!-- example: Name -->} must be the
 * {@code docs:start}..{@code docs:end} part of {@code Name.java}, and a block after
 * {@code <!-- output: Name -->} must be what that example prints.
 */
class DocsTest {
    private static final Pattern MARKED = Pattern.compile(
            "<!-- (example|output): (\\w+) -->\\s*\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("\\]\\(([a-z-]+\\.md)(?:#([a-z0-9_-]+))?\\)");
    private static final List<String> OWN_PAGES =
            List.of("index.md", "examples.md", "visualize.md", "jshell.md", "from-python.md", "api.md");
    private static final Path ROOT = Path.of(System.getProperty("streamz.root", ".."));

    @TestFactory
    Stream<DynamicTest> markedBlocksMatchTheExamples() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList())) {
                Matcher m = MARKED.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    String kind = m.group(1);
                    String name = m.group(2);
                    String block = m.group(3);
                    tests.add(DynamicTest.dynamicTest(page.getFileName() + ": " + kind + " " + name, () -> {
                        if (kind.equals("example")) {
                            assertThat(block).isEqualTo(snippet(name));
                        } else {
                            assertThat(block).isEqualTo(ExamplesTest.expected(name));
                        }
                    }));
                }
            }
        }
        assertThat(tests).as("marked blocks in docs/").isNotEmpty();
        return tests.stream();
    }

    @Test
    void everyPublicMethodOfStreamHasARowInTheApiIndex() throws IOException {
        String api = Files.readString(ROOT.resolve("docs/api.md"), StandardCharsets.UTF_8);
        List<String> missing = Arrays.stream(io.streamz.Stream.class.getMethods())
                .filter(m -> m.getDeclaringClass() == io.streamz.Stream.class)
                .filter(m -> !m.getName().equals("toString"))
                .map(Method::getName)
                .distinct()
                .filter(name -> !api.contains("`" + name + "(") && !api.contains("`Stream." + name + "("))
                .sorted()
                .collect(Collectors.toList());
        assertThat(missing).as("Stream methods without a row in docs/api.md").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> linksBetweenPagesLeadSomewhere() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String page : OWN_PAGES) {
            String text = Files.readString(ROOT.resolve("docs").resolve(page), StandardCharsets.UTF_8);
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                String anchor = m.group(2);
                tests.add(DynamicTest.dynamicTest(page + " -> " + target + (anchor == null ? "" : "#" + anchor), () -> {
                    Path file = ROOT.resolve("docs").resolve(target);
                    assertThat(file).exists();
                    if (anchor != null) {
                        assertThat(anchors(Files.readString(file, StandardCharsets.UTF_8))).contains(anchor);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** GitHub's anchors for the headings of a Markdown page. */
    static List<String> anchors(String markdown) {
        List<String> out = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT);
                out.add(title.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return out;
    }

    /** The lines between {@code // docs:start} and {@code // docs:end} of an example, dedented. */
    static String snippet(String name) throws IOException {
        return Snippets.between(ROOT.resolve("src-examples/src/main/java/io/streamz/examples/" + name + ".java"));
    }
}
