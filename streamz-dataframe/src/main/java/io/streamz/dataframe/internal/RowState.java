package io.streamz.dataframe.internal;

/**
 * The running state of one built-in aggregation over the rows of a window: rows are added at
 * the back and removed from the front (first in, first out), each in O(1) amortised time
 * (O(log n) search for the order statistics). Missing values ({@code NaN}) are counted as rows
 * but take no part in the value, as in pandas.
 */
public abstract class RowState {
    /** Rows in the state, missing ones included. */
    protected long rows;
    /** Values in the state that are not missing. */
    protected long nobs;

    /** Adds the newest row. */
    public final void add(double v) {
        rows++;
        if (!Double.isNaN(v)) {
            nobs++;
            addValue(v);
        } else {
            addMissing();
        }
    }

    /** Removes the oldest row, whose value was {@code v}. */
    public final void remove(double v) {
        rows--;
        if (!Double.isNaN(v)) {
            nobs--;
            removeValue(v);
        } else {
            removeMissing();
        }
    }

    /** Rows in the state, missing ones included. */
    public final long rows() {
        return rows;
    }

    /** Values in the state that are not missing. */
    public final long nobs() {
        return nobs;
    }

    protected abstract void addValue(double v);

    protected abstract void removeValue(double v);

    /** Order-aware states (min, max) note a missing row; others ignore it. */
    protected void addMissing() {
    }

    /** See {@link #addMissing()}. */
    protected void removeMissing() {
    }

    /** The current value: a {@code Double}, or a {@code Long} for counts. */
    public abstract Object result();

    /** The current value as a double. */
    public double doubleResult() {
        return ((Number) result()).doubleValue();
    }
}
