package io.streamz.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.features.BatchOptions;
import io.streamz.features.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The Parquet target and source: round trips through files, storey's partition directories,
 * batching on a virtual clock, and DuckDB (its JDBC driver, a second implementation of Parquet)
 * reading what the target wrote and writing what the source reads. The tests run without Hadoop
 * on the class path (see the module's pom).
 */
class ParquetTest {
    private static final Instant T = Instant.parse("2024-05-01T10:15:30.123456Z");

    @TempDir
    Path dir;

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

    @AfterEach
    void stopClock() {
        clock.dispose();
    }

    private static Map<String, Object> body(String user, int i) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("user", user);
        b.put("n", i);
        b.put("total", 10L * i);
        b.put("price", i + 0.5);
        b.put("vip", i % 2 == 0);
        b.put("seen", T.plusSeconds(i));
        b.put("note", i == 1 ? null : "x" + i);
        return b;
    }

    private List<Event<Map<String, Object>>> read(Path path, ParquetSourceOptions options) {
        Source<Event<Map<String, Object>>> source = Parquet.parquetSource(path, options);
        List<Event<Map<String, Object>>> out = source.sinkToList();
        source.start();
        assertThat(source.completion()).isCompleted();
        return out;
    }

    private static void duckExecute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<List<Object>> duck(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aSingleFileRoundTripsEveryTypeAndNulls() throws Exception {
        Path file = dir.resolve("out.parquet");
        Stream<Event<Map<String, Object>>> events = Stream.create();
        List<Event<Map<String, Object>>> passed = Parquet.parquetTarget(events, file, ParquetTargetOptions.defaults())
                .sinkToList();
        List<Map<String, Object>> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(body("u" + i, i));
            events.emit(Event.of(body("u" + i, i), "u" + i, T));
        }
        assertThat(passed).hasSize(3);
        assertThat(file).doesNotExist();                  // one file: written at the end
        assertThat(events.emitEnd()).isCompleted();

        List<Event<Map<String, Object>>> back = read(file, ParquetSourceOptions.defaults().withKeyField("user")
                .withTimeField("seen").withIdField("n"));
        // no columns: the bodies' fields in order of appearance (storey hands the dicts to pandas)
        assertThat(back.get(0).body().keySet()).containsExactly("user", "n", "total", "price", "vip", "seen", "note");
        assertThat(back).extracting(Event::body).containsExactlyElementsOf(written);
        assertThat(back).extracting(Event::key).containsExactly("u0", "u1", "u2");
        assertThat(back.get(2).time()).isEqualTo(T.plusSeconds(2));
        assertThat(back.get(2).id()).isEqualTo("2");

        assertThat(duck("SELECT user, n, total, price, vip, seen, note, typeof(n), typeof(total), typeof(seen) FROM '"
                + file + "' ORDER BY n").get(1).toString())
                .isEqualTo("[u1, 1, 10, 1.5, false, " + duck("SELECT TIMESTAMPTZ '2024-05-01 10:15:31.123456+00'").get(0).get(0)
                        + ", null, INTEGER, BIGINT, TIMESTAMP WITH TIME ZONE]");
    }

    @Test
    void columnsInStoreyNotationWithDeclaredTypes() throws Exception {
        Path file = dir.resolve("out.pq");
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, file, ParquetTargetOptions.defaults()
                .withColumns(List.of("who=$key", "n", "when=$time", "missing"))
                .withColumnType("n", "int").withColumnType("missing", "float"));
        events.emit(Event.of(body("ann", 1), "ann", T));
        events.emitEnd();
        assertThat(read(file, ParquetSourceOptions.defaults()).get(0).body())
                .isEqualTo(map("who", "ann", "n", 1L, "when", T, "missing", null));
        assertThat(duck("SELECT typeof(n), typeof(missing), typeof(who) FROM read_parquet('" + file + "')").get(0))
                .containsExactly("BIGINT", "DOUBLE", "VARCHAR");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void storeysDefaultPartitionsAreTheKeyHashedInto256ThenYearMonthDayHour() throws Exception {
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, dir, ParquetTargetOptions.defaults());
        events.emit(Event.of(body("ann", 1), "ann", T));
        events.emit(Event.of(body("bob", 2), "bob", T.plus(Duration.ofHours(1))));
        events.emitEnd();

        // sha1("ann") % 256 and sha1("bob") % 256, as Python's hashlib gives them
        assertThat(partitionDirs()).containsExactly("hash256_key=10/year=2024/month=05/day=01/hour=11",
                "hash256_key=226/year=2024/month=05/day=01/hour=10");
        List<Event<Map<String, Object>>> back = read(dir, ParquetSourceOptions.defaults());
        assertThat(back.get(1).body()).containsEntry("hash256_key", "226").containsEntry("hour", "10")
                .containsEntry("user", "ann");
        assertThat(duck("SELECT user, hash256_key, hour FROM read_parquet('" + dir
                + "/**/*.parquet', hive_partitioning = true) ORDER BY user").toString())
                .isEqualTo("[[ann, 226, 10], [bob, 10, 11]]");
    }

    private List<String> partitionDirs() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".parquet"))
                    .map(p -> dir.relativize(p.getParent()).toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void partitionsByABodyFieldAndTheDateOfATimeFieldWithAFormat() throws Exception {
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, dir, ParquetTargetOptions.defaults()
                .withPartitionColumns(List.of("country", "$date")).withTimeField("at").withTimeFormat("dd/MM/yyyy HH:mm"));
        events.emit(Event.of(new HashMap<>(Map.of("country", "NZ", "n", 1, "at", "02/05/2024 23:10"))));
        events.emit(Event.of(new HashMap<>(Map.of("country", "FR", "n", 2, "at", "03/05/2024 01:00"))));
        events.emitEnd();
        assertThat(partitionDirs()).containsExactly("country=FR/date=2024-05-03", "country=NZ/date=2024-05-02");
        // a field partitioned by is in the path only
        assertThat(duck("SELECT * FROM read_parquet('" + dir + "/country=NZ/*/*.parquet', hive_partitioning = false)")
                .toString()).isEqualTo("[[02/05/2024 23:10, 1]]");
    }

    @Test
    void batchesBecomeFilesAfterMaxEventsAndFlushAfterOnTheVirtualClock() throws Exception {
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, dir, ParquetTargetOptions.defaults().withPartitionColumns(List.of("$key"))
                .withBatching(BatchOptions.atEnd().withMaxEvents(2).withFlushAfter(Duration.ofSeconds(5))
                        .withScheduler(clock)));
        events.emit(Event.of(body("ann", 1), "ann", T));
        events.emit(Event.of(body("bob", 2), "bob", T));
        assertThat(partitionDirs()).isEmpty();
        events.emit(Event.of(body("ann", 3), "ann", T));
        assertThat(partitionDirs()).containsExactly("key=ann");
        clock.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(partitionDirs()).containsExactly("key=ann", "key=bob");
        events.emit(Event.of(body("ann", 4), "ann", T));
        events.emitEnd();
        assertThat(partitionDirs()).containsExactly("key=ann", "key=ann", "key=bob");
        assertThat(duck("SELECT key, count(*), sum(n) FROM read_parquet('" + dir
                + "/*/*.parquet', hive_partitioning = true) GROUP BY key ORDER BY key").toString())
                .isEqualTo("[[ann, 3, 8], [bob, 1, 2]]");
    }

    @Test
    void everyCompressionIsReadBackAndByDuckDb() throws Exception {
        for (String codec : List.of("snappy", "zstd", "gzip", "uncompressed")) {
            Path file = dir.resolve(codec + ".parquet");
            Stream<Event<Map<String, Object>>> events = Stream.create();
            Parquet.parquetTarget(events, file, ParquetTargetOptions.defaults().withCompression(codec));
            for (int i = 0; i < 1000; i++) {
                events.emit(Event.of(Map.of("i", (long) i, "s", "row " + i % 7)));
            }
            events.emitEnd();
            assertThat(read(file, ParquetSourceOptions.defaults())).hasSize(1000).last()
                    .extracting(Event::body).isEqualTo(Map.of("i", 999L, "s", "row 5"));
            assertThat(duck("SELECT sum(i), count(DISTINCT s) FROM '" + file + "'").toString())
                    .as(codec).isEqualTo("[[499500, 7]]");
        }
    }

    @Test
    void theSourceReadsWhatDuckDbWritesFiltersByTimeAndChoosesColumns() throws Exception {
        Path file = dir.resolve("duck.parquet");
        duckExecute("COPY (SELECT 'u' || (i % 3) AS user, i AS n, i * 1.5 AS x, i % 2 = 0 AS even, "
                + "TIMESTAMPTZ '2024-05-01 00:00:00+00' + to_hours(i) AS at FROM range(10) t(i)) TO '" + file
                + "' (FORMAT PARQUET)");

        List<Event<Map<String, Object>>> all = read(file, ParquetSourceOptions.defaults().withKeyField("user", "n"));
        assertThat(all).hasSize(10);
        assertThat(all.get(4).body()).isEqualTo(map("user", "u1", "n", 4L, "x", new java.math.BigDecimal("6.0"),
                "even", true, "at", Instant.parse("2024-05-01T04:00:00Z")));
        assertThat(all.get(4).key()).isEqualTo(List.of("u1", 4L));

        List<Event<Map<String, Object>>> some = read(file, ParquetSourceOptions.defaults().withColumns(List.of("n"))
                .withTimeField("at").withFilter("at", Instant.parse("2024-05-01T02:00:00Z"),
                        Instant.parse("2024-05-01T05:00:00Z")));
        assertThat(some).extracting(Event::body).containsExactly(Map.of("n", 3L), Map.of("n", 4L), Map.of("n", 5L));
        assertThat(some.get(0).time()).isEqualTo(Instant.parse("2024-05-01T03:00:00Z"));
    }

    @Test
    void anEventsRefsAreHeldUntilItsBatchIsWritten() {
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, dir.resolve("out.parquet"), ParquetTargetOptions.defaults());
        RefCounter ref = new RefCounter();
        events.emit(Event.of(body("ann", 1)), List.of(Map.of("ref", ref)));
        assertThat(ref.count()).isEqualTo(1);
        events.emitEnd();
        assertThat(ref.count()).isZero();
    }

    @Test
    void badInputNamesTheNodeAndTheValue() throws IOException {
        Stream<Event<Map<String, Object>>> events = Stream.create();
        assertThatThrownBy(() -> ParquetTargetOptions.defaults().withColumnType("n", "decimal"))
                .hasMessage("parquetTarget: the type of column \"n\" must be one of "
                        + "[str, int, int32, int64, float, float32, float64, bool, datetime], was \"decimal\"");
        assertThatThrownBy(() -> ParquetTargetOptions.defaults().withCompression("lzo"))
                .hasMessage("parquet: compression must be uncompressed, snappy, gzip or zstd, was \"lzo\"");
        assertThatThrownBy(() -> ParquetTargetOptions.defaults().withPartitionColumns(List.of("$key:x")))
                .hasMessage("parquetTarget: a hashed partition is \"column:buckets\" with buckets > 0, was \"$key:x\"");
        assertThatThrownBy(() -> Parquet.parquetTarget(events, null, ParquetTargetOptions.defaults()))
                .isInstanceOf(NullPointerException.class).hasMessage("parquetTarget: path is null");

        Parquet.parquetTarget(events, dir, ParquetTargetOptions.defaults());   // partitions by the event's time
        assertThatThrownBy(() -> events.emit(Event.of(Map.of("n", 1), "ann", null))).isInstanceOf(NodeException.class)
                .hasMessageContaining("parquetTarget").hasMessageContaining("n=1")
                .cause().hasMessageContaining("needs the event's time");

        Stream<Event<Map<String, Object>>> odd = Stream.create();
        Parquet.parquetTarget(odd, dir.resolve("odd.parquet"), ParquetTargetOptions.defaults());
        odd.emit(Event.of(Map.of("thing", new Object() {
            @Override
            public String toString() {
                return "a thing";
            }
        })));
        CompletableFuture<Void> end = odd.emitEnd();
        assertThat(end).isCompletedExceptionally();
        assertThatThrownBy(end::join).hasMessageContaining("parquetTarget")
                .hasMessageContaining("column \"thing\" has the value \"a thing\"");
    }

    @Test
    void theSourceRefusesMissingColumnsAndFilesNamingThem() throws IOException {
        Path file = dir.resolve("out.parquet");
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, file, ParquetTargetOptions.defaults());
        events.emit(Event.of(Map.of("n", 1)));
        events.emitEnd();
        assertThatThrownBy(() -> Parquet.parquetSource(file, ParquetSourceOptions.defaults().withKeyField("user")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parquetSource: column [user] missing from " + file + " (it has [n])");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> Parquet.parquetSource(empty, ParquetSourceOptions.defaults()))
                .hasMessage("parquetSource: no .parquet file under " + empty);
        Path text = Files.writeString(dir.resolve("text.parquet"), "not parquet");
        assertThatThrownBy(() -> Parquet.parquetSource(text, ParquetSourceOptions.defaults()))
                .hasMessageStartingWith("parquetSource: " + text + " is not a readable Parquet file");
    }

    /** storey's test_write_to_parquet_with_indices, with map bodies: the index column comes first. */
    @Test
    void storeyWriteToParquetWithIndices() throws Exception {
        Path out = dir.resolve("indices");
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, out, ParquetTargetOptions.defaults().withIndexColumns(List.of("event_key=$key"))
                .withColumns(List.of("my_int", "my_string")).withPartitionColumns(List.of("$year", "$month", "$day", "$hour")));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            events.emit(Event.of(map("my_int", i, "my_string", "this is " + i), "key" + i, T));
            expected.append(i == 0 ? "" : ", ").append("[key").append(i).append(", ").append(i).append(", this is ").append(i)
                    .append(']');
        }
        events.emitEnd();
        assertThat(duck("SELECT * FROM read_parquet('" + out + "/**/*.parquet', hive_partitioning = false) ORDER BY my_int")
                .toString()).isEqualTo("[" + expected + "]");
        assertThat(read(out, ParquetSourceOptions.defaults()).get(0).body().keySet())
                .containsExactly("event_key", "my_int", "my_string", "year", "month", "day", "hour");
    }

    /** storey's test_write_to_parquet_with_indices as storey writes it: list bodies, the key as the index. */
    @Test
    void storeyWriteToParquetWithIndicesFromListBodies() throws Exception {
        Path out = dir.resolve("indices-lists");
        Stream<Event<List<Object>>> events = Stream.create();
        Parquet.parquetTarget(events, out, ParquetTargetOptions.defaults().withIndexColumns(List.of("event_key=$key"))
                .withColumns(List.of("my_int", "my_string")).withPartitionColumns(List.of("$year", "$month", "$day", "$hour")));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.emit(Event.of(List.of(i, "this is " + i), "key" + i, T));
            expected.add("[key" + i + ", " + i + ", this is " + i + "]");
        }
        events.emitEnd();
        assertThat(duck("SELECT * FROM read_parquet('" + out + "/**/*.parquet', hive_partitioning = false) ORDER BY my_int")
                .toString()).isEqualTo(expected.toString());
        assertThat(read(out, ParquetSourceOptions.defaults()).get(3).body())
                .isEqualTo(map("event_key", "key3", "my_int", 3, "my_string", "this is 3", "year", "2024", "month", "05",
                        "day", "01", "hour", "10"));
    }

    /** A list's values fill the columns that are not metadata, in order; a partition column is one of them. */
    @Test
    void listBodiesRoundTripWithMetadataColumnsBetweenTheirValues() throws Exception {
        Path file = dir.resolve("lists.parquet");
        Stream<Event<List<Object>>> rows = Stream.create();
        List<Event<List<Object>>> passed = Parquet.parquetTarget(rows, file, ParquetTargetOptions.defaults()
                .withColumns(List.of("clicks", "user=$key", "page", "seen=$time"))).sinkToList();
        rows.emit(Event.of(List.of(3L, "/"), "ann", T));
        rows.emit(Event.of(java.util.Arrays.asList(1L, null), "bob", T.plusSeconds(1)));
        rows.emitEnd();
        assertThat(passed).hasSize(2);
        assertThat(read(file, ParquetSourceOptions.defaults())).extracting(Event::body).containsExactly(
                map("clicks", 3L, "user", "ann", "page", "/", "seen", T),
                map("clicks", 1L, "user", "bob", "page", null, "seen", T.plusSeconds(1)));
        assertThat(duck("SELECT clicks, \"user\", page, epoch_us(seen) FROM '" + file + "'")).containsExactly(
                List.of(3L, "ann", "/", T.getEpochSecond() * 1_000_000 + 123_456),
                java.util.Arrays.asList(1L, "bob", null, (T.getEpochSecond() + 1) * 1_000_000 + 123_456));

        Path byPage = dir.resolve("by-page");
        Stream<Event<List<Object>>> more = Stream.create();
        Parquet.parquetTarget(more, byPage, ParquetTargetOptions.defaults().withColumns(List.of("clicks", "page"))
                .withPartitionColumns(List.of("page")));
        more.emit(Event.of(List.of(3L, "home"), "ann", null));
        more.emitEnd();
        assertThat(duck("SELECT clicks, page FROM read_parquet('" + byPage + "/**/*.parquet', hive_partitioning = true)"))
                .containsExactly(List.of(3L, "home"));
    }

    @Test
    void aListBodyWithoutColumnsOrOfTheWrongLengthFailsItsEventWhenItArrives() {
        Stream<Event<List<Object>>> rows = Stream.create();
        Parquet.parquetTarget(rows, dir.resolve("bad.parquet"), ParquetTargetOptions.defaults());
        assertThatThrownBy(() -> rows.emit(Event.of(List.of(1, 2), "ann", null))).isInstanceOf(NodeException.class)
                .hasMessageContaining("parquetTarget").hasMessageContaining("[1, 2]")
                .cause().hasMessage("cannot infer the columns from a List body, only from a Map: give the columns");

        Stream<Event<List<Object>>> shortRows = Stream.create();
        Parquet.parquetTarget(shortRows, dir.resolve("short.parquet"), ParquetTargetOptions.defaults()
                .withColumns(List.of("user=$key", "clicks", "page")));
        assertThatThrownBy(() -> shortRows.emit(Event.of(List.of(1), "ann", null))).isInstanceOf(NodeException.class)
                .hasMessageContaining("parquetTarget").cause()
                .hasMessage("the List body [1] has fewer values than the columns [user=$key, clicks, page] other than metadata");
        assertThatThrownBy(() -> shortRows.emit(Event.of(List.of(1, "/", "extra", "more"), "ann", null)))
                .isInstanceOf(NodeException.class).cause()
                .hasMessage("the List body [1, /, extra, more] must have 2 values, one per column of "
                        + "[user=$key, clicks, page] other than metadata");
    }

    /** storey's test_write_to_parquet_with_inference (the first event's columns; index first, not repeated). */
    @Test
    void inferredColumnsLeaveTheIndexColumnsOut() throws Exception {
        Path file = dir.resolve("inferred.parquet");
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, file, ParquetTargetOptions.defaults().withIndexColumns(List.of("$key", "n")));
        events.emit(Event.of(map("n", 1, "my_string", "this is 1"), "key1", T));
        events.emitEnd();
        assertThat(read(file, ParquetSourceOptions.defaults()).get(0).body())
                .isEqualTo(map("key", "key1", "n", 1, "my_string", "this is 1"));
        assertThat(ParquetTargetOptions.defaults().withIndexColumns(List.of("$key")).toString()).contains("index=[$key]");
    }

    @Test
    void storeyRefusesAColumnThatIsBothIndexAndPartition() {
        assertThatThrownBy(() -> Parquet.parquetTarget(Stream.create(), dir.resolve("out"), ParquetTargetOptions.defaults()
                .withIndexColumns(List.of("$key")).withPartitionColumns(List.of("$key"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parquetTarget: the columns [key] are used both for partitioning and indexing, which is not allowed");
        assertThatThrownBy(() -> ParquetTargetOptions.defaults().withIndexColumns(List.of("k=$offset")))
                .hasMessage("TargetColumns: metadata must be $key, $time or $id, was \"k=$offset\"");
    }

    /** Paths of other file systems: a zip file (jdk.zipfs) holds a partitioned dataset, read back from it. */
    @Test
    void writesAndReadsAPartitionedDatasetOnAnotherFileSystem() throws Exception {
        Path zip = dir.resolve("clicks.zip");
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path out = fs.getPath("/clicks");
            Stream<Event<Map<String, Object>>> events = Stream.create();
            Parquet.parquetTarget(events, out, ParquetTargetOptions.defaults().withPartitionColumns(List.of("$key")));
            events.emit(Event.of(body("ann", 1), "ann", T));
            events.emit(Event.of(body("bob", 2), "bob", T));
            events.emitEnd();
            List<Event<Map<String, Object>>> back = read(out, ParquetSourceOptions.defaults().withKeyField("key"));
            assertThat(back).extracting(Event::key).containsExactly("ann", "bob");
            assertThat(back.get(1).body()).containsEntry("n", 2).containsEntry("seen", T.plusSeconds(2));
        }
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip)) {   // really in the zip
            assertThat(read(fs.getPath("/clicks/key=bob"), ParquetSourceOptions.defaults())).hasSize(1);
        }
        Path uri = Path.of(dir.toUri().resolve("viaUri.parquet"));   // a file: URI
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, uri, ParquetTargetOptions.defaults());
        events.emit(Event.of(body("ann", 1), "ann", T));
        events.emitEnd();
        assertThat(duck("SELECT user FROM '" + dir.resolve("viaUri.parquet") + "'").toString()).isEqualTo("[[ann]]");
    }

    /** storey's test_write_to_parquet_with_inference: no columns: every event's fields, in order of appearance. */
    @Test
    void storeyWriteToParquetWithInference() throws Exception {
        Path out = dir.resolve("inference");
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, out, ParquetTargetOptions.defaults().withIndexColumns(List.of("$key"))
                .withPartitionColumns(List.of()));
        events.emit(Event.of(map("only_first_event", "first", "my_int", -1), "first_key!", T));
        StringBuilder expected = new StringBuilder("[[first_key!, first, -1, null, null]");
        for (int i = 0; i < 10; i++) {
            events.emit(Event.of(map("my_int", i, "my_string", "this is " + i), "key" + i, T));
            expected.append(", [key").append(i).append(", null, ").append(i).append(", this is ").append(i).append(", null]");
        }
        events.emit(Event.of(map("only_last_event", "last", "my_int", 1000), "last_key!", T));
        expected.append(", [last_key!, null, 1000, null, last]]");
        events.emitEnd();
        assertThat(duck("DESCRIBE SELECT * FROM read_parquet('" + out + "/*.parquet')").stream().map(r -> r.get(0))
                .collect(Collectors.toList())).containsExactly("key", "only_first_event", "my_int", "my_string", "only_last_event");
        assertThat(duck("SELECT * FROM read_parquet('" + out + "/*.parquet')").toString()).isEqualTo(expected.toString());
    }

    @Test
    void inferColumnsFromDataTakesTheFirstEventsFieldsSortedForEveryFile() throws Exception {
        Path file = dir.resolve("first.parquet");
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Parquet.parquetTarget(events, file, ParquetTargetOptions.defaults().withColumns(List.of("k=$key"))
                .withInferColumnsFromData(true));
        events.emit(Event.of(map("z", 1, "a", "x"), "ann", T));
        events.emit(Event.of(map("z", 2, "later", true), "bob", T));
        events.emitEnd();
        assertThat(duck("SELECT * FROM '" + file + "'").toString()).isEqualTo("[[x, ann, 1], [null, bob, 2]]");
        assertThat(duck("DESCRIBE SELECT * FROM '" + file + "'").stream().map(r -> r.get(0)).collect(Collectors.toList()))
                .containsExactly("a", "k", "z");
    }
}
