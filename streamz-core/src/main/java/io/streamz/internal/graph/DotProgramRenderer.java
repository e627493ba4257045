package io.streamz.internal.graph;

import io.streamz.spi.GraphRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders with the Graphviz {@code dot} program: {@code dot -T<format> -o <file>}, the DOT text
 * on its standard input. Used by {@code visualize} when no {@link GraphRenderer} is installed.
 */
public final class DotProgramRenderer implements GraphRenderer {
    private static final long TIMEOUT_SECONDS = 60;

    private final Path program;

    public DotProgramRenderer(Path program) {
        this.program = program;
    }

    /** The {@code dot} program on {@code searchPath} (a {@code PATH} value), or {@code null}. */
    public static DotProgramRenderer find(String searchPath) {
        if (searchPath == null) {
            return null;
        }
        for (String dir : searchPath.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String exe : List.of("dot", "dot.exe")) {
                Path p = Path.of(dir, exe);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return new DotProgramRenderer(p);
                }
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "dot program";
    }

    @Override
    public void render(String dot, Path file, String format) throws IOException {
        Process process = new ProcessBuilder(program.toString(), "-T" + format, "-o", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(program + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(program + " exited with " + process.exitValue() + ": "
                    + new String(errors.join(), StandardCharsets.UTF_8).strip());
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
