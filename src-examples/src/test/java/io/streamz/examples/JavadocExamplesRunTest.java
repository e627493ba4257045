package io.streamz.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Runs the {@code <pre>{@code ...}</pre>} examples of the operator facades in JShell and checks
 * the outputs they state, so that the Javadoc cannot drift from the code.
 *
 * <p>What an example states, as comments:
 * <ul>
 *   <li>{@code stmt; // prints X}, or {@code // prints X} on the lines after a statement, one
 *       per printed line, or {@code // prints} followed by {@code // ...} lines: what that
 *       statement prints. In an example that states any output, a statement without one must
 *       print nothing.</li>
 *   <li>{@code // out: [...]} (any variable of the example, several joined by {@code ;}), after a
 *       statement or at the end of its line: the variable's {@code toString} at that point.</li>
 *   <li>{@code expr; // [...]} (a value starting with a bracket, brace, quote or digit, or any
 *       comment after {@code x.toString()}): the expression's {@code toString}; for a
 *       {@code StreamingSeries}, its values for the batch its class's Javadoc names.</li>
 *   <li>{@code // SomeException: message} after a statement: the statement throws that.</li>
 *   <li>{@code // sdf = EXPR} before the first statement: the example's {@code sdf} is that
 *       instead of the class's usual one.</li>
 * </ul>
 * A value may be followed by a note ({@code [1, 2]  (with "last": ...)} or {@code 3.0 (why)}),
 * which is not checked. Any other comment is prose. Each example runs after a setup matching
 * what its class's Javadoc says {@code source}, {@code sdf} and so on are; only the names the
 * example uses and does not declare itself are set up.
 *
 * <p>An example runs as one JShell snippet (a block: the setup, then its statements with calls of
 * a probe between them that tell which statement is running and hand over the stated values),
 * in this JVM, so that it is fast and System.out can be read per statement. With
 * {@code -Dstreamz.javadoc.dump=Stream#map} the test prints the snippet it made of that example.
 * Examples that state no output still have to compile and run without throwing.
 */
class JavadocExamplesRunTest {
    private static final Path ROOT = Path.of(System.getProperty("streamz.root", ".."));

    /** The imports of JShell's DEFAULT startup, which ./streamz shell loads before streamz.jsh. */
    private static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*", "java.util.regex.*",
            "java.util.stream.*");

    /** One variable an example may use without declaring it, and the ones its declaration needs. */
    record Setup(String name, String code, List<String> needs) {
        Setup(String name, String code) {
            this(name, code, List.of());
        }
    }

    private static final String FRAME_XN = "Frame.of(\"x\", new double[0], \"n\", new long[0])";
    private static final String FRAME_X_NAME = "Frame.of(\"x\", new double[] {0}, \"name\", new String[] {\"a\"})";
    private static final String FRAME_XY = "Frame.of(\"x\", new double[] {0}, \"y\", new double[] {0})";

    /** {@code times} and {@code tdf}, indexed by instants t, as StreamingDataFrame's Javadoc has them. */
    private static final List<Setup> TIMES = List.of(
            new Setup("times", "Stream<Frame> times = Stream.create();"),
            new Setup("tdf", "StreamingDataFrame tdf = StreamingDataFrame.from(times, "
                    + "Frame.of(\"t\", new Instant[] {Instant.EPOCH}, \"x\", new double[] {0}), \"t\");",
                    List.of("times")));

    /** The setups that each class's Javadoc describes (Stream's in its class comment too). */
    private static final Map<String, List<Setup>> SETUPS = Map.of(
            "Stream", List.of(
                    new Setup("clock", "VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();"),
                    new Setup("source", "Stream<Integer> source = Stream.create();"),
                    new Setup("words", "Stream<String> words = Stream.create();"),
                    new Setup("a", "Stream<Integer> a = Stream.create();"),
                    new Setup("b", "Stream<String> b = Stream.create();")),
            "StreamingDataFrame", dataframe(FRAME_X_NAME, TIMES),
            "StreamingSeries", dataframe(FRAME_XY, List.of()),
            "GroupBy", dataframe(FRAME_X_NAME, List.of()),
            "Ewm", dataframe(FRAME_X_NAME, List.of()),
            "Window", dataframe(FRAME_XN, TIMES),
            "Rolling", dataframe(FRAME_XN, TIMES),
            "SeriesWindow", dataframe(FRAME_XN, TIMES),
            "SeriesRolling", dataframe(FRAME_XN, TIMES));

    /** {@code source}, a {@code Stream<Frame>}, and {@code sdf} over it with the given example frame. */
    private static List<Setup> dataframe(String example, List<Setup> more) {
        List<Setup> out = new ArrayList<>();
        out.add(new Setup("source", "Stream<Frame> source = Stream.create();"));
        out.add(new Setup("sdf", "StreamingDataFrame sdf = StreamingDataFrame.from(source, " + example + ");",
                List.of("source")));
        out.addAll(more);
        return out;
    }

    /** Examples of Stream whose elements are of another type than the class comment's usual ones. */
    private static final Map<String, List<Setup>> OVERRIDES = Map.of(
            "Stream#named", List.of(new Setup("source", "Stream<String> source = Stream.create();")),
            "Stream#timedWindowUnique", List.of(new Setup("source", "Stream<String> source = Stream.create();")),
            "Stream#union", List.of(
                    new Setup("b", "Stream<Integer> b = Stream.create();"),
                    new Setup("c", "Stream<Integer> c = Stream.create();")));

    /** The batch whose values a {@code // [...]} comment after a streaming series gives. */
    private static final Map<String, String> SERIES_BATCH = Map.of(
            "StreamingSeries", "Frame.of(\"x\", new double[] {1, 2, 3}, \"y\", new double[] {4, 2, 1})");

    /** An example that is not run, and why. */
    private record Skip(String where, String containing, String why) {}

    private static final List<Skip> SKIPS = List.of(
            new Skip("Stream#partition", "\"1s\"", "the timeout needs a clock and the example installs none"),
            new Skip("Stream#buffer", null, "writeAsync stands for the reader's own function"),
            new Skip("Stream#latest", null, "slowWrite stands for the reader's own function"),
            new Skip("Stream#sinkAsync", null, "write and pool stand for the reader's own function and executor"),
            new Skip("Stream#mapAsync", null, "lookup stands for the reader's own function"),
            new Skip("Stream#toFlux", null, "store stands for the reader's own function"),
            new Skip("Stream#sinkToTextfile", null, "writes a file"),
            new Skip("Stream#fromTextfile", null, "reads a file"),
            new Skip("Stream#filenames", null, "lists files"),
            new Skip("Stream#fromQueue", null, "starts a thread that waits on the queue"),
            new Skip("Stream#fromProcess", null, "runs a program"),
            new Skip("Stream#visualize", null, "writes a file and depends on the installed renderer"),
            new Skip("Stream#plugin", null, "needs a plugin jar that provides repeat"),
            new Skip("Stream#source", null, "needs a Kafka broker and its config"),
            new Skip("Stream#emitAndHold", null, "record and ref stand for a source's own element and RefCounter"));

    /** Fewer runnable examples than this means the parsing broke. */
    private static final int MIN_RUN = 180;
    /** Fewer examples that state an output than this means the parsing broke. */
    private static final int MIN_CHECKED = 150;

    private static final List<String> FILES = List.of(
            "streamz-core/src/main/java/io/streamz/Stream.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/StreamingDataFrame.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/StreamingSeries.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/Window.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/Rolling.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/SeriesWindow.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/SeriesRolling.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/GroupBy.java",
            "streamz-dataframe/src/main/java/io/streamz/dataframe/Ewm.java");

    private static final Pattern DOCUMENTED = Pattern.compile("/\\*\\*(.*?)\\*/\\s*([^;{]*)", Pattern.DOTALL);
    private static final Pattern BLOCK = Pattern.compile("<pre>\\{@code\\s*\\n(.*?)\\}</pre>", Pattern.DOTALL);
    private static final Pattern TYPE_DECL = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");
    private static final Pattern METHOD_DECL = Pattern.compile("(\\w+)\\s*\\(");
    private static final Pattern ANNOTATION = Pattern.compile("@\\w+(?:\\([^)]*\\))?");
    private static final Pattern PRINTS = Pattern.compile("^prints(?:\\s+(.*))?$");
    private static final Pattern THROWS = Pattern.compile("^([A-Z]\\w*(?:Exception|Error)): (.*)$");
    private static final Pattern NAMED = Pattern.compile("^([a-z]\\w*): ");
    private static final Pattern SETUP_COMMENT = Pattern.compile("^(\\w+) = (.+)$");

    private static JShell shell;

    /** One example: where it is, and its lines without the Javadoc margin. */
    record Block(String file, String cls, String name, int line, List<String> lines) {
        String key() {
            int bracket = name.indexOf(" [");
            return bracket < 0 ? name : name.substring(0, bracket);
        }

        String code() {
            return String.join("\n", lines);
        }

        String where() {
            return file + ":" + line + " (" + name + ")";
        }
    }

    @TestFactory
    List<DynamicTest> javadocExamplesRunAndPrintWhatTheySay() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (String file : FILES) {
            blocks.addAll(blocks(file));
        }
        List<DynamicTest> tests = new ArrayList<>();
        int run = 0;
        int checked = 0;
        for (Block b : blocks) {
            Skip skip = SKIPS.stream()
                    .filter(s -> s.where().equals(b.key()) && (s.containing() == null || b.code().contains(s.containing())))
                    .findFirst().orElse(null);
            if (skip != null) {
                tests.add(DynamicTest.dynamicTest(b.name(), () -> Assumptions.abort(skip.why())));
                continue;
            }
            run++;
            if (statesOutput(b)) {
                checked++;
            }
            tests.add(DynamicTest.dynamicTest(b.name(), () -> runBlock(b)));
        }
        assertThat(run).as("examples run (of %s found)", blocks.size()).isGreaterThanOrEqualTo(MIN_RUN);
        assertThat(checked).as("examples whose stated output is checked").isGreaterThanOrEqualTo(MIN_CHECKED);
        return tests;
    }

    @AfterAll
    static void closeShell() {
        if (shell != null) {
            shell.close();
            shell = null;
        }
    }

    // ------------------------------------------------------------------ parsing the sources

    static List<Block> blocks(String file) throws IOException {
        String src = Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
        String cls = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
        List<Block> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = DOCUMENTED.matcher(src);
        while (m.find()) {
            String decl = ANNOTATION.matcher(m.group(2)).replaceAll(" ");
            Matcher type = TYPE_DECL.matcher(decl);
            Matcher method = METHOD_DECL.matcher(decl);
            String member = type.find() ? null : method.find() ? method.group(1) : null;
            Matcher b = BLOCK.matcher(m.group(1));
            while (b.find()) {
                String base = member == null ? cls : cls + "#" + member;
                int n = seen.merge(base, 1, Integer::sum);
                String name = n == 1 ? base : base + " [" + n + "]";
                int line = 1 + (int) src.substring(0, m.start(1) + b.start(1)).chars().filter(c -> c == '\n').count();
                List<String> lines = new ArrayList<>();
                for (String l : b.group(1).split("\n", -1)) {
                    lines.add(l.replaceFirst("^\\s*\\*( |$)", ""));
                }
                while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                    lines.remove(lines.size() - 1);
                }
                out.add(new Block(file, cls, name, line, lines));
            }
        }
        return out;
    }

    /** The position of a line comment's {@code //} outside string and char literals, or -1. */
    static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    /** One statement of an example and the comments that follow it (its line's, then whole lines). */
    private record Statement(String source, int endLine, List<String> comments) {}

    /** What a statement says it does. */
    private static final class Expect {
        final List<String> prints = new ArrayList<>();
        final Map<String, String> values = new LinkedHashMap<>();
        String value;
        String throwsClass;
        String throwsMessage;

        boolean any() {
            return !prints.isEmpty() || !values.isEmpty() || value != null || throwsClass != null;
        }
    }

    static boolean statesOutput(Block b) {
        for (String l : b.lines()) {
            int c = commentStart(l);
            if (c >= 0) {
                String text = l.substring(c + 2).strip();
                if (PRINTS.matcher(text).matches() || THROWS.matcher(text).matches() || text.startsWith("out:")
                        || (c > 0 && !l.substring(0, c).isBlank() && looksLikeValue(text))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean looksLikeValue(String text) {
        return !text.isEmpty() && "[{\"-0123456789".indexOf(text.charAt(0)) >= 0;
    }

    /** The value at the start of {@code text}: a balanced bracket or brace, or all but a trailing note. */
    static String valueOf(String text) {
        text = text.strip();
        if (!text.isEmpty() && (text.charAt(0) == '[' || text.charAt(0) == '{')) {
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '[' || c == '{') {
                    depth++;
                } else if ((c == ']' || c == '}') && --depth == 0) {
                    return text.substring(0, i + 1);
                }
            }
            return text;
        }
        return text.replaceFirst("\\s+\\(.*\\)$", "");
    }

    /** {@code sums: [..]; means: [..]} as name to value; empty when the text is not of that form. */
    static Map<String, String> namedValues(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String rest = text.strip();
        while (true) {
            Matcher m = NAMED.matcher(rest);
            if (!m.find()) {
                return out;
            }
            String v = valueOf(rest.substring(m.end()));
            if (!v.startsWith("[") && !v.startsWith("{")) {
                int semi = v.indexOf(';');
                v = semi < 0 ? v : v.substring(0, semi).strip();
            }
            out.put(m.group(1), v);
            rest = rest.substring(m.end()).strip().substring(v.length()).strip();
            if (!rest.startsWith(";")) {
                return out;
            }
            rest = rest.substring(1).strip();
        }
    }

    // ------------------------------------------------------------------ running

    /** What the probe in the snippet saw: per statement, what it printed and the values it gave. */
    private static final class Probe implements BiConsumer<String, Object> {
        final Map<Integer, ByteArrayOutputStream> printed = new HashMap<>();
        final Map<Integer, Map<String, String>> values = new HashMap<>();
        final Map<Integer, Throwable> thrown = new HashMap<>();
        int statement = -1;

        @Override
        public void accept(String what, Object v) {
            switch (what) {
                case "mark" -> {
                    statement = (Integer) v;
                    Output.current = printed.computeIfAbsent(statement, k -> new ByteArrayOutputStream());
                }
                case "check" -> Output.current = new ByteArrayOutputStream();
                case "thrown" -> thrown.put(statement, (Throwable) v);
                default -> values.computeIfAbsent(statement, k -> new LinkedHashMap<>()).put(what, String.valueOf(v));
            }
        }

        String printed(int k) {
            ByteArrayOutputStream out = printed.get(k);
            return out == null ? "" : out.toString(StandardCharsets.UTF_8);
        }
    }

    private static volatile Probe probe;

    private static JShell shell() {
        if (shell == null) {
            shell = newShell(List.of(), List.of());
        }
        return shell;
    }

    /**
     * A JShell that runs in this JVM, compiling against the libraries (and the ones of
     * {@code more}: a class of each), with the imports of ./streamz shell and {@code moreImports},
     * and the probe.
     */
    static JShell newShell(List<Class<?>> more, List<String> moreImports) {
        JShell shell = JShell.builder().executionEngine("local").build();
        // what the examples compile against: the libraries, not the whole test class path (the
        // snippets run in this JVM, so they load classes from its class path in any case)
        List<Class<?>> libraries = new ArrayList<>(List.of(io.streamz.Stream.class, io.streamz.dataframe.Frame.class,
                reactor.core.publisher.Flux.class, org.reactivestreams.Publisher.class,
                VirtualTimeScheduler.class));
        libraries.addAll(more);
        for (Class<?> c : libraries) {
            shell.addToClasspath(location(c));
        }
        List<String> imports = new ArrayList<>();
        DEFAULT_IMPORTS.forEach(i -> imports.add("import " + i + ";"));
        try {
            for (String l : Files.readAllLines(ROOT.resolve("src-examples/src/main/jshell/streamz.jsh"))) {
                if (l.startsWith("import ")) {
                    imports.add(l.strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        moreImports.forEach(i -> imports.add("import " + i + ";"));
        // the snippets report to the probe of the running example through this one variable
        BiConsumer<String, Object> relay = (what, v) -> probe.accept(what, v);
        System.getProperties().put(PROBE_KEY, relay);
        imports.add("BiConsumer<String, Object> $probe = (BiConsumer<String, Object>) System.getProperties().get(\""
                + PROBE_KEY + "\");");
        for (String i : imports) {
            SnippetEvent ev = mainEvent(shell.eval(i));
            if (ev == null || ev.status() != Snippet.Status.VALID || ev.exception() != null) {
                throw new IllegalStateException("JShell rejected " + i);
            }
        }
        System.getProperties().remove(PROBE_KEY);
        return shell;
    }

    private static final String PROBE_KEY = "streamz.javadoc.probe";

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void runBlock(Block b) {
        runBlock(shell(), b, setups(b));
    }

    /** Runs an example in {@code js}, with {@code setups} for the names it uses and does not declare. */
    static void runBlock(JShell js, Block b, Map<String, Setup> setups) {
        VirtualTimeScheduler.reset();
        try {
            Output.during(() -> run(js, b, new LinkedHashMap<>(setups)));
        } finally {
            VirtualTimeScheduler.reset();
        }
    }

    /**
     * Runs an example as one JShell snippet, a block of its setup and its statements with calls
     * of the probe between them, then checks what each statement printed, gave and threw.
     */
    private static void run(JShell js, Block b, Map<String, Setup> setups) {
        // split into statements, each with the comments after it
        List<String> code = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (String l : b.lines()) {
            int c = commentStart(l);
            code.add(c < 0 ? l : l.substring(0, c));
            comments.add(c < 0 ? null : l.substring(c + 2).replaceFirst("^ ", ""));
        }
        String codeText = String.join("\n", code);
        List<Statement> statements = new ArrayList<>();
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        String rest = codeText;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
            if (!ci.completeness().isComplete()) {
                fail(b.where() + ": incomplete code " + ci.completeness() + ":\n" + rest);
            }
            String remaining = ci.remaining();
            int consumed = codeText.length() - remaining.length();
            String done = codeText.substring(0, consumed).stripTrailing();
            int endLine = (int) done.chars().filter(c -> c == '\n').count();
            statements.add(new Statement(ci.source().strip(), endLine, new ArrayList<>()));
            rest = remaining;
        }
        List<String> preamble = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            if (comments.get(i) == null) {
                continue;
            }
            Statement owner = null;
            for (Statement s : statements) {
                if (s.endLine() <= i) {
                    owner = s;
                }
            }
            boolean wholeLine = code.get(i).isBlank();
            if (owner == null) {
                if (wholeLine) {
                    preamble.add(comments.get(i));
                }
            } else if (owner.endLine() == i || wholeLine && nextCodeLine(code, owner.endLine()) > i) {
                owner.comments().add((owner.endLine() == i ? "\u0000" : "") + comments.get(i));
            }
        }
        boolean strict = statesOutput(b);

        // the setup, for the names the example uses and does not declare
        for (String p : preamble) {
            Matcher m = SETUP_COMMENT.matcher(p.strip());
            if (m.matches() && setups.containsKey(m.group(1))) {
                Setup old = setups.get(m.group(1));
                String decl = old.code().substring(0, old.code().indexOf('='));
                setups.put(old.name(), new Setup(old.name(), decl + "= " + m.group(2) + ";", old.needs()));
            }
        }
        List<String> needed = neededSetups(codeText, setups);
        StringBuilder snippet = new StringBuilder("{\n").append(setupCode(needed, setups));
        List<Integer> starts = new ArrayList<>();
        List<Expect> expects = new ArrayList<>();
        Set<String> known = new HashSet<>(needed);
        String batch = SERIES_BATCH.get(b.cls());
        for (int k = 0; k < statements.size(); k++) {
            Statement s = statements.get(k);
            Expect e = expect(s, known);
            expects.add(e);
            snippet.append("$probe.accept(\"mark\", ").append(k).append(");\n");
            starts.add(snippet.length());
            String stmt = s.source().endsWith(";") || s.source().endsWith("}") ? s.source() : s.source() + ";";
            if (e.value != null) {
                String v = "$v" + k;
                snippet.append("Object ").append(v).append(" = ").append(stmt).append('\n');
                snippet.append("$probe.accept(\"check\", null);\n");
                if (batch != null) {
                    snippet.append("if (").append(v).append(" instanceof StreamingSeries $s").append(k).append(") {\n")
                            .append("List<List<Object>> $l").append(k).append(" = $s").append(k)
                            .append(".stream().map(Series::toList).sinkToList();\n")
                            .append("source.emit(").append(batch).append(");\n")
                            .append(v).append(" = $l").append(k).append(".isEmpty() ? \"(nothing)\" : $l").append(k)
                            .append(".get(0);\n}\n");
                }
                snippet.append("$probe.accept(\"=\", ").append(v).append(");\n");
            } else if (e.throwsClass != null) {
                snippet.append("try {\n").append(stmt).append("\n} catch (Throwable $t) {\n$probe.accept(\"thrown\", $t);\n}\n");
            } else {
                snippet.append(stmt).append('\n');
            }
            if (!e.values.isEmpty()) {
                snippet.append("$probe.accept(\"check\", null);\n");
                for (String name : e.values.keySet()) {
                    snippet.append("$probe.accept(\"").append(name).append("\", ").append(name).append(");\n");
                }
            }
            known.addAll(declared(stmt));
        }
        snippet.append("$probe.accept(\"mark\", ").append(statements.size()).append(");\n}");

        if (b.name().equals(System.getProperty("streamz.javadoc.dump"))) {
            System.err.println(b.where() + ":\n" + snippet);
        }
        Probe seen = new Probe();
        probe = seen;
        SnippetEvent main = mainEvent(js.eval(snippet.toString()));
        if (main == null || main.status() != Snippet.Status.VALID) {
            StringBuilder why = new StringBuilder();
            if (main != null) {
                js.diagnostics(main.snippet()).forEach(d -> {
                    int at = (int) d.getStartPosition();
                    int k = 0;
                    while (k + 1 < starts.size() && starts.get(k + 1) <= at) {
                        k++;
                    }
                    String in = at < 0 || starts.isEmpty() || at < starts.get(0) ? "the setup" : statements.get(k).source();
                    why.append("\n  ").append(d.getMessage(java.util.Locale.ROOT)).append("\n    in: ").append(in);
                });
            }
            fail(b.where() + ": does not compile:" + why + "\n  the snippet:\n" + snippet.toString().indent(4));
        }
        int failedAt = main.exception() == null ? Integer.MAX_VALUE : seen.statement;
        for (int k = 0; k < statements.size(); k++) {
            Statement s = statements.get(k);
            Expect e = expects.get(k);
            String where = b.where() + ": " + s.source();
            if (k == failedAt) {
                Throwable t = main.exception();
                String cls = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
                fail(where + "\n  throws " + cls + ": " + t.getMessage() + trace(t));
            }
            if (e.throwsClass != null) {
                Throwable t = seen.thrown.get(k);
                if (t == null) {
                    fail(where + "\n  says it throws " + e.throwsClass + " but does not");
                }
                if (!t.getClass().getName().endsWith(e.throwsClass) || !Objects.equals(t.getMessage(), e.throwsMessage)) {
                    fail(where + "\n  says it throws " + e.throwsClass + ": " + e.throwsMessage + "\n  but throws "
                            + t.getClass().getName() + ": " + t.getMessage());
                }
            }
            if (strict) {
                String printed = normalize(seen.printed(k));
                String said = normalize(String.join("\n", e.prints));
                if (!printed.equals(said)) {
                    fail(where + "\n  says it prints: " + show(said) + "\n  but prints:     " + show(printed));
                }
            }
            Map<String, String> values = seen.values.getOrDefault(k, Map.of());
            if (e.value != null && !e.value.equals(values.get("="))) {
                fail(where + "\n  says its value is: " + e.value + "\n  but it is:         " + values.get("="));
            }
            for (Map.Entry<String, String> v : e.values.entrySet()) {
                if (!v.getValue().equals(values.get(v.getKey()))) {
                    fail(where + "\n  says that then " + v.getKey() + ": " + v.getValue() + "\n  but it is "
                            + values.get(v.getKey()));
                }
            }
        }
    }

    /** The setup the class's Javadoc describes for an example. */
    private static Map<String, Setup> setups(Block b) {
        Map<String, Setup> setups = new LinkedHashMap<>();
        for (Setup s : SETUPS.getOrDefault(b.cls(), List.of())) {
            setups.put(s.name(), s);
        }
        for (Setup s : OVERRIDES.getOrDefault(b.key(), List.of())) {
            setups.put(s.name(), s);
        }
        return setups;
    }

    private static int nextCodeLine(List<String> code, int after) {
        for (int i = after + 1; i < code.size(); i++) {
            if (!code.get(i).isBlank()) {
                return i;
            }
        }
        return code.size();
    }

    private static final Pattern DECLARATION =
            Pattern.compile("(?:\\b[A-Z]\\w*(?:<[^=;()]*>)?|\\bvar|\\bint|\\blong|\\bdouble)\\s+(\\w+)\\s*=");

    private static final Pattern LAMBDA = Pattern.compile("(?:\\(([\\w\\s,]*)\\)|\\b(\\w+))\\s*->");

    static boolean declares(String src, String name) {
        return declared(src).contains(name);
    }

    private static Set<String> declared(String src) {
        Set<String> out = new HashSet<>();
        Matcher m = DECLARATION.matcher(src);
        while (m.find()) {
            out.add(m.group(1));
        }
        Matcher lambda = LAMBDA.matcher(src);
        while (lambda.find()) {
            for (String p : (lambda.group(1) != null ? lambda.group(1) : lambda.group(2)).split(",")) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** The setups {@code code} uses without declaring them, with the setups they need in turn. */
    static List<String> neededSetups(String code, Map<String, Setup> setups) {
        List<String> needed = new ArrayList<>();
        for (String name : setups.keySet()) {
            if (Pattern.compile("\\b" + name + "\\b").matcher(code).find() && !declares(code, name)) {
                need(name, setups, needed);
            }
        }
        return needed;
    }

    /** The declarations of the {@code needed} setups, one per line, in the setups' order. */
    static String setupCode(List<String> needed, Map<String, Setup> setups) {
        StringBuilder out = new StringBuilder();
        for (String name : setups.keySet()) {
            if (needed.contains(name)) {
                out.append(setups.get(name).code()).append('\n');
            }
        }
        return out.toString();
    }

    private static void need(String name, Map<String, Setup> setups, List<String> needed) {
        if (!needed.contains(name)) {
            for (String dep : setups.get(name).needs()) {
                need(dep, setups, needed);
            }
            needed.add(name);
        }
    }

    /** Reads a statement's comments: what it prints, the values it states, what it throws. */
    private static Expect expect(Statement s, Set<String> known) {
        Expect e = new Expect();
        boolean printing = false;
        Set<String> vars = new HashSet<>(known);
        vars.addAll(declared(s.source()));
        for (String raw : s.comments()) {
            boolean trailing = raw.startsWith("\u0000");
            String c = trailing ? raw.substring(1) : raw;
            String text = c.strip();
            Matcher p = PRINTS.matcher(text);
            Matcher t = THROWS.matcher(text);
            Map<String, String> named = namedValues(text);
            if (p.matches()) {
                printing = true;
                if (p.group(1) != null) {
                    e.prints.add(valueOf(p.group(1)));
                }
            } else if (t.matches()) {
                printing = false;
                e.throwsClass = t.group(1);
                e.throwsMessage = t.group(2);
            } else if (!named.isEmpty() && vars.containsAll(named.keySet())) {
                printing = false;
                e.values.putAll(named);
            } else if (printing) {
                e.prints.add(c);
            } else if (trailing && (looksLikeValue(text) || s.source().matches("(?s).*\\.toString\\(\\);?"))) {
                e.value = valueOf(text);
            }
        }
        return e;
    }

    static SnippetEvent mainEvent(List<SnippetEvent> events) {
        for (SnippetEvent ev : events) {
            if (ev.causeSnippet() == null) {
                return ev;
            }
        }
        return null;
    }

    private static String trace(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement el : t.getStackTrace()) {
            if (sb.length() > 1500) {
                break;
            }
            sb.append("\n    at ").append(el);
        }
        return sb.toString();
    }

    private static String normalize(String s) {
        List<String> lines = new ArrayList<>();
        for (String l : s.replace("\r\n", "\n").split("\n", -1)) {
            lines.add(l.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private static String show(String s) {
        return s.isEmpty() ? "(nothing)" : s.contains("\n") ? "\n" + s.indent(4) : s;
    }

    /**
     * System.out while an example runs (the local execution engine runs it in this JVM): one
     * stream for the whole example, since {@code System.out::println} binds the stream when the
     * sink is built; it writes to the buffer of the statement in progress.
     */
    private static final class Output {
        static volatile ByteArrayOutputStream current = new ByteArrayOutputStream();
        private static final PrintStream ROUTER = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                current.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                current.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);

        static void during(Runnable example) {
            PrintStream saved = System.out;
            System.setOut(ROUTER);
            try {
                example.run();
            } finally {
                ROUTER.flush();
                System.setOut(saved);
                current = new ByteArrayOutputStream();
            }
        }
    }
}
