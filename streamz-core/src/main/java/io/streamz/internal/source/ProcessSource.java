package io.streamz.internal.source;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Implements {@link Stream#fromProcess(List, boolean)}: starts the command on {@code start()} and
 * emits its standard output line by line, each line with its {@code "\n"} as in streamz, and a
 * last line without one if the output does not end with a newline. When the output ends the
 * source stops by itself; {@code stop()} kills the process.
 */
public final class ProcessSource extends Source<String> {
    private final List<String> command;
    private final boolean withStderr;
    private final Charset charset = Charset.defaultCharset();
    private Run current;   // guarded by this

    public ProcessSource(List<String> command, boolean withStderr) {
        super("fromProcess", null);
        Checks.notNull(command, "fromProcess", "command");
        for (int i = 0; i < command.size(); i++) {
            Checks.notNull(command.get(i), "fromProcess", "command[" + i + "]");
        }
        if (command.isEmpty()) {
            throw Checks.invalid("fromProcess", "command must name a program, was []");
        }
        this.command = List.copyOf(command);
        this.withStderr = withStderr;
    }

    @Override
    protected String describeParams() {
        return "command=" + command;
    }

    @Override
    protected void onStart() {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (withStderr) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": cannot start " + command + ": " + e.getMessage(), e);
        }
        current = new Run(process);
        Thread t = new Thread(current, "streamz " + this);
        t.setDaemon(true);
        t.start();
    }

    @Override
    protected void onStop() {
        Run r = current;
        current = null;
        r.stopped = true;
        r.process.destroy();
    }

    private final class Run implements Runnable {
        final Process process;
        volatile boolean stopped;

        Run(Process process) {
            this.process = process;
        }

        @Override
        public void run() {
            try (InputStream in = process.getInputStream()) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                for (int b; (b = in.read()) >= 0; ) {
                    line.write(b);
                    if (b == '\n' && !emitLine(line)) {
                        return;
                    }
                }
                if (line.size() > 0 && !emitLine(line)) {
                    return;
                }
            } catch (IOException e) {
                end(new UncheckedIOException(ProcessSource.this + ": cannot read the output of "
                        + command + ": " + e.getMessage(), e));
                return;
            }
            end(null);
        }

        private boolean emitLine(ByteArrayOutputStream line) {
            if (stopped) {
                return false;
            }
            String s = line.toString(charset);
            line.reset();
            try {
                emit(s);
            } catch (RuntimeException | Error e) {
                end(e);   // as streamz, a failure that reaches the source stops it
                return false;
            }
            return true;
        }

        /** The output ended (normally, or on {@code failure}): the run is over unless it was stopped. */
        private void end(Throwable failure) {
            synchronized (ProcessSource.this) {
                if (current != this || stopped) {
                    return;
                }
                if (failure == null) {
                    finish(null);
                } else {
                    unhandled(failure);
                    failed(failure);
                }
            }
        }
    }
}
