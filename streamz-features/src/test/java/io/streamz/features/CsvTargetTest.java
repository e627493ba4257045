package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import io.streamz.testing.VirtualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV target. The {@code storey*} tests are storey's tests/test_flow.py CSV target tests with
 * their literal expected files, list bodies and {@code infer_columns_from_data} included.
 */
class CsvTargetTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    private static Map<String, Object> n(int i) {
        Map<String, Object> body = new HashMap<>();
        body.put("n", i);
        body.put("n*10", 10 * i);
        return body;
    }

    private String run(Path file, List<String> columns, boolean header, int from, int to) throws IOException {
        Stream<Event<Map<String, Object>>> source = Stream.create();
        FlowController<Map<String, Object>> controller = FlowController.of(source, clock.scheduler());
        Flows.csvTarget(source, file, columns, header, BatchOptions.csvDefaults().withScheduler(clock.scheduler()));
        for (int i = from; i < to; i++) {
            controller.emit(n(i), "key" + i, null);
        }
        controller.terminate();
        controller.awaitTermination();
        return Files.exists(file) ? Files.readString(file) : null;
    }

    private static final String TEN = "0,0\n1,10\n2,20\n3,30\n4,40\n5,50\n6,60\n7,70\n8,80\n9,90\n";

    @Test
    void storeyWriteCsvWithDict() throws IOException {
        assertThat(run(dir.resolve("out.csv"), List.of("n", "n*10"), true, 0, 10)).isEqualTo("n,n*10\n" + TEN);
    }

    @Test
    void storeyWriteCsvWithZeroRecords() throws IOException {
        assertThat(run(dir.resolve("out.csv"), List.of("n", "n*10"), true, 0, 0)).isNull();
    }

    @Test
    void storeyAppendCsv() throws IOException {
        Path file = dir.resolve("out.csv");
        run(file, List.of("n", "n*10"), true, 0, 3);
        assertThat(run(file, List.of("n", "n*10"), true, 0, 3)).isEqualTo("n,n*10\n0,0\n1,10\n2,20\n0,0\n1,10\n2,20\n");
    }

    @Test
    void storeyWriteCsvInferColumns() throws IOException {
        assertThat(run(dir.resolve("out.csv"), List.of(), true, 0, 10)).isEqualTo("n,n*10\n" + TEN);
    }

    @Test
    void storeyWriteCsvInferColumnsAfterFlowRestart() throws IOException {
        Path file = dir.resolve("out.csv");
        run(file, List.of(), true, 0, 3);
        run(file, List.of(), true, 3, 6);
        assertThat(run(file, List.of(), true, 6, 10)).isEqualTo("n,n*10\n" + TEN);
    }

    @Test
    void storeyWriteCsvInferColumnsWithoutHeader() throws IOException {
        assertThat(run(dir.resolve("sub/out.csv"), List.of(), false, 0, 10)).isEqualTo(TEN);
    }

    @Test
    void storeyWriteCsvWithMetadata() throws IOException {
        StringBuilder expected = new StringBuilder("event_key,n,n*10\n");
        for (int i = 0; i < 10; i++) {
            expected.append("key").append(i).append(',').append(i).append(',').append(10 * i).append('\n');
        }
        assertThat(run(dir.resolve("a.csv"), List.of("event_key=$key", "n", "n*10"), true, 0, 10))
                .isEqualTo(expected.toString());
        assertThat(run(dir.resolve("b.csv"), List.of("$key", "n", "n*10"), true, 0, 10))
                .isEqualTo(expected.toString().replace("event_key,", "key,"));
    }

    @Test
    void storeyWriteCsvWithRename() throws IOException {
        assertThat(run(dir.resolve("out.csv"), List.of("n", "n x 10=n*10"), true, 0, 10))
                .isEqualTo("n,n x 10\n" + TEN);
    }

    @Test
    void missingFieldsAreEmptyAndFieldsWithCommasOrQuotesAreQuoted() throws IOException {
        Path file = dir.resolve("out.csv");
        Stream<Event<Map<String, Object>>> source = Stream.create();
        Flows.csvTarget(source, file, List.of("name", "note", "t=$time"), true, BatchOptions.atEnd());
        source.emit(Event.of(Map.of("name", "a,b", "note", "say \"hi\""), null, Instant.EPOCH));
        source.emit(Event.of(Map.of("name", "c"), null, null));
        source.emitEnd();
        assertThat(Files.readString(file))
                .isEqualTo("name,note,t\n\"a,b\",\"say \"\"hi\"\"\",1970-01-01T00:00:00Z\nc,,\n");
    }

    @Test
    void batchesAreWrittenAfterMaxEventsAndAfterFlushAfterOnTheSchedulersClock() throws IOException {
        Path file = dir.resolve("out.csv");
        Stream<Event<Map<String, Object>>> source = Stream.create();
        List<Event<Map<String, Object>>> passed = Flows.csvTarget(source, file, List.of("n"), false,
                BatchOptions.atEnd().withMaxEvents(2).withFlushAfter(Duration.ofSeconds(3)).withScheduler(clock.scheduler()))
                .sinkToList();
        source.emit(Event.of(n(1)));
        assertThat(passed).hasSize(1);                 // passed on at once
        assertThat(file).doesNotExist();
        source.emit(Event.of(n(2)));
        assertThat(Files.readString(file)).isEqualTo("1\n2\n");
        source.emit(Event.of(n(3)));
        clock.advanceTimeBy(Duration.ofMillis(2999));
        assertThat(Files.readString(file)).isEqualTo("1\n2\n");
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(Files.readString(file)).isEqualTo("1\n2\n3\n");
        source.emit(Event.of(n(4)));
        assertThat(source.emitEnd()).isCompleted();
        assertThat(Files.readString(file)).isEqualTo("1\n2\n3\n4\n");
        clock.advanceTimeBy(Duration.ofSeconds(10));   // the cancelled timer writes nothing twice
        assertThat(Files.readString(file)).isEqualTo("1\n2\n3\n4\n");
    }

    @Test
    void anEventsRefsAreHeldUntilItsBatchIsWritten() {
        Stream<Event<Map<String, Object>>> source = Stream.create();
        Stream<Event<Map<String, Object>>> target = Flows.csvTarget(source, dir.resolve("out.csv"), List.of("n"), false,
                BatchOptions.atEnd().withMaxEvents(2));
        RefCounter first = new RefCounter();
        RefCounter second = new RefCounter();
        source.emit(Event.of(n(1)), List.of(Map.of("ref", first)));
        assertThat(first.count()).isEqualTo(1);
        assertThat(target.stats().held()).isEqualTo(1);
        source.emit(Event.of(n(2)), List.of(Map.of("ref", second)));
        assertThat(first.count()).isZero();
        assertThat(second.count()).isZero();
        assertThat(target.stats().held()).isZero();
    }

    @Test
    void badInputNamesTheNodeAndTheValue() throws IOException {
        Stream<Event<Map<String, Object>>> source = Stream.create();
        assertThatThrownBy(() -> Flows.csvTarget(source, null, List.of(), true, BatchOptions.atEnd()))
                .isInstanceOf(NullPointerException.class).hasMessage("csvTarget: path is null");
        assertThatThrownBy(() -> Flows.csvTarget(source, dir.resolve("x.csv"), List.of("a=$offset"), true,
                BatchOptions.atEnd())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TargetColumns: metadata must be $key, $time or $id, was \"a=$offset\"");
        assertThatThrownBy(() -> BatchOptions.atEnd().withMaxEvents(-1))
                .hasMessage("BatchOptions: maxEvents must be >= 0 (0: no limit), was -1");
        assertThatThrownBy(() -> BatchOptions.atEnd().withFlushAfter(Duration.ofSeconds(-1)))
                .hasMessageContaining("flushAfter").hasMessageContaining("-1s");

        @SuppressWarnings({"unchecked", "rawtypes"})
        Stream<Event<Object>> raw = (Stream) source;
        Flows.csvTarget(source, dir.resolve("x.csv"), List.of("n"), false, BatchOptions.atEnd().withMaxEvents(1));
        assertThatThrownBy(() -> raw.emit(Event.of("text"))).isInstanceOf(NodeException.class)
                .hasMessageContaining("csvTarget").hasMessageContaining("text")
                .cause().hasMessage("the event's body must be a Map or a List, was \"text\" (String)");
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheEnd() throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        Stream<Event<Map<String, Object>>> source = Stream.create();
        Flows.csvTarget(source, notADir.resolve("out.csv"), List.of("n"), false, BatchOptions.atEnd());
        source.emit(Event.of(n(1)));
        CompletableFuture<Void> end = source.emitEnd();
        assertThat(end).isCompletedExceptionally();
        assertThatThrownBy(end::join).hasMessageContaining("csvTarget").hasMessageContaining("writing at the end");
    }

    private <B> String runBodies(Path file, List<String> columns, boolean infer, boolean header,
            java.util.function.IntFunction<B> body) throws IOException {
        Stream<Event<B>> source = Stream.create();
        FlowController<B> controller = FlowController.of(source, clock.scheduler());
        Flows.csvTarget(source, file, columns, infer, header, BatchOptions.csvDefaults().withScheduler(clock.scheduler()));
        for (int i = 0; i < 10; i++) {
            controller.emit(body.apply(i), "key" + i, null);
        }
        controller.terminate();
        controller.awaitTermination();
        return Files.readString(file);
    }

    private static final String KEYED_TEN = "key0,0,0\nkey1,1,10\nkey2,2,20\nkey3,3,30\nkey4,4,40\nkey5,5,50\n"
            + "key6,6,60\nkey7,7,70\nkey8,8,80\nkey9,9,90\n";

    @Test
    void storeyWriteCsvFromListsWithMetadata() throws IOException {
        assertThat(runBodies(dir.resolve("out.csv"), List.of("event_key=$key", "n", "n*10"), false, true,
                i -> List.of(i, 10 * i))).isEqualTo("event_key,n,n*10\n" + KEYED_TEN);
    }

    @Test
    void listBodiesWithoutMetadataColumnsAreWrittenAsTheyAre() throws IOException {
        assertThat(runBodies(dir.resolve("out.csv"), List.of("n", "n*10"), false, true, i -> List.of(i, 10 * i)))
                .isEqualTo("n,n*10\n" + TEN);
    }

    @Test
    void storeyWriteCsvFromListsWithMetadataAndColumnPruning() throws IOException {
        assertThat(runBodies(dir.resolve("out.csv"), List.of("event_key=$key", "n*10"), false, true, CsvTargetTest::n))
                .isEqualTo("event_key,n*10\nkey0,0\nkey1,10\nkey2,20\nkey3,30\nkey4,40\nkey5,50\nkey6,60\nkey7,70\n"
                        + "key8,80\nkey9,90\n");
    }

    @Test
    void storeyWriteCsvInferWithMetadataColumns() throws IOException {
        assertThat(runBodies(dir.resolve("out.csv"), List.of("event_key=$key"), true, true, CsvTargetTest::n))
                .isEqualTo("event_key,n,n*10\n" + KEYED_TEN);
    }

    @Test
    void inferredColumnsJoinTheGivenOnesSortedByNameWithoutRepeatingOne() throws IOException {
        assertThat(runBodies(dir.resolve("out.csv"), List.of("n", "z=$key"), true, true, CsvTargetTest::n))
                .startsWith("n,n*10,z\n0,0,key0\n1,10,key1\n");
    }

    @Test
    void storeyWriteCsvFailToInferColumnsAndWriteCsvError() {
        Stream<Event<Object>> source = Stream.create();
        Flows.csvTarget(source, dir.resolve("x.csv"), List.of(), true, BatchOptions.atEnd());
        assertThatThrownBy(() -> source.emit(Event.of(List.of(0)))).isInstanceOf(NodeException.class)
                .hasMessageContaining("csvTarget").hasMessageContaining("[0]").cause()
                .hasMessage("cannot infer the columns from a List body, only from a Map: give the columns");
        assertThatThrownBy(() -> source.emit(Event.of(7))).isInstanceOf(NodeException.class)
                .hasMessageContaining("csvTarget").hasMessageContaining("7").cause()
                .hasMessage("the event's body must be a Map, was \"7\" (Integer)");
        Stream<Event<Object>> lists = Stream.create();
        Flows.csvTarget(lists, dir.resolve("y.csv"), List.of("k=$key", "a", "b"), true, BatchOptions.atEnd());
        assertThatThrownBy(() -> lists.emit(Event.of(List.of(1), "ann", null))).isInstanceOf(NodeException.class)
                .hasMessageContaining("csvTarget").cause()
                .hasMessage("the List body [1] has fewer values than the columns [k=$key, a, b] other than metadata");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }
}
