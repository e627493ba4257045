package io.streamz.dataframe;

/**
 * The type of a {@link Column}, with the pandas dtype it stands for.
 *
 * <pre>{@code
 * Frame f = Frame.of("x", new double[] {1.5}, "n", new long[] {2});
 * f.dtypes();   // {x=DOUBLE, n=LONG}
 * }</pre>
 */
public enum ColumnType {
    /** 64-bit floating point; {@code NaN} is missing (pandas {@code float64}). */
    DOUBLE("float64"),
    /** 64-bit integer, never missing (pandas {@code int64}). */
    LONG("int64"),
    /** Boolean, never missing (pandas {@code bool}). */
    BOOLEAN("bool"),
    /** Dictionary-encoded text; {@code null} is missing (pandas {@code object}). */
    STRING("object"),
    /** A point in time at nanosecond precision; {@code null} is missing (pandas {@code datetime64[ns]}). */
    INSTANT("datetime64[ns]");

    private final String pandasName;

    ColumnType(String pandasName) {
        this.pandasName = pandasName;
    }

    /**
     * The pandas dtype name.
     *
     * @return {@code float64}, {@code int64}, {@code bool}, {@code object} or {@code datetime64[ns]}
     */
    public String pandasName() {
        return pandasName;
    }

    /**
     * Whether values of this type take part in arithmetic.
     *
     * @return {@code true} for {@code DOUBLE}, {@code LONG} and {@code BOOLEAN}
     */
    public boolean isNumeric() {
        return this == DOUBLE || this == LONG || this == BOOLEAN;
    }
}
