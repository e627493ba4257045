package io.streamz.dataframe;

import java.util.Objects;

/**
 * How fast an exponentially weighted aggregation forgets: the typed form of pandas'
 * {@code ewm(com=)}, {@code ewm(span=)}, {@code ewm(halflife=)} and {@code ewm(alpha=)}, for
 * {@link StreamingDataFrame#ewm(Decay)} beside {@code ewm("halflife", 10)}. The range of each
 * parameter is checked when the decay is made.
 *
 * <pre>{@code
 * Decay.span(3);          // span=3.0 (center of mass 1.0)
 * Decay.halflife(10);     // halflife=10.0
 * Decay.alpha(0.5).com(); // 1.0
 * Decay.alpha(1.5);       // IllegalArgumentException: ewm: alpha must be in (0, 1], was 1.5
 * }</pre>
 */
public final class Decay {
    private final String param;
    private final double value;
    private final double com;

    private Decay(String param, double value, double com) {
        this.param = param;
        this.value = value;
        this.com = com;
    }

    /**
     * Decay by center of mass: {@code alpha = 1 / (1 + com)}.
     *
     * @param com the center of mass, at least 0
     * @return the decay
     * @throws IllegalArgumentException when {@code com} is negative or not a number
     */
    public static Decay com(double com) {
        if (!(com >= 0)) {
            throw new IllegalArgumentException("ewm: com must be >= 0, was " + com);
        }
        return new Decay("com", com, com);
    }

    /**
     * Decay by span: {@code alpha = 2 / (span + 1)}.
     *
     * @param span the span, at least 1
     * @return the decay
     * @throws IllegalArgumentException when {@code span} is less than 1 or not a number
     */
    public static Decay span(double span) {
        if (!(span >= 1)) {
            throw new IllegalArgumentException("ewm: span must be >= 1, was " + span);
        }
        return new Decay("span", span, (span - 1) / 2);
    }

    /**
     * Decay by half-life, in rows: {@code alpha = 1 - exp(ln(0.5) / halflife)}.
     *
     * @param halflife the half-life, positive
     * @return the decay
     * @throws IllegalArgumentException when {@code halflife} is not positive
     */
    public static Decay halflife(double halflife) {
        if (!(halflife > 0)) {
            throw new IllegalArgumentException("ewm: halflife must be > 0, was " + halflife);
        }
        return new Decay("halflife", halflife, 1 / (1 - Math.exp(Math.log(0.5) / halflife)) - 1);
    }

    /**
     * Decay by smoothing factor {@code alpha} directly.
     *
     * @param alpha the smoothing factor, in (0, 1]
     * @return the decay
     * @throws IllegalArgumentException when {@code alpha} is outside (0, 1]
     */
    public static Decay alpha(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("ewm: alpha must be in (0, 1], was " + alpha);
        }
        return new Decay("alpha", alpha, (1 - alpha) / alpha);
    }

    /**
     * The decay that pandas' keyword {@code param} ({@code "com"}, {@code "span"},
     * {@code "halflife"} or {@code "alpha"}) with {@code value} means.
     *
     * @param param the keyword, not null
     * @param value its value, in the keyword's range
     * @return the decay
     * @throws IllegalArgumentException when {@code param} is none of the four or {@code value} is
     *     out of its range
     */
    public static Decay of(String param, double value) {
        switch (Objects.requireNonNull(param, "ewm: param is null")) {
            case "com": return com(value);
            case "span": return span(value);
            case "halflife": return halflife(value);
            case "alpha": return alpha(value);
            default:
                throw new IllegalArgumentException("ewm: param must be \"com\", \"span\", \"halflife\" or \"alpha\", was \""
                        + param + "\"");
        }
    }

    /**
     * The center of mass this decay comes to, the form the aggregations compute with.
     *
     * @return the center of mass, at least 0
     */
    public double com() {
        return com;
    }

    /** The keyword and value this decay was made with, such as {@code span=3.0}. */
    @Override
    public String toString() {
        return param + "=" + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decay && ((Decay) o).param.equals(param) && Double.compare(((Decay) o).value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(param, value);
    }
}
