package io.streamz.dataframe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Column helpers shared by {@link Frame}, {@link Series} and the streaming nodes (not API). */
final class Columns {
    private Columns() {
    }

    /** A column of boxed values, typed as pandas would type them. */
    static Column infer(String name, List<?> values) {
        ColumnType t = inferType(name, values);
        int n = values.size();
        switch (t) {
            case LONG: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ((Number) values.get(i)).longValue();
                }
                return new LongColumn(name, out, 0, n);
            }
            case DOUBLE: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    Object v = values.get(i);
                    out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
                }
                return new DoubleColumn(name, out, 0, n);
            }
            case BOOLEAN: {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (Boolean) values.get(i);
                }
                return new BooleanColumn(name, out, 0, n);
            }
            case INSTANT: {
                Instant[] out = new Instant[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (Instant) values.get(i);
                }
                return InstantColumn.of(name, out);
            }
            default: {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    Object v = values.get(i);
                    out[i] = v == null ? null : v.toString();
                }
                return StringColumn.of(name, out);
            }
        }
    }

    private static ColumnType inferType(String name, List<?> values) {
        boolean anyNull = false;
        boolean allIntegral = true;
        ColumnType t = null;
        for (Object v : values) {
            if (v == null) {
                anyNull = true;
                continue;
            }
            ColumnType vt;
            if (v instanceof Number) {
                vt = ColumnType.DOUBLE;
                allIntegral &= v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                        || v instanceof java.math.BigInteger;
            } else if (v instanceof Boolean) {
                vt = ColumnType.BOOLEAN;
            } else if (v instanceof CharSequence || v instanceof Character || v instanceof Enum) {
                vt = ColumnType.STRING;
            } else if (v instanceof Instant) {
                vt = ColumnType.INSTANT;
            } else {
                throw new IllegalArgumentException("column \"" + name + "\": cannot store a "
                        + v.getClass().getSimpleName() + " (" + cut(String.valueOf(v)) + ")");
            }
            if (t != null && t != vt) {
                throw new IllegalArgumentException("column \"" + name + "\": mixed values of types "
                        + t + " and " + vt + " (at " + cut(String.valueOf(v)) + ")");
            }
            t = vt;
        }
        if (t == null) {
            return ColumnType.DOUBLE;
        }
        if (t == ColumnType.DOUBLE) {
            return allIntegral && !anyNull ? ColumnType.LONG : ColumnType.DOUBLE;
        }
        if (t == ColumnType.BOOLEAN && anyNull) {
            throw new IllegalArgumentException("column \"" + name + "\": a boolean column cannot hold missing values");
        }
        return t;
    }

    /** The columns one after the other (all of one name and type). */
    static Column concat(String name, List<Column> parts) {
        ColumnType t = parts.get(0).type();
        int n = 0;
        for (Column c : parts) {
            if (c.type() != t) {
                throw new IllegalArgumentException("concat: column \"" + name + "\" is " + t
                        + " in one frame and " + c.type() + " in another");
            }
            n += c.size();
        }
        if (parts.size() == 1) {
            return parts.get(0).rename(name);
        }
        int k = 0;
        switch (t) {
            case DOUBLE: {
                double[] out = new double[n];
                for (Column c : parts) {
                    for (int i = 0; i < c.size(); i++) {
                        out[k++] = c.getDouble(i);
                    }
                }
                return new DoubleColumn(name, out, 0, n);
            }
            case LONG: {
                long[] out = new long[n];
                for (Column c : parts) {
                    for (int i = 0; i < c.size(); i++) {
                        out[k++] = ((LongColumn) c).getLong(i);
                    }
                }
                return new LongColumn(name, out, 0, n);
            }
            case BOOLEAN: {
                boolean[] out = new boolean[n];
                for (Column c : parts) {
                    for (int i = 0; i < c.size(); i++) {
                        out[k++] = ((BooleanColumn) c).getBoolean(i);
                    }
                }
                return new BooleanColumn(name, out, 0, n);
            }
            case INSTANT: {
                long[] out = new long[n];
                for (Column c : parts) {
                    for (int i = 0; i < c.size(); i++) {
                        out[k++] = ((InstantColumn) c).getEpochNanos(i);
                    }
                }
                return new InstantColumn(name, out, 0, n);
            }
            default: {
                String[] out = new String[n];
                for (Column c : parts) {
                    for (int i = 0; i < c.size(); i++) {
                        out[k++] = ((StringColumn) c).get(i);
                    }
                }
                return StringColumn.of(name, out);
            }
        }
    }

    /** {@code c} converted to type {@code t} (pandas {@code astype}). */
    static Column cast(Column c, ColumnType t) {
        if (c.type() == t) {
            return c;
        }
        int n = c.size();
        switch (t) {
            case DOUBLE: {
                if (!c.type().isNumeric()) {
                    return infer(c.name(), parseAll(c));
                }
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = c.getDouble(i);
                }
                return new DoubleColumn(c.name(), out, 0, n);
            }
            case LONG: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    if (c.isMissing(i)) {
                        throw new IllegalArgumentException("astype: column \"" + c.name()
                                + "\" has a missing value at row " + i + ", which LONG cannot hold");
                    }
                    out[i] = c.type().isNumeric() ? (long) c.getDouble(i) : Long.parseLong(c.get(i).toString().trim());
                }
                return new LongColumn(c.name(), out, 0, n);
            }
            case BOOLEAN: {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = c.type().isNumeric() ? c.getDouble(i) != 0 || c.isMissing(i)
                            : !c.isMissing(i) && !c.get(i).toString().isEmpty();
                }
                return new BooleanColumn(c.name(), out, 0, n);
            }
            case STRING: {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = c.isMissing(i) && c.type() != ColumnType.DOUBLE ? null : c.format(i);
                }
                return StringColumn.of(c.name(), out);
            }
            default: {
                if (c.type() == ColumnType.LONG) {
                    long[] out = new long[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = ((LongColumn) c).getLong(i);
                    }
                    return new InstantColumn(c.name(), out, 0, n);
                }
                Instant[] out = new Instant[n];
                for (int i = 0; i < n; i++) {
                    out[i] = c.isMissing(i) ? null : Instant.parse(c.get(i).toString().trim());
                }
                return InstantColumn.of(c.name(), out);
            }
        }
    }

    private static List<Object> parseAll(Column c) {
        List<Object> out = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            out.add(c.isMissing(i) ? null : (Object) Double.parseDouble(c.get(i).toString().trim()));
        }
        return out;
    }

    /** Python's repr of a float, with pandas' {@code NaN}. */
    static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(d);
        if (d == 0 || a >= 1e-4 && a < 1e16) {
            String s = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        return Double.toString(d).replace("E", "e");
    }

    static String cut(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    static Map<String, Integer> positions(List<Column> columns) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (m.put(columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("frame: duplicate column name \"" + columns.get(i).name() + "\"");
            }
        }
        return m;
    }
}
