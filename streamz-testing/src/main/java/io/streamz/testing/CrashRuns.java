package io.streamz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Helpers for the connector modules' crash tests: records with checkable payloads, worker JVMs
 * started like the test's own, and the count of duplicates each crashed worker caused.
 */
public final class CrashRuns {
    private static final int[] ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_,.;:éüß€中文🙂".codePoints().toArray();
    private static final List<String> PAYLOADS = new ArrayList<>();

    private CrashRuns() {
    }

    /**
     * Record {@code i}'s payload: {@code "r<i>:"} and 10 to 400 characters derived from {@code i},
     * some of them outside ASCII, so that a payload cut, mixed up or mis-encoded shows.
     *
     * @param i the record's number, at least 0
     * @return the same text for the same number, in every JVM
     */
    public static synchronized String payload(int i) {
        while (PAYLOADS.size() <= i) {
            Random r = new Random(PAYLOADS.size());
            StringBuilder b = new StringBuilder("r").append(PAYLOADS.size()).append(':');
            for (int n = 10 + r.nextInt(391); n > 0; n--) {
                b.appendCodePoint(ALPHABET[r.nextInt(ALPHABET.length)]);
            }
            PAYLOADS.add(b.toString());
        }
        return PAYLOADS.get(i);
    }

    /**
     * The number of the payload inside {@code text}, such as {@code "out-r12:..."}.
     *
     * @param text a payload, possibly with a prefix without {@code r} or {@code :}
     * @return the number between the last {@code r} before the first colon and that colon
     */
    public static int number(String text) {
        int colon = text.indexOf(':');
        return Integer.parseInt(text.substring(text.lastIndexOf('r', colon) + 1, colon));
    }

    /**
     * For every worker, how many of the records it wrote a later worker wrote again: a record
     * written by workers 3, 5 and 5 counts one duplicate for 3 and one for the first 5.
     *
     * @param writers for every distinct record, the workers that wrote it, one entry per write
     * @return the duplicates by worker, for the workers that caused any
     */
    public static Map<Integer, Long> duplicatesByWorker(Iterable<List<Integer>> writers) {
        Map<Integer, Long> out = new TreeMap<>();
        for (List<Integer> w : writers) {
            List<Integer> sorted = new ArrayList<>(w);
            sorted.sort(null);
            for (int i = 0; i < sorted.size() - 1; i++) {
                out.merge(sorted.get(i), 1L, Long::sum);
            }
        }
        return out;
    }

    /**
     * Starts {@code main} in a new JVM on this test's class path (C1 only, serial GC: quick to
     * start), its standard error written to {@code log}, its standard output readable.
     *
     * @param main the class whose {@code main} runs
     * @param jvmOptions options for the JVM, before the class path
     * @param args the arguments of {@code main}
     * @param log the file that receives the standard error
     * @return the started process
     * @throws IOException if the process cannot be started
     */
    public static Process startJava(Class<?> main, List<String> jvmOptions, List<String> args, File log)
            throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(log).start();
    }

    /**
     * Waits for the worker's first line of standard output.
     *
     * @param worker a process started by {@link #startJava}
     * @return the line, or {@code null} if the worker ended without one
     * @throws IOException if the output cannot be read
     */
    public static String firstLine(Process worker) throws IOException {
        return new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    /**
     * Asserts that the worker ended by itself with {@code code} within {@code seconds}.
     *
     * @param worker a process started by {@link #startJava}
     * @param code the exit code expected
     * @param seconds how long to wait
     * @param log the worker's log, shown when it did not
     * @throws InterruptedException if interrupted while waiting
     */
    public static void assertHalted(Process worker, int code, long seconds, File log) throws InterruptedException {
        assertThat(worker.waitFor(seconds, TimeUnit.SECONDS))
                .as("worker halted within %d s; log:%n%s", seconds, read(log)).isTrue();
        assertThat(worker.exitValue()).as("worker's exit code; log:%n%s", read(log)).isEqualTo(code);
    }

    /**
     * The text of a worker's log, for failure messages.
     *
     * @param log the file
     * @return its text, or a note that it cannot be read
     */
    public static String read(File log) {
        try {
            return Files.readString(log.toPath());
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
