package io.streamz.files;

import io.streamz.Stream;
import io.streamz.spi.PluginArguments;
import io.streamz.spi.SourceProvider;

/**
 * The plugin {@code "from_csv"}: {@code Stream.source("from_csv", path[, options])} builds {@link
 * Csv#fromCsv(String, FileOptions)}.
 *
 * <pre>{@code
 * Source<Map<String, Object>> rows = Stream.source("from_csv", "prices.csv");
 * }</pre>
 */
public final class FromCsvProvider implements SourceProvider {
    @Override
    public String name() {
        return "from_csv";
    }

    @Override
    public String description() {
        return "rows of a CSV file as maps: (path[, FileOptions])";
    }

    @Override
    public Stream<?> create(Object... args) {
        PluginArguments a = PluginArguments.of("from_csv", args, 1, 2);
        return Csv.fromCsv(a.get(0, String.class), a.get(1, FileOptions.class, FileOptions.defaults()));
    }
}
