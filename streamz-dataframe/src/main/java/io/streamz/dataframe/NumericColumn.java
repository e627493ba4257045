package io.streamz.dataframe;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A column of numbers ({@link DoubleColumn} or {@link LongColumn}): Tablesaw-style predicates
 * that build a {@link Selection}, and elementwise arithmetic.
 *
 * <pre>{@code
 * Frame f = Frame.of("x", new double[] {1, 5, 7});
 * f.doubleColumn("x").isGreaterThan(3);   // rows 1 and 2
 * f.doubleColumn("x").multiply(2);        // x[DOUBLE]: [2.0, 10.0, 14.0]
 * }</pre>
 */
public abstract class NumericColumn extends Column {

    NumericColumn(String name, int offset, int length) {
        super(name, offset, length);
    }

    @Override
    public abstract double getDouble(int i);

    /**
     * Rows whose value is greater than {@code v} ({@code NaN} never matches).
     *
     * @param v the bound
     * @return the selection of matching rows, over {@code size()} rows
     */
    public final Selection isGreaterThan(double v) {
        return select(i -> getDouble(i) > v);
    }

    /**
     * Rows whose value is at least {@code v} ({@code NaN} never matches).
     *
     * @param v the bound
     * @return the selection of matching rows, over {@code size()} rows
     */
    public final Selection isGreaterThanOrEqualTo(double v) {
        return select(i -> getDouble(i) >= v);
    }

    /**
     * Rows whose value is less than {@code v} ({@code NaN} never matches).
     *
     * @param v the bound
     * @return the selection of matching rows, over {@code size()} rows
     */
    public final Selection isLessThan(double v) {
        return select(i -> getDouble(i) < v);
    }

    /**
     * Rows whose value is at most {@code v} ({@code NaN} never matches).
     *
     * @param v the bound
     * @return the selection of matching rows, over {@code size()} rows
     */
    public final Selection isLessThanOrEqualTo(double v) {
        return select(i -> getDouble(i) <= v);
    }

    /**
     * Rows whose value equals {@code v} ({@code NaN} never matches).
     *
     * @param v the value to compare with
     * @return the selection of matching rows, over {@code size()} rows
     */
    public final Selection isEqualTo(double v) {
        return select(i -> getDouble(i) == v);
    }

    /**
     * Rows whose value differs from {@code v} ({@code NaN} matches, as in pandas).
     *
     * @param v the value to compare with
     * @return the selection of matching rows, over {@code size()} rows
     */
    public final Selection isNotEqualTo(double v) {
        return select(i -> getDouble(i) != v);
    }

    /**
     * Rows whose value lies in {@code [low, high]} ({@code NaN} never matches).
     *
     * @param low the lower bound, inclusive
     * @param high the upper bound, inclusive
     * @return the selection of matching rows, over {@code size()} rows
     */
    public final Selection isBetweenInclusive(double low, double high) {
        return select(i -> getDouble(i) >= low && getDouble(i) <= high);
    }

    /**
     * The values plus {@code v}; a long column stays long when {@code v} is integral.
     *
     * @param v the operand
     * @return a new column of the same name: long when this column is long and {@code v} integral,
     *     double otherwise
     * @throws ArithmeticException when a long result overflows
     */
    public final NumericColumn add(double v) {
        return apply(v, (a, b) -> a + b, Math::addExact);
    }

    /**
     * The values minus {@code v}; a long column stays long when {@code v} is integral.
     *
     * @param v the operand
     * @return a new column of the same name: long when this column is long and {@code v} integral,
     *     double otherwise
     * @throws ArithmeticException when a long result overflows
     */
    public final NumericColumn subtract(double v) {
        return apply(v, (a, b) -> a - b, Math::subtractExact);
    }

    /**
     * The values times {@code v}; a long column stays long when {@code v} is integral.
     *
     * @param v the operand
     * @return a new column of the same name: long when this column is long and {@code v} integral,
     *     double otherwise
     * @throws ArithmeticException when a long result overflows
     */
    public final NumericColumn multiply(double v) {
        return apply(v, (a, b) -> a * b, Math::multiplyExact);
    }

    /**
     * The values divided by {@code v}, always doubles (pandas true division).
     *
     * @param v the divisor; dividing by 0 gives infinities or {@code NaN}
     * @return a new double column of the same name
     */
    public final DoubleColumn divide(double v) {
        return map(a -> a / v);
    }

