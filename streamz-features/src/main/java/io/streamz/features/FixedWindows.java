package io.streamz.features;

import java.util.List;

/**
 * Windows aligned to the epoch (storey {@code FixedWindows}): {@code "1h"} is the current clock
 * hour, from its start to now; {@code "1d"} the current UTC day. Buckets are the greatest common
 * divisor of the windows.
 *
 * <pre>{@code
 * FixedWindows w = FixedWindows.of(List.of("1h", "1d"));
 * // at 10:20 the 1h window covers 10:00-10:20, the 1d window 00:00-10:20 (UTC)
 * }</pre>
 */
public final class FixedWindows extends FeatureWindows {
    private FixedWindows(List<String> windows) {
        super("FixedWindows", windows, 0);
    }

    /**
     * Fixed windows of the given lengths.
     *
     * @param windows intervals such as {@code "1h"} or {@code "1d"}, distinct, in whole milliseconds
     * @return the windows, with buckets of their greatest common divisor
     * @throws NullPointerException if {@code windows} is {@code null} or holds {@code null}
     * @throws IllegalArgumentException if {@code windows} is empty or repeats a window, or quoting a
     *         window that is not a positive interval of whole milliseconds
     */
    public static FixedWindows of(List<String> windows) {
        return new FixedWindows(checkedList(windows, "FixedWindows"));
    }

    @Override
    long start(long n, long bucket) {
        return Math.floorDiv(bucket, n) * n;
    }

    @Override
    long lowestKept(long head, long first) {
        return start(keptBuckets(), head);   // as storey: the current block of the windows' common multiple
    }

    @Override
    boolean fixed() {
        return true;
    }
}
