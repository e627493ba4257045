package io.streamz.dataframe;

import java.util.BitSet;
import java.util.Objects;

/**
 * An immutable set of row positions of a {@link Frame}, built by column predicates and combined
 * with {@link #and}, {@link #or} and {@link #not} (as Tablesaw's {@code Selection}).
 *
 * <pre>{@code
 * Frame f = Frame.of("x", new double[] {1, 5, 7}, "name", new String[] {"a", "b", "a"});
 * Selection s = f.doubleColumn("x").isGreaterThan(3).and(f.stringColumn("name").isEqualTo("a"));
 * f.where(s).rowCount();   // 1 (the row x=7)
 * }</pre>
 */
public final class Selection {
    private final BitSet bits;
    private final int size;

    private Selection(BitSet bits, int size) {
        this.bits = bits;
        this.size = size;
    }

    /**
     * The selection of the rows whose flag is {@code true}.
     *
     * @param rows one flag per row of the frame, not null
     * @return a selection over {@code rows.length} rows
     */
    public static Selection of(boolean[] rows) {
        BitSet b = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i]) {
                b.set(i);
            }
        }
        return new Selection(b, rows.length);
    }

    /**
     * Every row of a frame of {@code size} rows.
     *
     * @param size the number of rows of the frame, at least 0
     * @return the selection of all {@code size} rows
     */
    public static Selection all(int size) {
        BitSet b = new BitSet(size);
        b.set(0, size);
        return new Selection(b, size);
    }

    /**
     * No row of a frame of {@code size} rows.
     *
     * @param size the number of rows of the frame, at least 0
     * @return the empty selection over {@code size} rows
     */
    public static Selection none(int size) {
        return new Selection(new BitSet(size), size);
    }

    static Selection fromBits(BitSet bits, int size) {
        return new Selection(bits, size);
    }

    /**
     * The number of rows of the frame this selection is for.
     *
     * @return the number of rows, selected or not
     */
    public int size() {
        return size;
    }

    /**
     * The number of selected rows.
     *
     * @return the count of selected rows, from 0 to {@link #size()}
     */
    public int count() {
        return bits.cardinality();
    }

    /**
     * Whether row {@code i} is selected.
     *
     * @param i the row position, at least 0
     * @return {@code true} when the row is selected ({@code false} for positions past the end)
     * @throws IndexOutOfBoundsException when {@code i} is negative
     */
    public boolean contains(int i) {
        return bits.get(i);
    }

    /**
     * The rows selected here and in {@code other}.
     *
     * @param other a selection over the same number of rows, not null
     * @return a new selection, the intersection of the two
     * @throws IllegalArgumentException when the selections are over different numbers of rows
     */
    public Selection and(Selection other) {
        BitSet b = (BitSet) bits.clone();
        b.and(check(other).bits);
        return new Selection(b, size);
    }

    /**
     * The rows selected here or in {@code other}.
     *
     * @param other a selection over the same number of rows, not null
     * @return a new selection, the union of the two
     * @throws IllegalArgumentException when the selections are over different numbers of rows
     */
    public Selection or(Selection other) {
        BitSet b = (BitSet) bits.clone();
        b.or(check(other).bits);
        return new Selection(b, size);
    }

    /**
     * The rows selected here but not in {@code other}.
     *
     * @param other a selection over the same number of rows, not null
     * @return a new selection, the difference of the two
     * @throws IllegalArgumentException when the selections are over different numbers of rows
     */
    public Selection andNot(Selection other) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(check(other).bits);
        return new Selection(b, size);
    }

    /**
     * The rows not selected here.
     *
     * @return a new selection, the complement of this one over {@link #size()} rows
     */
    public Selection not() {
        BitSet b = (BitSet) bits.clone();
        b.flip(0, size);
        return new Selection(b, size);
    }

    /**
     * The selected row positions, ascending.
     *
     * @return a new array of {@link #count()} positions, usable with {@link Frame#take}
     */
    public int[] toArray() {
        return bits.stream().toArray();
    }

    private Selection check(Selection other) {
        Objects.requireNonNull(other, "selection: other is null");
        if (other.size != size) {
            throw new IllegalArgumentException("selection: cannot combine selections over " + size
                    + " and " + other.size + " rows");
        }
        return other;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selection && ((Selection) o).size == size && ((Selection) o).bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode() * 31 + size;
    }

    @Override
    public String toString() {
        return "Selection" + bits + " of " + size;
    }
}
