package io.streamz.examples;

import io.streamz.Stream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Word counting: split lines into words, flatten, count with frequencies. */
public final class WordCount {
    private WordCount() {
    }

    /** Prints the counts after two lines, then the three most frequent words after each word of a third. */
    public static void main(String[] args) {
        // docs:start
        Stream<String> lines = Stream.create("lines");
        Stream<Map<String, Long>> counts = lines
                .map(line -> Arrays.asList(line.toLowerCase().split("\\W+")))
                .<String>flatten()
                .filter(word -> !word.isEmpty())
                .frequencies();
        List<Map<String, Long>> history = counts.sinkToList();

        lines.emit("The cat sat on the mat.");
        lines.emit("The dog sat on the cat!");
        System.out.println(history.get(history.size() - 1));

        counts.map(m -> m.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(3).toList())
                .sink(top -> System.out.println("top 3: " + top));
        lines.emit("A cat.");
        // docs:end
    }
}
