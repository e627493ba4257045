package io.streamz.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The part of an example's source that a docs page shows. */
public final class Snippets {
    private Snippets() {
    }

    /** The lines between {@code // docs:start} and {@code // docs:end} of {@code file}, dedented. */
    public static String between(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// docs:start")) {
                start = i + 1;
            } else if (lines.get(i).trim().equals("// docs:end")) {
                end = i;
            }
        }
        assertThat(start).as("%s has // docs:start", file).isPositive();
        assertThat(end).as("%s has // docs:end after it", file).isGreaterThanOrEqualTo(start);
        List<String> part = lines.subList(start, end);
        int indent = part.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder b = new StringBuilder();
        for (String l : part) {
            b.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return b.toString();
    }
}
