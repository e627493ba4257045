package io.streamz.parquet;

import io.streamz.Stream;
import io.streamz.features.BatchOptions;
import io.streamz.features.BatchingTarget;
import io.streamz.features.Event;
import io.streamz.features.TargetColumns;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import reactor.util.annotation.Nullable;

/**
 * Implements {@link Parquet#parquetTarget}: batches of events by partition directory, each batch
 * written to a new file {@code <dir>/<col=value/...>/<uuid>.parquet}, or all events into one file
 * at the end when the path ends with {@code .parquet} or {@code .pq} and no partition is given
 * (storey {@code ParquetTarget}). A {@code List} body holds the values of the index columns, then
 * of the columns, in order, metadata columns ({@code $key}, ...) taken from the event, as the CSV
 * target reads lists ({@link TargetColumns#values}).
 */
final class ParquetTarget extends BatchingTarget<Event<?>> {
    private static final List<String> STOREY_PARTITIONS = List.of("$key:256", "$year", "$month", "$day", "$hour");

    /** A partition column: its name in the path, what it reads, and its hash buckets (0: none). */
    record Partition(String column, int buckets) {
        String dirName() {
            String name = column.startsWith("$") ? column.substring(1) : column;
            return buckets > 0 ? "hash" + buckets + "_" + name : name;
        }
    }

    private final Path path;
    private final boolean singleFile;
    private final List<Partition> partitions;
    private final ParquetTargetOptions options;
    private final CompressionCodecName codec;
    @Nullable
    private final java.time.format.DateTimeFormatter timeFormat;
    private TargetColumns columns;
    private final TargetColumns index;
    /** The index columns, then the columns: what a {@code List} body's values are, in order. */
    private final TargetColumns listColumns;

    private ParquetTarget(Stream<? extends Event<?>> events, Path path, ParquetTargetOptions options,
            boolean singleFile, List<Partition> partitions) {
        super(events, "parquetTarget", singleFile ? BatchOptions.atEnd().withScheduler(options.batching().scheduler())
                : options.batching(), null);
        this.path = path;
        this.singleFile = singleFile;
        this.partitions = partitions;
        this.options = options;
        this.codec = LocalCodecs.supported(options.compression());
        this.timeFormat = options.timeFormat() == null ? null
                : java.time.format.DateTimeFormatter.ofPattern(options.timeFormat());
        TargetColumns given = TargetColumns.of(options.columns());
        this.columns = options.inferColumnsFromData() ? given.withColumnsInferredFromData() : given;
        this.index = TargetColumns.of(options.indexColumns());
        List<String> indexThenColumns = new ArrayList<>(options.indexColumns());
        indexThenColumns.addAll(options.columns());
        TargetColumns all = TargetColumns.of(indexThenColumns);
        this.listColumns = options.inferColumnsFromData() ? all.withColumnsInferredFromData() : all;
    }

