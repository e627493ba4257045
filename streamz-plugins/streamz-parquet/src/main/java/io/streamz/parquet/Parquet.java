package io.streamz.parquet;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.features.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Parquet files as a source and a target of events (storey {@code ParquetSource} and
 * {@code ParquetTarget}), on parquet-java over local files: no Hadoop on the class path.
 *
 * <pre>{@code
 * Path dir = Files.createTempDirectory("clicks");
 * Stream<Event<Map<String, Object>>> events = Stream.create();
 * Parquet.parquetTarget(events, dir, ParquetTargetOptions.defaults().withPartitionColumns(List.of("$key")));
 * events.emit(Event.of(Map.of("clicks", 3L), "ann", null));
 * events.emit(Event.of(Map.of("clicks", 1L), "bob", null));
 * events.emitEnd();   // dir/key=ann/<uuid>.parquet, dir/key=bob/<uuid>.parquet
 *
 * Source<Event<Map<String, Object>>> back = Parquet.parquetSource(dir, ParquetSourceOptions.defaults().withKeyField("key"));
 * List<Event<Map<String, Object>>> read = back.sinkToList();
 * back.start();
 * read.get(0).body();   // {clicks=3, key=ann}
 * }</pre>
 */
public final class Parquet {
    private Parquet() {
    }

    /**
     * Writes the events to Parquet files and passes them on (storey {@code ParquetTarget}).
     * A {@code path} ending in {@code .parquet} or {@code .pq}, without partition columns, is one
     * file written at the end of the input; any other is a directory where each batch (see
     * {@link ParquetTargetOptions#withBatching}) becomes a new file
     * {@code col=value/.../<uuid>.parquet} of its partition (storey's default partitions: the key
     * hashed into 256 buckets, then year, month, day and hour of the event's time).
     *
     * <p>Columns are optional (a missing value is a null); their types are declared or taken from
     * the first value in the batch: {@code String} (UTF-8 string), {@code Integer} (int32),
     * {@code Long} (int64), {@code Float}, {@code Double}, {@code Boolean}, {@code Instant}
     * (timestamp in microseconds, UTC).
     *
     * <p><b>Bodies:</b> a {@code Map} body gives each column its field; a {@code List} body (as
     * storey writes lists) holds the values of the index columns, then of the columns, in order,
     * with the metadata columns ({@code "event_key=$key"}) taken from the event, as the CSV target
     * reads lists. A {@code List} needs the columns given (they cannot be inferred from it) and
     * one value per column that is not metadata; a partition column of the body is one of them:
     *
     * <pre>{@code
     * Path file = Files.createTempDirectory("clicks").resolve("clicks.parquet");
     * Stream<Event<List<Object>>> rows = Stream.create();
     * Parquet.parquetTarget(rows, file, ParquetTargetOptions.defaults()
     *         .withIndexColumns(List.of("user=$key")).withColumns(List.of("clicks", "page")));
     * rows.emit(Event.of(List.of(3, "/"), "ann", null));
     * rows.emitEnd();   // one row: user=ann, clicks=3, page=/
     * }</pre>
     *
     * <p><b>Failures:</b> an event that cannot be placed (no time to partition by, a missing
     * partition field, a body that is neither a {@code Map} nor a {@code List}, a {@code List}
     * of the wrong length) fails through the node's error policy,
     * naming the node and the event; a batch that cannot be written fails the element that
     * completed it, or the end of the input.
     *
     * <p><b>Metadata:</b> an event's refs are held until its batch was written.
     *
     * <p><b>Paths:</b> any {@code java.nio.file.Path}: of the default file system (also from a
     * {@code file:} URI, {@code Path.of(URI.create("file:///data/clicks"))}), or of any other
     * installed file system provider: a zip file ({@code FileSystems.newFileSystem(zip, Map.of("create",
     * "true")).getPath("/clicks")}), or a cloud store's NIO provider that you put on the class path
     * ({@code Path.of(URI.create("gs://bucket/clicks"))} with Google's {@code google-cloud-nio}).
     * Hadoop file systems ({@code hdfs:}, {@code s3a:}) are not supported: they need a Hadoop
     * runtime, which this module avoids.
     *
     * @param <B> the body type: {@code Map<String, Object>} or a {@code List}
     * @param events events with {@code Map} or {@code List} bodies
     * @param path a {@code .parquet} file or a directory, on any file system
     * @param options columns, index columns, partitions, batching
     * @return the same events, passed on at once
     * @throws NullPointerException if an argument is {@code null}
     */
    @SuppressWarnings("unchecked")
    public static <B> Stream<Event<B>> parquetTarget(Stream<? extends Event<B>> events, Path path,
            ParquetTargetOptions options) {
        notNull(events, "parquetTarget", "events");
        notNull(path, "parquetTarget", "path");
        return (Stream<Event<B>>) (Stream<?>) ParquetTarget.create(events, path,
                notNull(options, "parquetTarget", "options"));
    }

