package io.streamz.internal.source;

import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import reactor.core.scheduler.Scheduler;

/**
 * Implements {@link Stream#filenames(String, Duration, Scheduler)}: emits the name of every file
 * that newly matches a directory or glob pattern, once, in sorted order per poll.
 *
 * <p>The pattern follows Python's {@code glob}: {@code *}, {@code ?} and {@code [...]} match
 * within one path element, names starting with a dot match only a pattern starting with a dot,
 * and a directory given without wildcards means every file in it. Names are reported as the
 * pattern spells them ({@code "data/a.csv"} for {@code "data/*.csv"}).
 */
public final class FilenamesSource extends PollingSource<String> {
    private final String pattern;
    private final Set<String> seen = new HashSet<>();

    public FilenamesSource(String pattern, Duration interval, Scheduler scheduler) {
        super("filenames", checked(pattern, interval, scheduler), scheduler);
        this.pattern = pattern;
        if (pattern.isEmpty()) {
            throw Checks.invalid("filenames", "path must not be empty");
        }
    }

    /** Null checks come before value checks, whatever the order of the parameters. */
    private static Duration checked(String pattern, Duration interval, Scheduler scheduler) {
        Checks.notNull(pattern, "filenames", "path");
        Checks.notNull(interval, "filenames", "pollInterval");
        Checks.notNull(scheduler, "filenames", "scheduler");
        return interval;
    }

    @Override
    protected String describeParams() {
        return "path=\"" + pattern + "\"";
    }

    @Override
    protected void poll(BooleanSupplier running) {
        for (String name : new TreeSet<>(glob())) {
            if (!running.getAsBoolean()) {
                return;
            }
            if (seen.add(name)) {
                emit(name);
            }
        }
    }

    private List<String> glob() {
        String p = pattern;
        if (!hasWildcard(p) && Files.isDirectory(Path.of(p))) {
            p = p.endsWith("/") || p.endsWith(java.io.File.separator) ? p + "*" : p + "/*";
        }
        Path full = Path.of(p);
        Path root = full.getRoot();
        List<Path> current = new ArrayList<>();
        current.add(root != null ? root : Path.of(""));
        for (Path element : full) {
            String part = element.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (hasWildcard(part)) {
                    next.addAll(matching(dir, part));
                } else {
                    Path candidate = dir.resolve(part);
                    if (Files.exists(candidate)) {
                        next.add(candidate);
                    }
                }
            }
            current = next;
        }
        List<String> names = new ArrayList<>(current.size());
        for (Path m : current) {
            names.add(m.toString());
        }
        return names;
    }

    private List<Path> matching(Path dir, String part) {
        Path listed = dir.toString().isEmpty() ? Path.of(".") : dir;
        if (!Files.isDirectory(listed)) {
            return List.of();
        }
        FileSystem fs = listed.getFileSystem();
        PathMatcher matcher = fs.getPathMatcher("glob:" + part.replace("\\", "\\\\").replace("{", "\\{"));
        boolean hidden = part.startsWith(".");
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
            for (Path e : entries) {
                Path name = e.getFileName();
                if ((hidden || !name.toString().startsWith(".")) && matcher.matches(name)) {
                    out.add(dir.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": cannot list \"" + listed + "\": " + e, e);
        }
        return out;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }
}
