package io.streamz.features;

import java.util.List;

/**
 * Windows that end at the current time (storey {@code SlidingWindows}), counted in buckets of one
 * period: window {@code "1h"} with period {@code "10m"} holds the current 10-minute bucket and
 * the five before it.
 *
 * <pre>{@code
 * SlidingWindows w = SlidingWindows.of(List.of("1h", "2h", "24h"), "10m");
 * // features number_of_clicks_count_1h, ..._2h, ..._24h; 2 x 144 buckets per key at most
 * }</pre>
 */
public final class SlidingWindows extends FeatureWindows {
    private SlidingWindows(List<String> windows, long period) {
        super("SlidingWindows", windows, period);
    }

    /**
     * Sliding windows over buckets of {@code period}.
     *
     * @param windows intervals such as {@code "1h"}, each a multiple of the period
     * @param period the bucket length, e.g. {@code "10m"}
     * @return the windows, with buckets of {@code period}
     * @throws NullPointerException if {@code windows} or {@code period} is {@code null}, or
     *         {@code windows} holds {@code null}
     * @throws IllegalArgumentException if {@code windows} is empty or repeats a window, if the
     *         period does not divide every window, or quoting a window or period that is not a
     *         positive interval of whole milliseconds
     */
    public static SlidingWindows of(List<String> windows, String period) {
        List<String> ws = checkedList(windows, "SlidingWindows");
        return new SlidingWindows(ws, millis(period, "SlidingWindows", "period"));
    }

    /**
     * Sliding windows whose period is the greatest common divisor of the windows.
     *
     * <pre>{@code
     * SlidingWindows.of(List.of("1h", "90m")).bucket();   // PT30M
     * }</pre>
     *
     * @param windows intervals such as {@code "1h"}, distinct, in whole milliseconds
     * @return the windows, with buckets of their greatest common divisor
     * @throws NullPointerException if {@code windows} is {@code null} or holds {@code null}
     * @throws IllegalArgumentException if {@code windows} is empty or repeats a window, or quoting a
     *         window that is not a positive interval of whole milliseconds
     */
    public static SlidingWindows of(List<String> windows) {
        return new SlidingWindows(checkedList(windows, "SlidingWindows"), 0);
    }

    @Override
    long start(long n, long bucket) {
        return bucket - n + 1;
    }

    @Override
    long lowestKept(long head, long first) {
        return Math.max(first, head - keptBuckets() + 1);   // as storey: nothing before the key's first bucket
    }

    @Override
    boolean fixed() {
        return false;
    }
}
