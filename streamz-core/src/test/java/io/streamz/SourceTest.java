package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.scheduler.VirtualTimeScheduler;

class SourceTest {

    /** Waits for something another thread does; fails after 10 s instead of hanging. */
    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    static boolean threadGone(String name) {
        return Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(name));
    }

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    // ------------------------------------------------------------------ fromIterable

    @Nested
    class FromIterable {
        @Test
        void emitsEveryItemOnStartOnTheCallersThreadThenStops() {
            Source<Integer> source = Stream.fromIterable(List.of(0, 1, 2));
            List<Integer> out = source.map(x -> x * 10).sinkToList();
            List<Thread> threads = new ArrayList<>();
            source.sink(x -> threads.add(Thread.currentThread()));

            assertThat(out).isEmpty();
            assertThat(source.isStarted()).isFalse();
            source.start();

            assertThat(out).containsExactly(0, 10, 20);
            assertThat(threads).containsOnly(Thread.currentThread());
            assertThat(source.isStarted()).isFalse();
        }

        @Test
        void startingAgainIteratesFromTheBeginning() {
            Source<String> source = Stream.fromIterable(List.of("a", "b"));
            List<String> out = source.sinkToList();
            source.start();
            source.start();
            assertThat(out).containsExactly("a", "b", "a", "b");
        }

        @Test
        void stopFromADownstreamFunctionEndsTheLoop() {
            List<Integer> out = new ArrayList<>();
            Source<Integer> source = Stream.fromIterable(List.of(0, 1, 2, 3, 4));
            source.sink(x -> {
                out.add(x);
                if (x == 1) {
                    ((Source<?>) source).stop();
                }
            });
            source.start();
            assertThat(out).containsExactly(0, 1);
            assertThat(source.isStarted()).isFalse();
        }

        @Test
        void nullIsAnOrdinaryItem() {
            List<String> items = new ArrayList<>();
            items.add("a");
            items.add(null);
            Source<String> source = Stream.fromIterable(items);
            List<String> out = source.sinkToList();
            source.start();
            assertThat(out).containsExactly("a", null);
        }

        @Test
        void downstreamFailureReachesStartAndStopsTheSource() {
            Source<Integer> source = Stream.fromIterable(List.of(1, 0, 2));
            List<Integer> out = source.map(x -> 10 / x).sinkToList();
            assertThatThrownBy(source::start)
                    .isInstanceOf(NodeException.class)
                    .hasMessageContaining("element 0");
            assertThat(out).containsExactly(10);
            assertThat(source.isStarted()).isFalse();
        }

        @Test
        void passesNoMetadata() {
            Source<Integer> source = Stream.fromIterable(List.of(1));
            List<List<java.util.Map<String, Object>>> seen = new ArrayList<>();
            new Stream<Integer>(source) {
                @Override
                protected java.util.concurrent.CompletableFuture<?> update(
                        Object x, Stream<?> who, List<java.util.Map<String, Object>> metadata) {
                    seen.add(metadata);
                    return null;
                }
            };
            source.start();
            assertThat(seen).containsExactly(List.of());
        }

        @Test
        void rejectsNull() {
            assertThatThrownBy(() -> Stream.fromIterable(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("fromIterable: iterable is null");
        }

        @Test
        void printsItsKind() {
            assertThat(Stream.fromIterable(List.of()).toString()).isEqualTo("fromIterable");
        }
    }

    // ------------------------------------------------------------------ fromTextfile

    @Nested
    class FromTextfile {
        @RegisterExtension
        final VirtualClock clock = new VirtualClock();
        @TempDir
        Path dir;

        @Test
        void emitsLinesWithTheirDelimiterAsTheFileGrows() throws IOException {
            Path file = dir.resolve("log.txt");
            append(file, "{\"x\": 1}\n{\"x\": 2}\n{\"x\": 3");
            Source<String> source = Stream.fromTextfile(file.toString(),
                    TextfileOptions.defaults().withPollInterval("10ms"));
            List<String> out = source.sinkToList();

            assertThat(out).isEmpty();             // nothing before start
            source.start();
            assertThat(out).containsExactly("{\"x\": 1}\n", "{\"x\": 2}\n");

            append(file, "}\n{\"x\": 4}\n");
            assertThat(out).hasSize(2);            // not polled yet
            clock.advanceTimeBy(Duration.ofMillis(10));
            assertThat(out).containsExactly("{\"x\": 1}\n", "{\"x\": 2}\n", "{\"x\": 3}\n", "{\"x\": 4}\n");
            source.stop();
        }

        @Test
        void pollsEveryHundredMillisecondsByDefault() throws IOException {
            Path file = dir.resolve("log.txt");
            append(file, "");
            Source<String> source = Stream.fromTextfile(file.toString());
            List<String> out = source.sinkToList();
            source.start();
            append(file, "a\n");
            clock.advanceTimeBy(Duration.ofMillis(99));
            assertThat(out).isEmpty();
            clock.advanceTimeBy(Duration.ofMillis(1));
            assertThat(out).containsExactly("a\n");
            source.stop();
        }

        @Test
        void fromEndSkipsWhatTheFileHeldAtStart() throws IOException {
            Path file = dir.resolve("log.txt");
            append(file, "old\n");
            Source<String> source = Stream.fromTextfile(file.toString(),
                    TextfileOptions.defaults().withFromEnd(true).withPollInterval(Duration.ofMillis(10)));
            List<String> out = source.sinkToList();
            source.start();
            assertThat(out).isEmpty();
            append(file, "data2\n");
            clock.advanceTimeBy(Duration.ofMillis(10));
            assertThat(out).containsExactly("data2\n");
            source.stop();
        }

        @Test
        void splitsOnACustomDelimiterAndDecodesCharactersCutAcrossPolls() throws IOException {
            Path file = dir.resolve("log.txt");
            byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
            Files.write(file, new byte[] {'a', ';', ';', euro[0]});
            Source<String> source = Stream.fromTextfile(file.toString(),
                    TextfileOptions.defaults().withDelimiter(";;").withPollInterval("1s"));
            List<String> out = source.sinkToList();
            source.start();
            assertThat(out).containsExactly("a;;");
            Files.write(file, new byte[] {euro[1], euro[2], ';', ';'}, StandardOpenOption.APPEND);
            clock.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(out).containsExactly("a;;", "€;;");
            source.stop();
        }

        @Test
        void stopHaltsPollingAndRestartGoesOnWhereItStopped() throws IOException {
            Path file = dir.resolve("log.txt");
            append(file, "a\n");
            Source<String> source = Stream.fromTextfile(file.toString(),
                    TextfileOptions.defaults().withPollInterval("10ms"));
            List<String> out = source.sinkToList();
            source.start();
            source.start();                        // idempotent: one poll chain
            source.stop();
            source.stop();                         // idempotent
            append(file, "b\n");
            clock.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(out).containsExactly("a\n");

            source.start();
            assertThat(out).containsExactly("a\n", "b\n");
            append(file, "c\n");
            clock.advanceTimeBy(Duration.ofMillis(10));
            assertThat(out).containsExactly("a\n", "b\n", "c\n");
            source.stop();
        }

        @Test
        void stopFromADownstreamFunctionKeepsTheRestForTheNextStart() throws IOException {
            Path file = dir.resolve("log.txt");
            append(file, "a\nb\nc\n");
            Source<String> source = Stream.fromTextfile(file.toString());
            List<String> out = new ArrayList<>();
            source.sink(x -> {
                out.add(x);
                source.stop();
            });
            source.start();
            assertThat(out).containsExactly("a\n");
            source.start();
            assertThat(out).containsExactly("a\n", "b\n");
            source.start();
            assertThat(out).containsExactly("a\n", "b\n", "c\n");
        }

        @Test
        void explicitSchedulerFromOptions() throws IOException {
            VirtualTimeScheduler own = VirtualTimeScheduler.create();
            Path file = dir.resolve("log.txt");
            append(file, "");
            Source<String> source = Stream.fromTextfile(file.toString(),
                    TextfileOptions.defaults().withScheduler(own));
            List<String> out = source.sinkToList();
            source.start();
            append(file, "x\n");
            clock.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(out).isEmpty();
            own.advanceTimeBy(Duration.ofMillis(100));
            assertThat(out).containsExactly("x\n");
            source.stop();
        }

        @Test
        void aFailingDownstreamStopsTheSourceAndIsCounted() throws IOException {
            Path file = dir.resolve("log.txt");
            append(file, "1\n");
            Source<String> source = Stream.fromTextfile(file.toString());
            Stream<Integer> parse = source.map(String::strip).map(Integer::parseInt);
            List<Integer> out = parse.sinkToList();
            source.start();
            append(file, "x\n2\n");
            List<Throwable> reported = new ArrayList<>();
            Thread me = Thread.currentThread();
            Thread.UncaughtExceptionHandler before = me.getUncaughtExceptionHandler();
            me.setUncaughtExceptionHandler((t, e) -> reported.add(e));
            try {
                clock.advanceTimeBy(Duration.ofMillis(100));
            } finally {
                me.setUncaughtExceptionHandler(before == me.getThreadGroup() ? null : before);
            }
            assertThat(reported).isEmpty();   // logged and counted, not thrown at the polling thread
            assertThat(parse.stats().failed()).isEqualTo(1);
            assertThat(source.isStarted()).isFalse();
            source.start();                        // the failed line is gone, the rest is kept
            assertThat(out).containsExactly(1, 2);
            source.stop();
        }

        @Test
        void aMissingFileFailsAtStartNamingNodeAndPath() {
            String missing = dir.resolve("missing.txt").toString();
            Source<String> source = Stream.fromTextfile(missing);   // building reads nothing
            assertThatThrownBy(source::start)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("fromTextfile")
                    .hasMessageContaining("\"" + missing + "\"")
                    .hasMessageContaining("no such file");
            assertThat(source.isStarted()).isFalse();
        }

        @Test
        void destroyStopsPolling() throws IOException {
            Path file = dir.resolve("log.txt");
            append(file, "");
            Source<String> source = Stream.fromTextfile(file.toString());
            List<String> out = source.sinkToList();
            source.start();
            source.destroy();
            append(file, "late\n");
            clock.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(out).isEmpty();
            assertThat(source.isStarted()).isFalse();
        }

        @Test
        void badArguments() {
            assertThatThrownBy(() -> Stream.fromTextfile(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("fromTextfile: path is null");
            assertThatThrownBy(() -> Stream.fromTextfile("a.txt", null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("fromTextfile: options is null");
            assertThatThrownBy(() -> TextfileOptions.defaults().withPollInterval("10 parsecs"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"10 parsecs\"");
            assertThatThrownBy(() -> TextfileOptions.defaults().withPollInterval(Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fromTextfile: pollInterval must be > 0, was 0s");
            assertThatThrownBy(() -> TextfileOptions.defaults().withDelimiter(""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fromTextfile: delimiter must not be empty");
            assertThatThrownBy(() -> TextfileOptions.defaults().withScheduler(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("fromTextfile: scheduler is null");
        }

        @Test
        void optionsAreImmutable() {
            TextfileOptions defaults = TextfileOptions.defaults();
            TextfileOptions changed = defaults.withFromEnd(true).withDelimiter(",").withPollInterval("1s");
            assertThat(defaults.fromEnd()).isFalse();
            assertThat(defaults.delimiter()).isEqualTo("\n");
            assertThat(defaults.pollInterval()).isEqualTo(Duration.ofMillis(100));
            assertThat(defaults.scheduler()).isEmpty();
            assertThat(changed.fromEnd()).isTrue();
            assertThat(changed.delimiter()).isEqualTo(",");
            assertThat(changed.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        }

        @Test
        void printsItsPath() {
            assertThat(Stream.fromTextfile("app.log").toString()).isEqualTo("fromTextfile(path=\"app.log\")");
        }
    }

    // ------------------------------------------------------------------ filenames

    @Nested
    class Filenames {
        @RegisterExtension
        final VirtualClock clock = new VirtualClock();
        @TempDir
        Path dir;

        @Test
        void emitsEachNewFileOfADirectoryOnceInSortedOrder() throws IOException {
            Files.createFile(dir.resolve("b"));
            Files.createFile(dir.resolve("a"));
            Source<String> source = Stream.filenames(dir.toString());
            List<String> out = source.sinkToList();
            assertThat(out).isEmpty();
            source.start();
            assertThat(out).containsExactly(dir.resolve("a").toString(), dir.resolve("b").toString());

            Files.createFile(dir.resolve("c"));
            clock.advanceTimeBy(Duration.ofMillis(100));
            clock.advanceTimeBy(Duration.ofMillis(100));
            assertThat(out).containsExactly(dir.resolve("a").toString(), dir.resolve("b").toString(),
                    dir.resolve("c").toString());
            source.stop();
        }

        @Test
        void globPatternMatchesWithinOneElementAndSkipsHiddenFiles() throws IOException {
            Files.createFile(dir.resolve("x.csv"));
            Files.createFile(dir.resolve("y.txt"));
            Files.createFile(dir.resolve(".hidden.csv"));
            Files.createDirectories(dir.resolve("sub"));
            Files.createFile(dir.resolve("sub/z.csv"));
            Source<String> source = Stream.filenames(dir + "/*.csv", "500ms");
            List<String> out = source.sinkToList();
            source.start();
            assertThat(out).containsExactly(dir + "/x.csv");

            Files.createFile(dir.resolve("w.csv"));
            clock.advanceTimeBy(Duration.ofMillis(499));
            assertThat(out).containsExactly(dir + "/x.csv");
            clock.advanceTimeBy(Duration.ofMillis(1));
            assertThat(out).containsExactly(dir + "/x.csv", dir + "/w.csv");
            source.stop();
        }

        @Test
        void wildcardsInDirectoryElements() throws IOException {
            Files.createDirectories(dir.resolve("2024/01"));
            Files.createDirectories(dir.resolve("2024/02"));
            Files.createFile(dir.resolve("2024/01/a.log"));
            Files.createFile(dir.resolve("2024/02/b.log"));
            Source<String> source = Stream.filenames(dir + "/2024/*/?.log", Duration.ofSeconds(1), clock.scheduler());
            List<String> out = source.sinkToList();
            source.start();
            assertThat(out).containsExactly(dir + "/2024/01/a.log", dir + "/2024/02/b.log");
            source.stop();
        }

        @Test
        void aMissingDirectoryEmitsNothingUntilItAppears() throws IOException {
            Path later = dir.resolve("later");
            Source<String> source = Stream.filenames(later + "/*");
            List<String> out = source.sinkToList();
            source.start();
            assertThat(out).isEmpty();
            Files.createDirectories(later);
            Files.createFile(later.resolve("f"));
            clock.advanceTimeBy(Duration.ofMillis(100));
            assertThat(out).containsExactly(later + "/f");
            source.stop();
        }

        @Test
        void aPlainFileNameIsEmittedOnceItExists() throws IOException {
            Path file = dir.resolve("one.txt");
            Source<String> source = Stream.filenames(file.toString());
            List<String> out = source.sinkToList();
            source.start();
            assertThat(out).isEmpty();
            Files.createFile(file);
            clock.advanceTimeBy(Duration.ofMillis(300));
            assertThat(out).containsExactly(file.toString());
            source.stop();
        }

        @Test
        void startStopIdempotentAndNothingSeenTwice() throws IOException {
            Files.createFile(dir.resolve("a"));
            Source<String> source = Stream.filenames(dir.toString());
            List<String> out = source.sinkToList();
            source.start();
            source.start();
            source.stop();
            source.stop();
            Files.createFile(dir.resolve("b"));
            clock.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(out).containsExactly(dir + "/a");
            source.start();
            assertThat(out).containsExactly(dir + "/a", dir + "/b");
            source.stop();
        }

        @Test
        void badArguments() {
            assertThatThrownBy(() -> Stream.filenames(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("filenames: path is null");
            assertThatThrownBy(() -> Stream.filenames("x", "soon"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"soon\"");
            assertThatThrownBy(() -> Stream.filenames("x", Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("filenames: pollInterval must be > 0, was -1ms");
            assertThatThrownBy(() -> Stream.filenames("x", Duration.ofMillis(1), null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("filenames: scheduler is null");
            assertThatThrownBy(() -> Stream.filenames(""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("filenames: path must not be empty");
        }
    }

    @Test
    void everyFacadeMethodOfThisFamilyRejectsNullsBeforeCheckingValues() throws Exception {
        com.google.common.testing.NullPointerTester tester = new com.google.common.testing.NullPointerTester();
        tester.setDefault(TextfileOptions.class, TextfileOptions.defaults());
        List<String> statics = List.of("fromIterable", "fromTextfile", "filenames", "fromQueue", "fromProcess",
                "source", "plugins");
        List<String> instance = List.of("sinkToTextfile", "toDot", "visualize", "plugin");
        Stream<Object> stream = Stream.create();
        int tested = 0;
        for (java.lang.reflect.Method m : Stream.class.getMethods()) {
            if (statics.contains(m.getName())) {
                tester.testMethod(null, m);
                tested++;
            } else if (instance.contains(m.getName())) {
                tester.testMethod(stream, m);
                tested++;
            }
        }
        assertThat(tested).isEqualTo(19);
        tester.testAllPublicInstanceMethods(TextfileOptions.defaults());
        assertThat(stream.downstreams()).isEmpty();
    }

    // ------------------------------------------------------------------ fromQueue

    @Nested
    class FromQueue {
        @Test
        void emitsEveryItemInOrderOnItsOwnThread() throws Exception {
            BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
            Source<Integer> source = Stream.fromQueue(queue);
            List<Integer> out = source.map(x -> x * 2).sinkToList();
            List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            source.sink(x -> threads.add(Thread.currentThread()));
            for (int i = 0; i < 5; i++) {
                queue.put(i);
            }
            assertThat(out).isEmpty();
            source.start();
            for (int i = 5; i < 100; i++) {
                queue.put(i);
            }
            eventually(() -> out.size() == 100);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                expected.add(i * 2);
            }
            assertThat(out).containsExactlyElementsOf(expected);
            assertThat(threads).doesNotContain(Thread.currentThread());
            source.stop();
        }

        @Test
        void stopLeavesItemsInTheQueueAndRestartEmitsThem() throws Exception {
            BlockingQueue<String> queue = new ArrayBlockingQueue<>(10);
            Source<String> source = Stream.fromQueue(queue);
            source.named("stopLeavesItems");
            List<String> out = source.sinkToList();
            source.start();
            source.start();                           // idempotent: one thread
            queue.put("a");
            eventually(() -> out.size() == 1);
            source.stop();
            source.stop();
            // an item put while stop() interrupts take() may still be taken, and is then emitted;
            // once the thread is gone, nothing more is taken
            eventually(() -> threadGone("streamz fromQueue \"stopLeavesItems\""));
            queue.put("b");
            queue.put("c");
            assertThat(source.isStarted()).isFalse();
            assertThat(queue).containsExactly("b", "c");   // the stopped thread took nothing
            source.start();
            eventually(() -> out.size() == 3);
            assertThat(out).containsExactly("a", "b", "c");
            assertThat(queue).isEmpty();
            source.destroy();
            eventually(() -> threadGone("streamz fromQueue \"stopLeavesItems\""));
            queue.put("d");
            assertThat(queue).containsExactly("d");
        }

        @Test
        void aFailingDownstreamStopsTheSource() throws Exception {
            BlockingQueue<Integer> queue = new LinkedBlockingQueue<>(List.of(1, 0, 2));
            Source<Integer> source = Stream.fromQueue(queue);
            List<Integer> out = source.map(x -> 10 / x).sinkToList();
            source.start();
            eventually(() -> !source.isStarted());
            assertThat(out).containsExactly(10);
            assertThat(queue).containsExactly(2);
        }

        @Test
        void rejectsNull() {
            assertThatThrownBy(() -> Stream.fromQueue(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("fromQueue: queue is null");
        }
    }

    // ------------------------------------------------------------------ fromProcess

    @Nested
    class FromProcess {
        @Test
        void emitsStdoutLinesWithTheirNewlineThenStops() {
            Source<String> source = Stream.fromProcess(List.of("printf", "a\\nb\\nc"));
            List<String> out = source.sinkToList();
            assertThat(out).isEmpty();
            source.start();
            eventually(() -> !source.isStarted());
            assertThat(out).containsExactly("a\n", "b\n", "c");
        }

        @Test
        void echo() {
            Source<String> source = Stream.fromProcess(List.of("echo", "hello world"));
            List<String> out = source.map(String::strip).sinkToList();
            source.start();
            eventually(() -> !source.isStarted());
            assertThat(out).containsExactly("hello world");
        }

        @Test
        void withStderrMergesStandardError() {
            Source<String> source = Stream.fromProcess(List.of("sh", "-c", "echo out; echo err 1>&2"), true);
            List<String> out = source.sinkToList();
            source.start();
            eventually(() -> !source.isStarted());
            assertThat(out).containsExactlyInAnyOrder("out\n", "err\n");
        }

        @Test
        void stopKillsTheProcess() throws Exception {
            // the shell prints its own pid and execs sleep in the same process: the child is known
            // by its pid, whether or not the exec has happened yet (its command line may be empty)
            Source<String> source = Stream.fromProcess(List.of("sh", "-c", "echo $$; exec sleep 60"));
            List<String> out = source.sinkToList();
            source.start();
            eventually(() -> out.size() == 1);
            ProcessHandle child = ProcessHandle.of(Long.parseLong(out.get(0).trim())).orElseThrow();
            assertThat(child.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
            source.stop();
            source.stop();
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).isFalse();
            assertThat(out).hasSize(1);
        }

        @Test
        void aMissingProgramFailsAtStart() {
            Source<String> source = Stream.fromProcess(List.of("no-such-program-streamz"));
            assertThatThrownBy(source::start)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("fromProcess")
                    .hasMessageContaining("no-such-program-streamz");
            assertThat(source.isStarted()).isFalse();
        }

        @Test
        void badArguments() {
            assertThatThrownBy(() -> Stream.fromProcess(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("fromProcess: command is null");
            assertThatThrownBy(() -> Stream.fromProcess(List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fromProcess: command must name a program, was []");
            assertThatThrownBy(() -> Stream.fromProcess(java.util.Arrays.asList("echo", null)))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("fromProcess: command[1] is null");
        }
    }
}
