package io.streamz.dashboard;

import io.streamz.Stream;
import java.util.List;
import java.util.Objects;

/**
 * A live chart of a stream's values on the dashboard (what hvPlot's streaming plots give a
 * streamz user): numbers, the numeric columns of dataframes, or entries of maps, each element or
 * row a point at the time it arrived, optionally with a rolling mean beside each series.
 *
 * <pre>{@code
 * Chart.of("latency ms", latencies);                      // a Stream<Number>: one series
 * Chart.of("orders", frames, "amount", "items")          // Frames or Maps: these columns
 *         .withRollingMean(20)                           // and each one's mean of the last 20
 *         .withPoints(300);                              // the last 300 points are kept
 * }</pre>
 *
 * <p>What each element gives: a {@link Number}, one point; a {@code Frame}, one point per row
 * with the named columns (all numeric columns when none are named); a {@code Series}, one point
 * per value; a {@link java.util.Map}, one point with the named keys' numeric values. Other
 * elements are skipped.
 */
public final class Chart {
    private final String title;
    private final Stream<?> stream;
    private final List<String> columns;
    private final int rollingMean;
    private final int points;

    private Chart(String title, Stream<?> stream, List<String> columns, int rollingMean, int points) {
        this.title = title;
        this.stream = stream;
        this.columns = columns;
        this.rollingMean = rollingMean;
        this.points = points;
    }

    /**
     * A chart of {@code stream}'s values.
     *
     * @param title the chart's title
     * @param stream the stream whose elements are plotted
     * @param columns the columns or keys to plot, for frames and maps; none: every numeric one
     * @return a chart keeping the last 600 points, without rolling means
     */
    public static Chart of(String title, Stream<?> stream, String... columns) {
        Objects.requireNonNull(title, "Chart: title is null");
        Objects.requireNonNull(stream, "Chart: stream is null");
        return new Chart(title, stream, List.of(columns), 0, 600);
    }

    /**
     * The same chart with, beside each series, its mean over the last {@code n} points.
     *
     * @param n how many points the mean covers, at least 2
     * @return the chart with rolling means
     */
    public Chart withRollingMean(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Chart: rollingMean must be >= 2, was " + n);
        }
        return new Chart(title, stream, columns, n, points);
    }

    /**
     * The same chart keeping the last {@code n} points (older ones scroll out).
     *
     * @param n how many points to keep, at least 2
     * @return the chart with that many points
     */
    public Chart withPoints(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Chart: points must be >= 2, was " + n);
        }
        return new Chart(title, stream, columns, rollingMean, n);
    }

    /**
     * The chart's title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The stream plotted.
     *
     * @return the stream
     */
    public Stream<?> stream() {
        return stream;
    }

    /**
     * The columns or keys plotted; empty for every numeric one.
     *
     * @return the columns
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * How many points each rolling mean covers; 0 for none.
     *
     * @return the window of the rolling means
     */
    public int rollingMean() {
        return rollingMean;
    }

    /**
     * How many points the chart keeps.
     *
     * @return the number of points
     */
    public int points() {
        return points;
    }
}
