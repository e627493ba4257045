package io.streamz.internal.util;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses interval strings in streamz/pandas spelling: {@code "10ms"}, {@code "1.5s"},
 * {@code "2h"}, {@code "30d"}, {@code "500us"}, {@code "1min"}, {@code "2 hours"}.
 */
public final class Intervals {
    private static final Pattern FORM = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Zµ]+)\\s*");
    private static final String EXPECTED =
            ": expected a number and a unit (ns, us, ms, s, m, h, d), e.g. \"10ms\", \"1.5s\", \"2h\"";

    /** The digits of {@code Long.MAX_VALUE} nanoseconds (about 292 years). */
    private static final int MAX_DIGITS = 19;

    private Intervals() {
    }

    /**
     * The duration {@code text} spells.
     *
     * @throws IllegalArgumentException quoting {@code text} if it is not an interval
     */
    public static Duration parse(String text) {
        Checks.notNull(text, "interval", "interval");
        Matcher m = FORM.matcher(text);
        if (!m.matches() && text.strip().startsWith("-") && FORM.matcher(text.strip().substring(1)).matches()) {
            throw new IllegalArgumentException("Invalid interval \"" + text + "\": must be positive");
        }
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid interval \"" + text + "\"" + EXPECTED);
        }
        long nanosPerUnit = unitNanos(m.group(2).toLowerCase(Locale.ROOT));
        if (nanosPerUnit < 0) {
            throw new IllegalArgumentException("Invalid interval \"" + text + "\": unknown unit \""
                    + m.group(2) + "\"" + EXPECTED.substring(1));
        }
        BigDecimal nanos;
        try {
            nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit));
        } catch (NumberFormatException e) {      // an exponent beyond an int
            throw new IllegalArgumentException("Invalid interval \"" + text + "\": too large", e);
        }
        // checked before rounding: rounding "1e999999999" or "1e-999999999" needs a billion digits
        long integerDigits = (long) nanos.precision() - nanos.scale();
        if (nanos.signum() != 0 && integerDigits > MAX_DIGITS) {
            throw new IllegalArgumentException("Invalid interval \"" + text + "\": too large");
        }
        if (integerDigits < 0) {
            return Duration.ZERO;            // less than 0.1 ns
        }
        try {
            return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Invalid interval \"" + text + "\": too large", e);
        }
    }

    /**
     * The duration {@code text} spells, for parameter {@code param} of {@code node}: a
     * {@code null} fails with a {@link NullPointerException} naming them, and a text that is not
     * an interval with an {@link IllegalArgumentException} starting {@code "node: param: "}.
     */
    public static Duration parse(String text, String node, String param) {
        Checks.notNull(text, node, param);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(node + ": " + param + ": " + e.getMessage(), e.getCause());
        }
    }

    /** {@code d} if it is positive, else an {@link IllegalArgumentException} naming the node. */
    public static Duration positive(Duration d, String node, String param) {
        Checks.notNull(d, node, param);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(node + ": " + param + " must be > 0, was " + format(d));
        }
        return d;
    }

    /**
     * The shortest interval of a clock that repeats ({@code timedWindow}, {@code fromPeriodic},
     * the polls of {@code fromTextfile} and {@code filenames}): below it a timer would keep a core
     * busy ticking ({@code timedWindow("1ns")}) without any use.
     */
    public static final Duration MIN_TIMER = Duration.ofMillis(1);

    /**
     * {@code d} if it is at least {@link #MIN_TIMER}, else an {@link IllegalArgumentException}
     * naming the node and the value: {@code "timedWindow: interval must be >= 1ms (the shortest
     * repeating timer), was 1ns"} ({@code "... must be > 0, was 0s"} when it is not positive).
     */
    public static Duration timer(Duration d, String node, String param) {
        positive(d, node, param);
        if (d.compareTo(MIN_TIMER) < 0) {
            throw new IllegalArgumentException(node + ": " + param + " must be >= " + format(MIN_TIMER)
                    + " (the shortest repeating timer), was " + format(d));
        }
        return d;
    }

    /**
     * {@code d} as an interval is typed: a whole number of the largest unit that divides it
     * ({@code "500ms"}, {@code "2h"}, {@code "1500ms"}, {@code "-1s"}, {@code "0s"}).
     */
    public static String format(Duration d) {
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            return d.toString();
        }
        if (nanos == 0) {
            return "0s";
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (nanos % UNIT_NANOS[i] == 0) {
                return nanos / UNIT_NANOS[i] + UNITS[i];
            }
        }
        return nanos + "ns";
    }

    private static final String[] UNITS = {"d", "h", "m", "s", "ms", "us"};
    private static final long[] UNIT_NANOS = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
        1_000_000_000L, 1_000_000L, 1_000L};

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns": case "nanos": case "nanosecond": case "nanoseconds":
                return 1L;
            case "us": case "µs": case "micros": case "microsecond": case "microseconds":
                return 1_000L;
            case "ms": case "millis": case "millisecond": case "milliseconds": case "l":
                return 1_000_000L;
            case "s": case "sec": case "secs": case "second": case "seconds":
                return 1_000_000_000L;
            case "m": case "min": case "mins": case "minute": case "minutes": case "t":
                return 60_000_000_000L;
            case "h": case "hr": case "hrs": case "hour": case "hours":
                return 3_600_000_000_000L;
            case "d": case "day": case "days":
                return 86_400_000_000_000L;
            case "w": case "week": case "weeks":
                return 7 * 86_400_000_000_000L;
            default:
                return -1;
        }
    }
}
