package io.streamz.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public class of the public API, and every public operator of the facades users chain
 * calls on, shows a short example ({@code <pre>{@code ...}}) in its Javadoc. Implementation
 * packages ({@code internal}), the examples and the benchmarks are not public API.
 */
class JavadocExamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("streamz.root", ".."));
    /** A Javadoc comment, then the declaration it documents (up to its body or semicolon). */
    private static final Pattern DOCUMENTED = Pattern.compile("/\\*\\*(.*?)\\*/\\s*((?:@\\w+(?:\\([^)]*\\))?\\s*)*[^;{/]*)", Pattern.DOTALL);
    private static final Pattern TOP_TYPE = Pattern.compile(
            "^public (?:(?:final|abstract|sealed|non-sealed) )*(?:class|interface|enum|record|@interface) (\\w+)", Pattern.MULTILINE);
    private static final Pattern OPERATOR = Pattern.compile(
            "^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public (?:(?:final|static) )*(?:<[^>]+(?:<[^>]*>)?[^>]*> )?"
                    + "(Stream|Source|StreamingDataFrame|StreamingSeries|Window|Rolling|GroupBy|SeriesWindow|SeriesRolling|Ewm)"
                    + "(?:<[^(]*>)? (\\w+)\\(");
    /** The facades whose public methods are the operators users chain. */
    private static final List<String> FACADES = List.of(
            "streamz-core/src/main/java/io/streamz/Stream.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/StreamingDataFrame.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/StreamingSeries.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/Window.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/Rolling.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/GroupBy.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/SeriesWindow.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/SeriesRolling.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/Ewm.java");

    static List<Path> publicApiSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                String s = ROOT.relativize(p).toString().replace('\\', '/');
                if (s.contains("/src/main/java/") && !s.contains("/internal/") && !s.startsWith("benchmarks/")
                        && !s.startsWith("streamz-testing/")
                        && !s.startsWith("streamz-plugins/streamz-plugin-example/")
                        && !s.startsWith("src-examples/") && !s.contains("/target/") && !s.endsWith("package-info.java")) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Test
    void everyPublicClassShowsAnExample() throws IOException {
        List<Path> sources = publicApiSources();
        assertThat(sources).as("public API sources under %s", ROOT.toAbsolutePath()).hasSizeGreaterThan(40);
        List<String> missing = new ArrayList<>();
        for (Path p : sources) {
            String src = Files.readString(p, StandardCharsets.UTF_8);
            Matcher type = TOP_TYPE.matcher(src);
            if (!type.find()) {
                continue; // package-private helper class
            }
            String javadoc = javadocBefore(src, type.start());
            if (javadoc == null || !javadoc.contains("<pre>")) {
                missing.add(ROOT.relativize(p) + " (" + type.group(1) + ")");
            }
        }
        assertThat(missing).as("public classes without an example in their Javadoc").isEmpty();
    }

    @Test
    void everyPublicOperatorShowsAnExample() throws IOException {
        // overloads share a name and one example: every name needs an example on one of them
        Set<String> operators = new TreeSet<>();
        Set<String> shown = new TreeSet<>();
        for (String facade : FACADES) {
            String src = Files.readString(ROOT.resolve(facade), StandardCharsets.UTF_8);
            String cls = facade.substring(facade.lastIndexOf('/') + 1).replace(".java", "");
            Matcher m = DOCUMENTED.matcher(src);
            while (m.find()) {
                Matcher op = OPERATOR.matcher(m.group(2));
                if (op.find()) {
                    operators.add(cls + "#" + op.group(2));
                    if (m.group(1).contains("<pre>")) {
                        shown.add(cls + "#" + op.group(2));
                    }
                }
            }
        }
        assertThat(operators).as("operators found in the facades").hasSizeGreaterThan(100);
        List<String> missing = new ArrayList<>(operators);
        missing.removeAll(shown);
        assertThat(missing).as("operators without an example in their Javadoc").isEmpty();
    }

    /** The Javadoc comment that ends right before {@code at} (annotations allowed between), or null. */
    private static String javadocBefore(String src, int at) {
        String before = src.substring(0, at).stripTrailing();
        while (before.endsWith(")") || before.matches("(?s).*@\\w+$")) {
            int line = before.lastIndexOf('\n');
            String last = before.substring(line + 1).strip();
            if (!last.startsWith("@")) {
                break;
            }
            before = before.substring(0, Math.max(line, 0)).stripTrailing();
        }
        if (!before.endsWith("*/")) {
            return null;
        }
        int start = before.lastIndexOf("/**");
        return start < 0 ? null : before.substring(start);
    }
}
