package io.streamz.benchmarks;

import io.streamz.ErrorPolicy;
import io.streamz.Stream;
import io.streamz.files.Csv;
import io.streamz.files.FileOptions;
import io.streamz.files.FileSource;
import io.streamz.kafka.Kafka;
import io.streamz.kafka.KafkaSerde;
import io.streamz.kafka.KafkaSource;
import io.streamz.kafka.KafkaSourceOptions;
import io.streamz.kafka.ToKafka;
import io.streamz.net.HttpServerSource;
import io.streamz.net.Net;
import io.streamz.net.NetOptions;
import io.streamz.net.TcpSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The soak run behind {@code benchmarks/soak.sh}: for a given time, at full speed, HTTP and TCP
 * clients (some sending bad input, some dropping their connection mid-request) and a CSV file
 * being appended (some rows malformed) feed one graph that writes to Kafka; a second graph reads
 * the topic back in batches, flattens, fails on some records (routed to a dead-letter topic), and
 * branches to a slow asynchronous sink and a failing one (skipped). Every second it prints the
 * heap (used, and after the last collection), direct memory, threads and the counts; at the end
 * it drains, reads the output topics back and counts what was lost (must be 0) and repeated.
 *
 * <pre>{@code
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.streamz.benchmarks.Soak 600 samples.csv
 * // t_s,heap_used_mb,heap_after_gc_mb,direct_mb,threads,accepted,written,dead_letters
 * // ... one line a second, then a summary: lost=0
 * }</pre>
 */
public final class Soak {
    private static final String IN = "soak-in";
    private static final String OUT = "soak-out";
    private static final String DEAD = "soak-dead";
    private static final long BACKLOG = 20_000;

    private final AtomicLong sent = new AtomicLong();
    /** Every input has a number of its own, from here; the accepted ones are set in {@link #expected}. */
    private final AtomicLong ids = new AtomicLong();
    private final BitSet expected = new BitSet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong inWritten = new AtomicLong();
    private final AtomicLong slowDone = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;

    private Soak() {
    }