    /**
     * The rows of Parquet files as events (storey {@code ParquetSource}): a file, or every
     * {@code .parquet}/{@code .pq} file under a directory in path order, with the
     * {@code col=value} directories' values as string columns (a partitioned dataset as
     * {@link #parquetTarget} writes it). {@code start()} it; it ends after the last row.
     *
     * <p>Values: strings, {@code Integer}, {@code Long}, {@code Float}, {@code Double},
     * {@code Boolean}, {@code Instant} for timestamps (also legacy INT96 ones), {@code byte[]} for
     * other binary; a null as {@code null}. The files' footers are read at once, so a missing key,
     * time, id or filter column fails here, naming the file; the rows are read one file at a time
     * as the source runs.
     *
     * <p>Like {@link #parquetTarget}, it reads a {@code Path} of any installed file system.
     *
     * @param path a file or a directory, on any file system
     * @param options columns, key, time, id, filter
     * @return a source of one event per row
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code path} holds no Parquet file, or a file lacks a
     *         column the options name
     * @throws UncheckedIOException if a file cannot be read
     */
    public static Source<Event<Map<String, Object>>> parquetSource(Path path, ParquetSourceOptions options) {
        notNull(path, "parquetSource", "path");
        notNull(options, "parquetSource", "options");
        List<Path> files = files(path);
        for (Path f : files) {
            check(f, partitionValues(path, f).keySet(), options);
        }
        return Stream.fromIterable(() -> new Rows2Events(path, files, options));
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("parquetSource: no file or directory " + path);
        }
        try (java.util.stream.Stream<Path> all = Files.walk(path)) {
            List<Path> files = all.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".parquet") || p.toString().endsWith(".pq"))
                    .sorted().collect(Collectors.toList());
            if (files.isEmpty()) {
                throw new IllegalArgumentException("parquetSource: no .parquet file under " + path);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("parquetSource: cannot list " + path, e);
        }
    }

    /** The col=value directories between the root and a file. */
    private static Map<String, Object> partitionValues(Path root, Path file) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (root.equals(file)) {
            return values;
        }
        Path rel = root.relativize(file).getParent();
        for (int i = 0; rel != null && i < rel.getNameCount(); i++) {
            String part = rel.getName(i).toString();
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return values;
    }

    private static void check(Path file, Set<String> partitionColumns, ParquetSourceOptions options) {
        MessageType schema;
        try (ParquetFileReader r = ParquetFileReader.open(new NioInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(LocalCodecs.INSTANCE).build())) {
            schema = r.getFileMetaData().getSchema();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("parquetSource: " + file + " is not a readable Parquet file: " + e, e);
        }
        List<String> have = new ArrayList<>(partitionColumns);
        schema.getFields().stream().map(Type::getName).forEach(have::add);
        List<String> needed = new ArrayList<>(options.keyFields());
        if (options.timeField() != null) {
            needed.add(options.timeField());
        }
        if (options.idField() != null) {
            needed.add(options.idField());
        }
        if (options.filterColumn() != null) {
            needed.add(options.filterColumn());
        }
        needed.addAll(options.columns());
        List<String> missing = needed.stream().filter(c -> !have.contains(c)).distinct().collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("parquetSource: column" + (missing.size() > 1 ? "s " : " ") + missing
                    + " missing from " + file + " (it has " + have + ")");
        }
    }

    /** Reads the files' rows one file at a time, and makes events of those the filter keeps. */
    private static final class Rows2Events implements Iterator<Event<Map<String, Object>>> {
        private final Path root;
        private final Iterator<Path> files;
        private final ParquetSourceOptions options;
        private final java.time.format.DateTimeFormatter noFormat = null;
        private ParquetReader<Group> reader;
        private Path file;
        private Event<Map<String, Object>> next;

        Rows2Events(Path root, List<Path> files, ParquetSourceOptions options) {
            this.root = root;
            this.files = files.iterator();
            this.options = options;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    Group g = reader == null ? null : reader.read();
                    if (g == null) {
                        if (reader != null) {
                            reader.close();
                            reader = null;
                        }
                        if (!files.hasNext()) {
                            return false;
                        }
                        file = files.next();
                        reader = open(file);
                        continue;
                    }
                    next = event(Rows.row(g, file));
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("parquetSource: cannot read " + file, e);
            }
        }

        @Override
        public Event<Map<String, Object>> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Event<Map<String, Object>> e = next;
            next = null;
            return e;
        }

        private static ParquetReader<Group> open(Path file) throws IOException {
            return new ParquetReader.Builder<Group>(new NioInputFile(file), new PlainParquetConfiguration()) {
                @Override
                protected ReadSupport<Group> getReadSupport() {
                    return new GroupReadSupport();
                }
            }.withCodecFactory(LocalCodecs.INSTANCE).build();
        }

        /** The event of a row, or null when the filter leaves it out. */
        private Event<Map<String, Object>> event(Map<String, Object> read) {
            Map<String, Object> row = read;
            partitionValues(root, file).forEach(row::putIfAbsent);
            if (options.filterColumn() != null) {
                Object v = row.get(options.filterColumn());
                if (v == null) {
                    return null;
                }
                Instant t = Event.timeOf(v, noFormat);
                if (options.filterStart() != null && !t.isAfter(options.filterStart())
                        || options.filterEnd() != null && t.isAfter(options.filterEnd())) {
                    return null;
                }
            }
            Object key = null;
            if (options.keyFields().size() == 1) {
                key = row.get(options.keyFields().get(0));
            } else if (!options.keyFields().isEmpty()) {
                List<Object> keys = new ArrayList<>();
                for (String k : options.keyFields()) {
                    keys.add(row.get(k));
                }
                key = keys;
            }
            if (options.keyFields().stream().anyMatch(k -> row.get(k) == null)) {
                return null;   // as storey: a row with a null key is left out
            }
            Object t = options.timeField() == null ? null : row.get(options.timeField());
            Object id = options.idField() == null ? null : row.get(options.idField());
            Map<String, Object> body = row;
            if (!options.columns().isEmpty()) {
                body = new LinkedHashMap<>();
                for (String c : options.columns()) {
                    body.put(c, row.get(c));
                }
            }
            Event<Map<String, Object>> e = Event.of(body, key, t == null ? null : Event.timeOf(t, noFormat));
            return id == null ? e : e.withId(String.valueOf(id));
        }
    }

    static <V> V notNull(V value, String node, String param) {
        if (value == null) {
            throw new NullPointerException(node + ": " + param + " is null");
        }
        return value;
    }
}
