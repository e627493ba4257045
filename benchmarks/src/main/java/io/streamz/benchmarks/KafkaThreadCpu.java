package io.streamz.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@link KafkaEndToEnd}'s CPU goes, per record and per thread: both contenders run against
 * the same in-process broker, alternately, {@code rounds} times (the last round is reported) of
 * four invocations of 300,000 records each; a sampler reads every live thread's CPU time every
 * 20 ms, so threads that end with an invocation (the clients' own) are counted up to their last
 * sample. What is not on a Java thread (garbage collection, the JIT compilers) is the process's
 * CPU time less the threads' sum.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.streamz.benchmarks.KafkaThreadCpu 3
 * }</pre>
 */
public final class KafkaThreadCpu {
    private static final int INVOCATIONS = 4;
    private static final double RECORDS = (double) INVOCATIONS * KafkaEndToEnd.RECORDS;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> first = new ConcurrentHashMap<>();
    private final Map<Long, Long> last = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    private KafkaThreadCpu() {
    }

    /** Reads every live thread's CPU time; {@code start} makes it the baseline. */
    private void sample(boolean start) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long cpu = threads.getThreadCpuTime(t.getId());
            if (cpu < 0) {
                continue;
            }
            names.putIfAbsent(t.getId(), t.getName().replaceAll("\\d+", "N").replaceAll("bench-.*", "bench-group"));
            if (start) {
                first.put(t.getId(), cpu);
            } else {
                first.putIfAbsent(t.getId(), 0L);
            }
            last.put(t.getId(), cpu);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        new KafkaThreadCpu().run(rounds);
    }

    private void run(int rounds) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        KafkaEndToEnd bench = new KafkaEndToEnd();
        bench.startBroker();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample(false);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "cpu-sampler");
        sampler.setDaemon(true);
        try {
            for (int r = 0; r < rounds; r++) {
                for (String contender : List.of("loop", "streamz")) {
                    boolean report = r == rounds - 1;
                    if (report) {
                        first.clear();
                        last.clear();
                        sample(true);
                        if (!sampler.isAlive()) {
                            sampler.start();
                        }
                    }
                    long cpu0 = os.getProcessCpuTime();
                    long wall0 = System.nanoTime();
                    for (int i = 0; i < INVOCATIONS; i++) {
                        if (contender.equals("loop")) {
                            bench.loop();
                        } else {
                            bench.streamz();
                        }
                    }
                    if (report) {
                        sample(false);
                        print(contender, os.getProcessCpuTime() - cpu0, System.nanoTime() - wall0);
                    }
                }
            }
        } finally {
            sampler.interrupt();
            bench.stopBroker();
        }
    }

    private void print(String contender, long processCpu, long wall) {
        Map<String, Long> byName = new HashMap<>();
        long onThreads = 0;
        for (Map.Entry<Long, Long> e : last.entrySet()) {
            String name = names.get(e.getKey());
            if (name.equals("cpu-sampler")) {
                continue;
            }
            long used = e.getValue() - first.getOrDefault(e.getKey(), 0L);
            onThreads += used;
            byName.merge(name, used, Long::sum);
        }
        System.out.printf("%s: %.0f ns of CPU per record (wall %.0f ns per record, load average %.1f)%n", contender,
                processCpu / RECORDS, wall / RECORDS, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Map.Entry<String, Long>> rows = new ArrayList<>(byName.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        for (Map.Entry<String, Long> e : rows) {
            if (e.getValue() / RECORDS >= 5) {
                System.out.printf("  %6.0f  %s%n", e.getValue() / RECORDS, e.getKey());
            }
        }
        System.out.printf("  %6.0f  (not on a Java thread: GC, JIT, VM)%n", (processCpu - onThreads) / RECORDS);
    }
}