    /**
     * Runs the soak.
     *
     * @param args seconds to run (default 600), and the file for the per-second samples
     *     (default {@code soak-samples.csv})
     * @throws Exception if the run cannot be set up
     */
    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 600;
        Path samples = Path.of(args.length > 1 ? args[1] : "soak-samples.csv");
        int code = new Soak().run(seconds, samples);
        System.exit(code);
    }

    private int run(long seconds, Path samplesFile) throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("log.retention.bytes", Long.toString(64L << 20))
                .setConfigProp("log.segment.bytes", Long.toString(16L << 20))
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        String bootstrap = cluster.bootstrapServers();
        Path dir = Files.createTempDirectory("streamz-soak");
        Path csvFile = dir.resolve("rows.csv");
        Files.writeString(csvFile, "id,value\n");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(IN, 3, (short) 1), new NewTopic(OUT, 3, (short) 1),
                    new NewTopic(DEAD, 1, (short) 1))).all().get();

            // the edge: HTTP, TCP and a tailed CSV file into one topic; bad input to a file
            HttpServerSource http = Net.fromHttpServer(0, "/ingest", NetOptions.defaults().withMaxSize(4096));
            TcpSource tcp = Net.fromTcp(0, "\n", NetOptions.defaults().withMaxSize(4096));
            FileSource<Map<String, Object>> csv = Csv.fromCsv(csvFile.toString(),
                    FileOptions.defaults().withTail(true).withPollInterval("20ms"));
            Stream<String> edge = http.union(tcp, csv.map(row -> row.get("id") + "," + row.get("value")))
                    .map(Soak::validate).onError(ErrorPolicy.route());
            ToKafka<String> toIn = edge.as(Kafka.toKafka(IN, producer(bootstrap), KafkaSerde.string()));
            toIn.sink(md -> inWritten.incrementAndGet());
            edge.errors().map(f -> String.valueOf(f.element())).sinkToTextfile(dir.resolve("edge-dead.txt").toString());

            // the pipeline: batches, flattened, a failing step routed to a dead-letter topic,
            // a slow asynchronous sink and a failing sink beside the output
            KafkaSource<List<String>> batches = Kafka.fromKafkaBatched(IN, consumer(bootstrap, "soak"),
                    KafkaSerde.string(), KafkaSourceOptions.defaults().withPollInterval("20ms").withMaxBatchSize(500));
            Stream<String> processed = batches.<String>flatten().map(Soak::process).onError(ErrorPolicy.route());
            processed.as(Kafka.toKafka(OUT, producer(bootstrap), KafkaSerde.string())).sink(md -> written.incrementAndGet());
            processed.errors().map(f -> String.valueOf(f.element()))
                    .as(Kafka.toKafka(DEAD, producer(bootstrap), KafkaSerde.string())).sink(md -> deadLetters.incrementAndGet());
            Stream<String> slow = processed.filter(x -> x.hashCode() % 64 == 0).buffer(1000);
            slow.sinkAsync(x -> CompletableFuture.runAsync(() -> {
                LockSupport.parkNanos(200_000);
                slowDone.incrementAndGet();
            }));
            Stream<String> failing = processed.map(x -> {
                if (x.hashCode() % 13 == 0) {
                    throw new IllegalStateException("the failing sink refuses " + x);
                }
                return x;
            }).onError(ErrorPolicy.skip());
            failing.sink(x -> { });

            http.start();
            tcp.start();
            csv.start();
            batches.start();

            List<Thread> drivers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                drivers.add(driver("http-" + i, () -> httpClient(http.port())));
            }
            drivers.add(driver("tcp", () -> tcpClients(tcp.port())));
            drivers.add(driver("rude", () -> rudeClients(http.port(), tcp.port())));
            drivers.add(driver("csv", () -> csvWriter(csvFile)));

            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            List<double[]> heap = new ArrayList<>();
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(samplesFile))) {
                String header = "t_s,heap_used_mb,heap_after_gc_mb,direct_mb,threads,accepted,in_topic,written,dead_letters";
                out.println(header);
                System.out.println(header);
                for (long t = 1; System.nanoTime() < deadline; t++) {
                    long next = start + TimeUnit.SECONDS.toNanos(t);
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                    double used = usedHeapMb();
                    double afterGc = heapAfterGcMb();
                    heap.add(new double[] {t, used, afterGc});
                    String line = String.format("%d,%.1f,%.1f,%.1f,%d,%d,%d,%d,%d", t, used, afterGc, directMb(),
                            Thread.activeCount(), accepted.get(), inWritten.get(), written.get(), deadLetters.get());
                    out.println(line);
                    out.flush();
                    if (t % 10 == 0) {
                        System.out.println(line);
                    }
                }
            }
            running = false;
            for (Thread d : drivers) {
                d.join(60_000);
            }

            // drain: everything accepted reaches the input topic, is read and its output acknowledged
            long drainStart = System.nanoTime();
            long drainLimit = TimeUnit.MINUTES.toNanos(10);
            while (inWritten.get() < accepted.get() && System.nanoTime() - drainStart < drainLimit) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            toIn.flush();
            long inEnd = endOffsets(admin, IN, 3);
            while (committed(admin, "soak", IN, 3) < inEnd && System.nanoTime() - drainStart < drainLimit) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            System.out.printf("drained in %d s: %d of %d accepted inputs in %s, committed %d of %d; source error: %s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - drainStart), inWritten.get(), accepted.get(),
                    IN, committed(admin, "soak", IN, 3), inEnd, batches.error());
            batches.stop();
            http.stop();
            tcp.stop();
            csv.stop();

            BitSet seen = new BitSet();
            long outRecords = readAll(bootstrap, OUT, endOffsets(admin, OUT, 3), seen);
            long deadRecords = readAll(bootstrap, DEAD, endOffsets(admin, DEAD, 1), seen);
            long duplicates = outRecords + deadRecords - seen.cardinality();
            BitSet lost = (BitSet) expected.clone();
            lost.andNot(seen);
            List<String> edgeDead = Files.readAllLines(dir.resolve("edge-dead.txt"));
            double[] first = minMax(heap, 0, Math.min(heap.size(), 60));
            double[] last = minMax(heap, Math.max(0, heap.size() - 60), heap.size());
            double[] all = minMax(heap, 0, heap.size());
            System.out.printf("%nsoak: %d s at %s, %d processors, max heap %d MB%n", seconds, Instant.now(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("inputs sent %d: accepted %d (HTTP 200, TCP lines of closed connections, CSV rows),"
                    + " refused at the edge %d (bad input routed to a file: %d lines; HTTP refusals/503s: %d),"
                    + " CSV malformed rows %d%n", sent.get(), accepted.get(), sent.get() - accepted.get(),
                    edgeDead.size(), dropped.get(), csv.malformedCount());
            System.out.printf("out: %d records in %s + %d dead letters in %s; failing sink skipped %d,"
                    + " slow sink took %d%n", outRecords, OUT, deadRecords, DEAD, failing.stats().skipped(),
                    slowDone.get());
            System.out.printf("lost=%d duplicates=%d%n", lost.cardinality(), duplicates);
            System.out.printf("heap used MB: min %.0f max %.0f; after GC MB: first minute %.0f-%.0f,"
                    + " last minute %.0f-%.0f, overall %.0f-%.0f%n", all[0], all[1], first[2], first[3],
                    last[2], last[3], all[2], all[3]);
            if (!lost.isEmpty()) {
                System.out.println("lost, e.g.: " + lost.stream().limit(10).boxed().toList());
            }
            return lost.isEmpty() ? 0 : 1;
        } finally {
            running = false;
            cluster.close();
        }
    }

    /** An input is {@code id,number}: anything else is refused (routed to the edge's dead letters). */
    private static String validate(String line) {
        int comma = line.indexOf(',');
        Integer.parseInt(line.substring(comma + 1).strip());
        return line.strip();
    }

    /** The pipeline's step: fails on every 97th number (routed to the dead-letter topic). */
    private static String process(String record) {
        int value = Integer.parseInt(record.substring(record.indexOf(',') + 1));
        if (value % 97 == 0) {
            throw new IllegalArgumentException("cannot process " + record);
        }
        return record + ",processed";
    }

    /**
     * Inputs go in as fast as the whole pipeline takes them: a driver waits while more than
     * {@link #BACKLOG} accepted inputs are not through the pipeline yet (the input topic is on
     * disk, so a backlog there says nothing about memory; it would only make the drain long).
     */
    private void awaitBacklog() throws InterruptedException {
        while (running && accepted.get() - written.get() - deadLetters.get() > BACKLOG) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private Thread driver(String name, ThrowingRunnable body) {
        Thread t = new Thread(() -> {
            while (running) {
                try {
                    awaitBacklog();
                    body.run();
                } catch (Exception e) {
                    // a refused or reset connection: the drivers go on
                }
            }
        }, "soak-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Number {@code n}, or (one in twenty) a bad value. */
    private static String value(long n) {
        return n % 20 == 7 ? "oops" + n : Long.toString(n);
    }

    private void accept(long id) {
        synchronized (expected) {
            expected.set(Math.toIntExact(id));
        }
        accepted.incrementAndGet();
    }

    private void httpClient(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/ingest");
        while (running) {
            awaitBacklog();
            long id = ids.getAndIncrement();
            String body = id + "," + value(id);
            sent.incrementAndGet();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && !body.contains("oops")) {
                accept(id);
            } else if (r.statusCode() != 200) {
                dropped.incrementAndGet();
            }
        }
    }

    /** Connections of 100 lines closed cleanly: every line of them must arrive. */
    private void tcpClients(int port) throws Exception {
        long first = ids.getAndAdd(100);
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream o = s.getOutputStream();
            StringBuilder b = new StringBuilder();
            for (long id = first; id < first + 100; id++) {
                b.append(id).append(',').append(value(id)).append('\n');
            }
            o.write(b.toString().getBytes(StandardCharsets.UTF_8));
            o.flush();
            s.shutdownOutput();
            sent.addAndGet(100);
            TimeUnit.MILLISECONDS.sleep(10);
            for (long id = first; id < first + 100; id++) {
                if (!value(id).startsWith("oops")) {
                    accept(id);
                }
            }
        }
    }

    /** Clients that drop the connection (RST) mid-request or mid-line, and malformed requests. */
    private void rudeClients(int httpPort, int tcpPort) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String[] requests = {
            "POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial",
            "POST /ingest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nQQ\r\n",
            "POST /ingest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            "GARBAGE\r\n\r\n",
            "POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + "x".repeat(5000),
        };
        boolean toHttp = r.nextBoolean();
        try (Socket s = new Socket("127.0.0.1", toHttp ? httpPort : tcpPort)) {
            s.setSoLinger(true, 0);     // close with a reset
            String what = toHttp ? requests[r.nextInt(requests.length)] : "never-finished-line,1";
            s.getOutputStream().write(what.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            if (r.nextBoolean()) {
                s.setSoTimeout(200);
                try {
                    s.getInputStream().read(new byte[256]);
                } catch (IOException timeout) {
                    // no answer yet: reset anyway
                }
            }
        }
        TimeUnit.MILLISECONDS.sleep(5);
    }

    /** Appends rows in small batches; one row in fifty has a stray quote (malformed). */
    private void csvWriter(Path file) throws Exception {
        StringBuilder b = new StringBuilder();
        long first = ids.getAndAdd(50);
        for (long id = first; id < first + 50; id++) {
            b.append(id).append(',').append(id % 50 == 17 ? "55\" screen" : Long.toString(id)).append('\n');
        }
        Files.writeString(file, b, StandardOpenOption.APPEND);
        sent.addAndGet(50);
        for (long id = first; id < first + 50; id++) {
            if (id % 50 != 17) {
                accept(id);
            }
        }
        TimeUnit.MILLISECONDS.sleep(20);
    }

    private static Map<String, Object> producer(String bootstrap) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return c;
    }

    private static Map<String, Object> consumer(String bootstrap, String group) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return c;
    }

    private static long endOffsets(Admin admin, String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            latest.put(new TopicPartition(topic, i), OffsetSpec.latest());
        }
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(latest).all().get().values()) {
            sum += info.offset();
        }
        return sum;
    }

    private static long committed(Admin admin, String group, String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (int i = 0; i < partitions; i++) {
            OffsetAndMetadata o = offsets.get(new TopicPartition(topic, i));
            sum += o == null ? 0 : o.offset();
        }
        return sum;
    }

    /** Reads {@code n} records of {@code topic}, marking each id (the number before the comma). */
    private static long readAll(String bootstrap, String topic, long n, BitSet seen) {
        long read = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumer(bootstrap, "soak-check-" + topic))) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (read < n && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    String v = r.value();
                    seen.set(Integer.parseInt(v.substring(0, v.indexOf(','))));
                    read++;
                }
            }
        }
        return read;
    }

    private static double usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** The heap in use right after the last collection of each pool: what the program keeps. */
    private static double heapAfterGcMb() {
        long bytes = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                bytes += p.getCollectionUsage().getUsed();
            }
        }
        return bytes / 1048576.0;
    }

    private static double directMb() {
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) {
                return b.getMemoryUsed() / 1048576.0;
            }
        }
        return 0;
    }

    /** {min used, max used, min after GC, max after GC} over samples {@code [from, to)}. */
    private static double[] minMax(List<double[]> samples, int from, int to) {
        double[] m = {Double.MAX_VALUE, 0, Double.MAX_VALUE, 0};
        for (int i = from; i < to; i++) {
            double[] s = samples.get(i);
            m[0] = Math.min(m[0], s[1]);
            m[1] = Math.max(m[1], s[1]);
            m[2] = Math.min(m[2], s[2]);
            m[3] = Math.max(m[3], s[2]);
        }
        return m;
    }
}
