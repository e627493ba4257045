package io.streamz.distributed;

import io.streamz.internal.util.Checks;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine of one JVM: tasks run on a thread pool, or on virtual threads where the Java
 * runtime has them (21 and later). The same graph runs on a cluster by passing another
 * {@link Engine}; this one needs no setup.
 *
 * <pre>{@code
 * try (LocalEngine engine = LocalEngine.threads(4)) {
 *     Stream<Integer> source = Stream.create();
 *     Distributed.scatter(source, engine).map(x -> x * 10).gather().sink(System.out::println);
 *     source.emit(1);   // prints 10
 * }
 * }</pre>
 *
 * <p>Tasks run in this JVM and are not serialised; the functions of a graph are still checked to
 * be serialisable when the graph is built, so that it runs unchanged on a cluster engine.
 */
public final class LocalEngine implements Engine {
    private final ExecutorService executor;
    private final String description;
    private final boolean closeable;

    private LocalEngine(ExecutorService executor, String description, boolean closeable) {
        this.executor = executor;
        this.description = description;
        this.closeable = closeable;
    }

    /**
     * An engine with {@code n} threads: at most {@code n} tasks run at once.
     *
     * <pre>{@code
     * LocalEngine engine = LocalEngine.threads(2);   // local(threads=2)
     * }</pre>
     *
     * @param n the number of threads, at least 1
     * @return a new engine; {@link #close()} stops its threads
     */
    public static LocalEngine threads(int n) {
        Checks.positive(n, "LocalEngine.threads", "n");
        return new LocalEngine(Executors.newFixedThreadPool(n, daemons("streamz-task-")), "local(threads=" + n + ")", true);
    }

    /**
     * An engine that runs each task on a thread of its own: a virtual thread on Java 21 and
     * later, else a pooled platform thread (idle ones end after a minute). How many tasks run at
     * once is then bounded by the graph's {@code buffer}s alone.
     *
     * <pre>{@code
     * LocalEngine engine = LocalEngine.perTask();   // local(virtual threads) on Java 21
     * }</pre>
     *
     * @return a new engine; {@link #close()} stops its threads
     */
    public static LocalEngine perTask() {
        ExecutorService virtual = virtualThreads();
        return virtual != null
                ? new LocalEngine(virtual, "local(virtual threads)", true)
                : new LocalEngine(cachedPool(), "local(thread per task)", true);
    }

    /**
     * The engine {@link Distributed#scatter(io.streamz.Stream)} uses when given none: as
     * {@link #perTask()}, shared by the whole JVM, with daemon threads, never closed
     * ({@link #close()} does nothing). It plays the part of Dask's default client.
     *
     * <pre>{@code
     * Distributed.scatter(source).map(x -> x + 1);   // on LocalEngine.common()
     * }</pre>
     *
     * @return the shared engine
     */
    public static LocalEngine common() {
        return Common.ENGINE;
    }

    @Override
    public <R> CompletableFuture<R> submit(Task<R> task) {
        Checks.notNull(task, description, "task");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Stops the threads once the tasks already submitted are done; new tasks are refused. */
    @Override
    public void close() {
        if (closeable) {
            executor.shutdown();
        }
    }

    /** {@code local(threads=n)}, {@code local(virtual threads)} or {@code local(thread per task)}. */
    @Override
    public String toString() {
        return description;
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} where it exists (Java 21+), else {@code null}. */
    private static ExecutorService virtualThreads() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static ExecutorService cachedPool() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemons("streamz-task-"));
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger ids = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Holder of the shared engine, created on first use. */
    private static final class Common {
        static final LocalEngine ENGINE = create();

        private static LocalEngine create() {
            ExecutorService virtual = virtualThreads();
            return virtual != null
                    ? new LocalEngine(virtual, "local(common, virtual threads)", false)
                    : new LocalEngine(cachedPool(), "local(common, thread per task)", false);
        }
    }
}