    /**
     * Elementwise sum with {@code other}.
     *
     * @param other the column to combine with, of the same length
     * @return a new column named as this one: long when both columns are long, double otherwise
     * @throws IllegalArgumentException when the lengths differ
     * @throws ArithmeticException when a long result overflows
     */
    public final NumericColumn add(NumericColumn other) {
        return combine(other, (a, b) -> a + b, Math::addExact);
    }

    /**
     * Elementwise difference with {@code other}.
     *
     * @param other the column to combine with, of the same length
     * @return a new column named as this one: long when both columns are long, double otherwise
     * @throws IllegalArgumentException when the lengths differ
     * @throws ArithmeticException when a long result overflows
     */
    public final NumericColumn subtract(NumericColumn other) {
        return combine(other, (a, b) -> a - b, Math::subtractExact);
    }

    /**
     * Elementwise product with {@code other}.
     *
     * @param other the column to combine with, of the same length
     * @return a new column named as this one: long when both columns are long, double otherwise
     * @throws IllegalArgumentException when the lengths differ
     * @throws ArithmeticException when a long result overflows
     */
    public final NumericColumn multiply(NumericColumn other) {
        return combine(other, (a, b) -> a * b, Math::multiplyExact);
    }

    /**
     * Elementwise quotient with {@code other}, as doubles (pandas true division).
     *
     * @param other the divisor column, of the same length
     * @return a new double column named as this one
     * @throws IllegalArgumentException when the lengths differ
     */
    public final DoubleColumn divide(NumericColumn other) {
        return (DoubleColumn) combine(other, (a, b) -> a / b, null);
    }

    /**
     * {@code func} applied to every value, as doubles.
     *
     * <pre>{@code
     * LongColumn.of("n", 1, 4).map(Math::sqrt);   // n[DOUBLE]: [1.0, 2.0]
     * }</pre>
     *
     * @param func the function to apply to each value
     * @return a new double column of the same name
     */
    public final DoubleColumn map(DoubleUnaryOperator func) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = func.applyAsDouble(getDouble(i));
        }
        return new DoubleColumn(name(), out, 0, length);
    }

    /**
     * The values rounded to {@code decimals} places, half to even (numpy {@code round}).
     *
     * @param decimals the number of decimal places; negative rounds to tens, hundreds, ...
     * @return the rounded column, of the same name and type (a long column is returned as it is
     *     for {@code decimals >= 0})
     */
    public NumericColumn round(int decimals) {
        double scale = Math.pow(10, decimals);
        return map(a -> decimals >= 0 ? Math.rint(a * scale) / scale : Math.rint(a / Math.pow(10, -decimals)) * Math.pow(10, -decimals));
    }

    /**
     * The values as doubles (a copy).
     *
     * @return a new array of {@code size()} values
     */
    public final double[] toDoubleArray() {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    private NumericColumn apply(double v, DoubleBinaryOperator d, java.util.function.LongBinaryOperator l) {
        if (this instanceof LongColumn && v == Math.rint(v) && !Double.isInfinite(v)) {
            LongColumn c = (LongColumn) this;
            long[] out = new long[length];
            for (int i = 0; i < length; i++) {
                out[i] = l.applyAsLong(c.getLong(i), (long) v);
            }
            return new LongColumn(name(), out, 0, length);
        }
        return map(a -> d.applyAsDouble(a, v));
    }

    private NumericColumn combine(NumericColumn other, DoubleBinaryOperator d, java.util.function.LongBinaryOperator l) {
        if (other.size() != length) {
            throw new IllegalArgumentException("column \"" + name() + "\": cannot combine " + length
                    + " values with " + other.size() + " values of \"" + other.name() + "\"");
        }
        if (l != null && this instanceof LongColumn && other instanceof LongColumn) {
            long[] out = new long[length];
            for (int i = 0; i < length; i++) {
                out[i] = l.applyAsLong(((LongColumn) this).getLong(i), ((LongColumn) other).getLong(i));
            }
            return new LongColumn(name(), out, 0, length);
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = d.applyAsDouble(getDouble(i), other.getDouble(i));
        }
        return new DoubleColumn(name(), out, 0, length);
    }
}
