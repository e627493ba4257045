package io.streamz.internal.source;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import java.util.concurrent.BlockingQueue;

/**
 * Implements {@link Stream#fromQueue(BlockingQueue)}: a daemon thread takes items from the queue
 * and emits them, one at a time, until {@code stop()}.
 *
 * <p>Nothing is lost: {@code stop()} interrupts the thread only while it waits in
 * {@code take()}, so an item is either left in the queue or, once taken, emitted. (An item put
 * at the very moment of {@code stop()} may still be taken: {@code take()} may return it even
 * though interrupted; it is then emitted.) A restarted source's thread waits for the previous
 * one to finish, so items keep their order.
 */
public final class QueueSource<T> extends Source<T> {
    private final BlockingQueue<? extends T> queue;
    private Worker worker;   // guarded by this

    public QueueSource(BlockingQueue<? extends T> queue) {
        super("fromQueue", null);
        this.queue = Checks.notNull(queue, "fromQueue", "queue");
    }

    @Override
    protected void onStart() {
        worker = new Worker(worker != null ? worker.thread : null);
        worker.thread.start();
    }

    @Override
    protected void onStop() {
        worker.halt();
    }

    /** The items waiting in the queue, for {@link #stats()}: the queue's own size, read as it is. */
    @Override
    protected long queuedCount() {
        return queue.size();
    }

    private final class Worker implements Runnable {
        private final Thread previous;
        private final Thread thread;
        private boolean halted;     // guarded by this worker
        private boolean waiting;    // guarded by this worker

        Worker(Thread previous) {
            this.previous = previous;
            this.thread = new Thread(this, "streamz " + QueueSource.this);
            this.thread.setDaemon(true);
        }

        synchronized void halt() {
            halted = true;
            if (waiting) {
                thread.interrupt();
            }
        }

        @Override
        public void run() {
            if (!joinPrevious()) {
                return;
            }
            for (;;) {
                synchronized (this) {
                    if (halted) {
                        return;
                    }
                    waiting = true;
                }
                T x;
                try {
                    x = queue.take();
                } catch (InterruptedException e) {
                    return;
                } finally {
                    synchronized (this) {
                        waiting = false;
                        Thread.interrupted();    // an interrupt that came too late is dropped
                    }
                }
                emitOrStop(x);
            }
        }

        private boolean joinPrevious() {
            if (previous == null) {
                return true;
            }
            try {
                previous.join();
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }

        private void emitOrStop(T x) {
            try {
                emit(x);
            } catch (RuntimeException | Error e) {
                synchronized (QueueSource.this) {
                    if (worker == this) {
                        stop();
                    }
                }
                throw e;
            }
        }
    }
}