    static ParquetTarget create(Stream<? extends Event<?>> events, Path path,
            ParquetTargetOptions options) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        boolean singleFile = options.partitionColumns() == null && (name.endsWith(".parquet") || name.endsWith(".pq"));
        if (options.partitionColumns() != null) {   // storey refuses a column that is both
            List<String> both = new ArrayList<>(TargetColumns.of(options.indexColumns()).names());
            both.retainAll(options.partitionColumns().stream().map(c -> partition(c).column().replaceFirst("^\\$", ""))
                    .collect(Collectors.toList()));
            if (!both.isEmpty()) {
                throw new IllegalArgumentException("parquetTarget: the columns " + both
                        + " are used both for partitioning and indexing, which is not allowed");
            }
        }
        List<Partition> partitions = new ArrayList<>();
        if (!singleFile) {
            for (String c : options.partitionColumns() == null ? STOREY_PARTITIONS : options.partitionColumns()) {
                partitions.add(partition(c));
            }
        }
        return new ParquetTarget(events, path, options, singleFile, partitions);
    }

    static Partition partition(String c) {
        if (c == null || c.isEmpty()) {
            throw new IllegalArgumentException("parquetTarget: a partition column is empty");
        }
        int colon = c.lastIndexOf(':');
        if (colon < 0) {
            return new Partition(c, 0);
        }
        int n;
        try {
            n = Integer.parseInt(c.substring(colon + 1));
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n <= 0) {
            throw new IllegalArgumentException("parquetTarget: a hashed partition is \"column:buckets\" with buckets > 0, was \""
                    + c + "\"");
        }
        return new Partition(c.substring(0, colon), n);
    }

    @Override
    protected String describeParams() {
        return "path=" + path.getFileName() + (singleFile ? ", one file" : ", partitions="
                + partitions.stream().map(Partition::dirName).collect(Collectors.toList()));
    }

    /** A {@code List} body is checked when it arrives, so that a bad one fails its own event. */
    @Override
    protected void check(Event<?> e) {
        if (e.body() instanceof List) {
            listRow(e);
        }
    }

    /** A {@code List} body's row: the index columns' and the columns' names with its values. */
    private Map<String, Object> listRow(Event<?> e) {
        return listColumns.listRow(e);
    }

    /** A field of the body: of a {@code Map}, or the column of that name of a {@code List}. */
    private Map<String, ?> fields(Event<?> e) {
        if (e.body() instanceof List) {
            return listRow(e);
        }
        if (!(e.body() instanceof Map)) {
            throw new IllegalArgumentException("the event's body must be a Map or a List, was " + e.body());
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> body = (Map<String, ?>) e.body();
        return body;
    }

    /** The partition directory of an event, as storey's {@code _path_from_event}: "/col=value/...". */
    @Override
    protected Object batchKey(Event<?> e) {
        if (partitions.isEmpty()) {
            return "/";
        }
        StringBuilder dir = new StringBuilder("/");
        ZonedDateTime time = null;
        for (Partition p : partitions) {
            String value;
            switch (p.column()) {
                case "$key":
                    Object key = e.key();
                    value = key instanceof List ? ((List<?>) key).stream().map(String::valueOf)
                            .collect(Collectors.joining(".")) : String.valueOf(key);
                    break;
                case "$date":
                case "$year":
                case "$month":
                case "$day":
                case "$hour":
                case "$minute":
                case "$second":
                    time = time != null ? time : time(e).atZone(ZoneOffset.UTC);
                    value = timePart(p.column(), time);
                    break;
                default:
                    if (p.column().startsWith("$")) {
                        throw new IllegalArgumentException("parquetTarget: partition column \"" + p.column()
                                + "\" is not one of $key, $date, $year, $month, $day, $hour, $minute, $second");
                    }
                    Map<String, ?> body = fields(e);
                    if (!body.containsKey(p.column())) {
                        throw new IllegalArgumentException("parquetTarget: the event has no field \"" + p.column()
                                + "\" to partition by: " + body);
                    }
                    value = String.valueOf(body.get(p.column()));
            }
            if (p.buckets() > 0) {
                value = String.valueOf(new BigInteger(1, sha1(value)).mod(BigInteger.valueOf(p.buckets())));
            }
            dir.append(p.dirName()).append('=').append(value).append('/');
        }
        return dir.toString();
    }

    private static String timePart(String column, ZonedDateTime t) {
        switch (column) {
            case "$date":
                return String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            case "$year":
                return String.format("%02d", t.getYear());
            case "$month":
                return String.format("%02d", t.getMonthValue());
            case "$day":
                return String.format("%02d", t.getDayOfMonth());
            case "$hour":
                return String.format("%02d", t.getHour());
            case "$minute":
                return String.format("%02d", t.getMinute());
            default:
                return String.format("%02d", t.getSecond());
        }
    }

    private Instant time(Event<?> e) {
        if (options.timeField() == null) {
            if (e.time() == null) {
                throw new IllegalArgumentException("parquetTarget: partitioning by time needs the event's time, and the "
                        + "event has none (give events a time, or withTimeField)");
            }
            return e.time();
        }
        Object t = e.body() == null ? null : fields(e).get(options.timeField());
        return Event.timeOf(t, timeFormat);
    }

    private static byte[] sha1(String value) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void write(@Nullable Object batchKey, List<Event<?>> batch) throws IOException {
        Event<?> first = batch.stream().filter(e -> !(e.body() instanceof List)).findFirst().orElse(null);
        if (first != null && columns.inferred() && (options.inferColumnsFromData() || !columns.names().isEmpty())) {
            columns = columns.inferFrom(first);   // no columns and no inference: each body whole
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Event<?> e : batch) {
            Map<String, Object> row;
            if (e.body() instanceof List) {
                row = listRow(e);
            } else {
                row = index.inferred() ? new LinkedHashMap<>() : index.row(e, true);
                columns.row(e, true).forEach(row::putIfAbsent);   // the index columns first, once
            }
            for (Partition p : partitions) {
                row.remove(p.column());   // a body field partitioned by is in the path, not a column
            }
            rows.add(row);
        }
        Set<String> names = new LinkedHashSet<>();   // every row's fields, in order of appearance (as pandas)
        rows.forEach(r -> names.addAll(r.keySet()));
        Map<String, String> types = new LinkedHashMap<>();
        for (String c : names) {
            String type = options.columnTypes().get(c);
            for (int i = 0; type == null && i < rows.size(); i++) {
                type = Rows.typeOf(rows.get(i).get(c), c);
            }
            types.put(c, type == null ? "str" : type);
        }
        MessageType schema = Rows.schema(types);
        Path file = singleFile ? path : path.resolve(String.valueOf(batchKey).substring(1)).resolve(UUID.randomUUID() + ".parquet");
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        SimpleGroupFactory factory = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema).withCodecFactory(LocalCodecs.INSTANCE)
                .withCompressionCodec(codec).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (Map<String, Object> row : rows) {
                w.write(Rows.group(factory, schema, row));
            }
        }
    }
}
