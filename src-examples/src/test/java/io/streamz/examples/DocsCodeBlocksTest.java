package io.streamz.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.streamz.examples.JavadocExamplesRunTest.Block;
import io.streamz.examples.JavadocExamplesRunTest.Setup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles and runs the {@code ```java} blocks of docs/*.md that no other test checks (the ones
 * after {@code <!-- example: Name -->} or {@code <!-- connectors-example: Name -->} are the code
 * of examples that DocsTest, ExamplesTest and the connector tests check and run).
 *
 * <p>A block runs in JShell the way {@link JavadocExamplesRunTest} runs a Javadoc example, and
 * the outputs it states are checked with the same conventions: {@code // prints X} (or
 * {@code // prints} followed by the printed lines as comments), {@code // out: [...]} for any
 * variable of the block ({@code // a: [..]; b: [..]} for several), {@code expr; // value} and
 * {@code // SomeException: message}. The names a block uses without declaring them (the
 * {@code source} a page talks about, a function such as {@code store} that stands for the
 * reader's own) are set up per page. Blocks that would need the outside world (files, processes,
 * brokers, threads that wait, the real clock) are only compiled, as the body of a method that is
 * never called; class declarations are declared. Import lines are evaluated as imports.
 */
class DocsCodeBlocksTest {
    private static final Path ROOT = Path.of(System.getProperty("streamz.root", ".."));

    private static final Pattern MARKER = Pattern.compile("<!-- (?:connectors-)?example: \\w+ -->");

    /** How a block is checked. */
    enum Mode { RUN, COMPILE, DECLARE }

    /** The blocks of a page containing a string that are not run, and why. */
    private record Rule(String page, String containing, Mode mode, String why) {}

    private static final List<Rule> RULES = List.of(
            new Rule("features.md", "Instant.now()", Mode.COMPILE, "queries the table at the real clock's time"),
            new Rule("features.md", "RocksDbStorage.open(dir)", Mode.COMPILE, "opens a RocksDB directory"),
            new Rule("jshell.md", "import io.streamz.*;", Mode.DECLARE, "the shell's imports"),
            new Rule("jshell.md", "visualize(", Mode.COMPILE, "writes words.svg"),
            new Rule("plugins.md", "class Repeat<T>", Mode.DECLARE, "a node class"),
            new Rule("plugins.md", "class RepeatProvider", Mode.DECLARE, "a provider class"),
            new Rule("plugins.md", "plugin(\"repeat\"", Mode.COMPILE,
                    "needs the repeat plugin's jar (its provider registered for ServiceLoader)"),
            new Rule("plugins.md", "visualize(", Mode.COMPILE, "writes a file"),
            new Rule("sources.md", "fromTextfile(", Mode.COMPILE, "tails a file"),
            new Rule("sources.md", "filenames(", Mode.COMPILE, "lists files"),
            new Rule("sources.md", "fromQueue(", Mode.COMPILE, "starts a thread that waits on the queue"),
            new Rule("sources.md", "fromProcess(", Mode.COMPILE, "runs a program"),
            new Rule("sources.md", "sinkToTextfile(", Mode.COMPILE, "writes a file"),
            new Rule("visualize.md", "visualize(", Mode.COMPILE, "writes a file with the installed renderer"),
            new Rule("visualize.md", "GraphvizRenderer", Mode.COMPILE, "writes a file with the installed renderer"));

    /** Blocks that can neither run nor compile (page, containing, why): none today. */
    private static final List<Rule> SKIPS = List.of();

    /** Imports the pages' prose names (packages of the types their blocks use), beyond ./streamz shell's. */
    private static final List<String> IMPORTS = List.of(
            "io.streamz.spi.*",
            "io.streamz.features.*", "io.streamz.features.rocksdb.*", "io.streamz.graphviz.*");

    private static final String PAGE_FRAME = "Frame.of(\"x\", new double[] {1, 5, 7}, \"n\", new int[] {3, 4, 5}, "
            + "\"name\", new String[] {\"Alice\", \"Bob\", \"Alice\"})";

    /** Variables a page's blocks use without declaring them, as the page describes them. */
    private static final Map<String, List<Setup>> SETUPS = Map.of(
            "async.md", List.of(
                    new Setup("clock", "VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();"),
                    new Setup("source", "Stream<Integer> source = Stream.create();")),
            "dataframes.md", List.of(
                    new Setup("f", "Frame f = " + PAGE_FRAME + ";"),
                    new Setup("source", "Stream<Frame> source = Stream.create();"),
                    new Setup("sdf", "StreamingDataFrame sdf = StreamingDataFrame.from(source, "
                            + "Frame.of(\"x\", new double[] {0}));", List.of("source"))),
            "features.md", List.of(
                    new Setup("clock", "VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();"),
                    new Setup("source", "Stream<Map<String, Object>> source = Stream.create();"),
                    new Setup("updates", "Stream<Map<String, Object>> updates = Stream.create();"),
                    new Setup("requests", "Stream<Map<String, Object>> requests = Stream.create();"),
                    new Setup("dir", "Path dir = Path.of(\"state\");"),
                    new Setup("events", "List<Map<String, Object>> events = List.of();"),
                    new Setup("aggregators", "List<FieldAggregator> aggregators = List.of(FieldAggregator.of("
                            + "\"number_of_clicks\", \"click\", List.of(\"count\"), "
                            + "SlidingWindows.of(List.of(\"1h\"), \"10m\")));")),
            "plugins.md", List.of(new Setup("source", "Stream<Integer> source = Stream.create();")),
            "visualize.md", List.of(new Setup("source", "Stream<Integer> source = Stream.create();")));

    /** Declarations a page's blocks use: functions that stand for the reader's own, record types. */
    private static final Map<String, List<String>> DECLARATIONS = Map.of(
            "async.md", List.of("void store(Object x) {}"),
            "dataframes.md", List.of("record Trade(String symbol, double price) {}"),
            "sources.md", List.of("void load(Path path) {}"));

    /** Fewer blocks than these means the parsing broke. */
    private static final int MIN_RUN = 24;
    private static final int MIN_COMPILED = 12;
    private static final int MIN_DECLARED = 3;
    private static final int MIN_CHECKED = 17;

    private static JShell shell;
    private static final Set<String> declaredPages = new HashSet<>();

    /** A block of a page: the line of its opening fence and its lines. */
    private record DocBlock(String page, int line, List<String> lines) {
        String name() {
            return page + ":" + line;
        }

        String code() {
            return String.join("\n", lines);
        }
    }

    @TestFactory
    List<DynamicTest> docsCodeBlocksCompileAndRunAndPrintWhatTheySay() throws IOException {
        List<DocBlock> blocks = new ArrayList<>();
        List<Path> pages;
        try (java.util.stream.Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            pages = files.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
        for (Path page : pages) {
            blocks.addAll(blocks(page));
        }
        List<DynamicTest> tests = new ArrayList<>();
        Map<Mode, Integer> counts = new LinkedHashMap<>();
        int checked = 0;
        for (DocBlock b : blocks) {
            Rule skip = find(SKIPS, b);
            if (skip != null) {
                tests.add(DynamicTest.dynamicTest(b.name(), () -> Assumptions.abort(skip.why())));
                continue;
            }
            Rule rule = find(RULES, b);
            Mode mode = rule == null ? Mode.RUN : rule.mode();
            counts.merge(mode, 1, Integer::sum);
            if (mode == Mode.RUN && statesOutput(block(b))) {
                checked++;
            }
            tests.add(DynamicTest.dynamicTest(b.name(), () -> check(b, mode)));
        }
        assertThat(counts.getOrDefault(Mode.RUN, 0)).as("blocks run (of %s)", blocks.size()).isGreaterThanOrEqualTo(MIN_RUN);
        assertThat(checked).as("blocks run whose stated output is checked").isGreaterThanOrEqualTo(MIN_CHECKED);
        assertThat(counts.getOrDefault(Mode.COMPILE, 0)).as("blocks compiled").isGreaterThanOrEqualTo(MIN_COMPILED);
        assertThat(counts.getOrDefault(Mode.DECLARE, 0)).as("blocks declared").isGreaterThanOrEqualTo(MIN_DECLARED);
        return tests;
    }

    @AfterAll
    static void closeShell() {
        if (shell != null) {
            shell.close();
            shell = null;
            declaredPages.clear();
        }
    }

    /** The unmarked {@code ```java} blocks of a page. */
    static List<DocBlock> blocks(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<DocBlock> out = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("```")) {
                    end++;
                }
                if (l.strip().equals("```java") && !MARKER.matcher(previous).find()) {
                    out.add(new DocBlock(page.getFileName().toString(), i + 1, List.copyOf(lines.subList(i + 1, end))));
                }
                i = end;
                previous = "";
            } else if (!l.isBlank()) {
                previous = l;
            }
        }
        return out;
    }

    private static final Pattern NAMED_VALUE = Pattern.compile("//\\s*[a-z]\\w*:\\s+[\\[{\"\\d-]");

    /** Whether a block states an output: as a Javadoc example does, or as {@code // name: value}. */
    private static boolean statesOutput(Block b) {
        return JavadocExamplesRunTest.statesOutput(b) || NAMED_VALUE.matcher(b.code()).find();
    }

    private static Rule find(List<Rule> rules, DocBlock b) {
        return rules.stream().filter(r -> r.page().equals(b.page()) && b.code().contains(r.containing()))
                .findFirst().orElse(null);
    }

    /** The block as JavadocExamplesRunTest runs it, its import and package lines blanked. */
    private static Block block(DocBlock b) {
        List<String> lines = new ArrayList<>();
        for (String l : b.lines()) {
            lines.add(l.startsWith("import ") || l.startsWith("package ") ? "" : l);
        }
        return new Block("docs/" + b.page(), b.page(), b.name(), b.line(), lines);
    }

    private static void check(DocBlock b, Mode mode) {
        JShell js = shell(b.page());
        for (String l : b.lines()) {
            if (l.startsWith("import ")) {
                eval(js, b, l.strip());
            }
        }
        Block block = block(b);
        Map<String, Setup> setups = new LinkedHashMap<>();
        for (Setup s : SETUPS.getOrDefault(b.page(), List.of())) {
            setups.put(s.name(), s);
        }
        switch (mode) {
            case RUN -> JavadocExamplesRunTest.runBlock(js, block, setups);
            case DECLARE -> {
                for (String s : statements(js, block)) {
                    eval(js, b, s);
                }
            }
            case COMPILE -> {
                String code = block.code();
                StringBuilder method = new StringBuilder("void docs_")
                        .append(b.page().replaceAll("\\W", "_")).append('_').append(b.line())
                        .append("() throws Exception {\n")
                        .append(JavadocExamplesRunTest.setupCode(JavadocExamplesRunTest.neededSetups(code, setups), setups));
                for (String s : statements(js, block)) {
                    method.append(s).append('\n');
                }
                eval(js, b, method.append('}').toString());
            }
        }
    }

    /** The block's complete statements or declarations, as JShell cuts them, without line comments. */
    private static List<String> statements(JShell js, Block b) {
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        List<String> out = new ArrayList<>();
        List<String> code = new ArrayList<>();
        for (String l : b.lines()) {
            int c = JavadocExamplesRunTest.commentStart(l);
            code.add(c < 0 ? l : l.substring(0, c));
        }
        String rest = String.join("\n", code);
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
            if (!ci.completeness().isComplete()) {
                fail(b.where() + ": incomplete code " + ci.completeness() + ":\n" + rest);
            }
            String s = ci.source().strip();
            out.add(s.endsWith(";") || s.endsWith("}") ? s : s + ";");
            rest = ci.remaining();
        }
        return out;
    }

    /** Evaluates a snippet that must be valid and must not throw. */
    private static void eval(JShell js, DocBlock b, String snippet) {
        SnippetEvent ev = JavadocExamplesRunTest.mainEvent(js.eval(snippet));
        if (ev == null || ev.status() != Snippet.Status.VALID || ev.exception() != null) {
            StringBuilder why = new StringBuilder();
            if (ev != null) {
                js.diagnostics(ev.snippet()).forEach(d -> why.append("\n  ").append(d.getMessage(Locale.ROOT)));
                if (ev.snippet() instanceof DeclarationSnippet d) {
                    js.unresolvedDependencies(d).forEach(u -> why.append("\n  unresolved: ").append(u));
                }
                if (ev.exception() != null) {
                    why.append("\n  throws ").append(ev.exception());
                }
            }
            fail("docs/" + b.name() + ": " + (ev == null ? "no result" : ev.status()) + why
                    + "\n  the snippet:\n" + snippet.indent(4));
        }
    }

    /** The shell of the docs, with the declarations of the block's page. */
    private static JShell shell(String page) {
        if (shell == null) {
            shell = JavadocExamplesRunTest.newShell(List.of(io.streamz.graphviz.GraphvizRenderer.class), IMPORTS);
        }
        if (declaredPages.add(page)) {
            for (String d : DECLARATIONS.getOrDefault(page, List.of())) {
                SnippetEvent ev = JavadocExamplesRunTest.mainEvent(shell.eval(d));
                if (ev == null || ev.status() != Snippet.Status.VALID) {
                    throw new IllegalStateException("JShell rejected " + d);
                }
            }
        }
        return shell;
    }
}
