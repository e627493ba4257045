package io.streamz.examples.demo;

import io.streamz.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the elements leaving chosen nodes, for the demo's progress line.
 *
 * <pre>{@code
 * Meters meters = new Meters();
 * meters.watch("parse", parsed);   // adds a counting sink below parsed
 * meters.line();                   // "parse 1,234 · clicks 1,001"
 * }</pre>
 */
final class Meters {
    private final List<String> labels = new ArrayList<>();
    private final List<LongAdder> counts = new ArrayList<>();

    /** Counts what {@code node} emits under {@code label}. */
    void watch(String label, Stream<?> node) {
        LongAdder count = new LongAdder();
        node.sink(x -> count.increment());
        labels.add(label);
        counts.add(count);
    }

    /** The count of the first node watched under {@code label}. */
    long count(String label) {
        return counts.get(labels.indexOf(label)).sum();
    }

    /** All counts, in the order the nodes were watched. */
    String line() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                b.append(" · ");
            }
            b.append(labels.get(i)).append(' ').append(String.format(Locale.ROOT, "%,d", counts.get(i).sum()));
        }
        return b.toString();
    }
}
