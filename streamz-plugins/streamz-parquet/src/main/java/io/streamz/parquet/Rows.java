package io.streamz.parquet;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/** Rows ({@code Map}s) to Parquet records and back; the column types storey names. */
final class Rows {
    /** storey's column type names (ParquetTarget's {@code (name, type)} columns). */
    static final List<String> TYPES = List.of("str", "int", "int32", "int64", "float", "float32", "float64", "bool",
            "datetime");

    private Rows() {
    }

    /** The storey type name of a Java value, or {@code null} for {@code null}. */
    static String typeOf(Object v, String column) {
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof Character || v instanceof Enum) {
            return "str";
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return "int32";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Float) {
            return "float32";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Instant || v instanceof Date || v instanceof TemporalAccessor) {
            return "datetime";
        }
        throw new IllegalArgumentException("parquetTarget: column \"" + column + "\" has the value \"" + v + "\" ("
                + v.getClass().getSimpleName()
                + "); Parquet columns here are strings, numbers, booleans and instants (give it a type with withColumnType)");
    }

    /** The schema of columns of the given storey types (all optional: a value may be missing). */
    static MessageType schema(Map<String, String> types) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        types.forEach((name, type) -> {
            switch (type) {
                case "str":
                    b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
                    break;
                case "int32":
                    b.optional(PrimitiveTypeName.INT32).named(name);
                    break;
                case "int":
                case "int64":
                    b.optional(PrimitiveTypeName.INT64).named(name);
                    break;
                case "float32":
                    b.optional(PrimitiveTypeName.FLOAT).named(name);
                    break;
                case "float":
                case "float64":
                    b.optional(PrimitiveTypeName.DOUBLE).named(name);
                    break;
                case "bool":
                    b.optional(PrimitiveTypeName.BOOLEAN).named(name);
                    break;
                case "datetime":
                    b.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
                            .named(name);
                    break;
                default:
                    throw new IllegalArgumentException("parquetTarget: the type of column \"" + name + "\" must be one of "
                            + TYPES + ", was \"" + type + "\"");
            }
        });
        return b.named("row");
    }

    /** A row as a record of the schema. */
    static Group group(SimpleGroupFactory factory, MessageType schema, Map<String, Object> row) {
        Group g = factory.newGroup();
        for (Type field : schema.getFields()) {
            String name = field.getName();
            Object v = row.get(name);
            if (v == null) {
                continue;
            }
            PrimitiveType p = field.asPrimitiveType();
            try {
                switch (p.getPrimitiveTypeName()) {
                    case BINARY:
                        g.add(name, String.valueOf(v));
                        break;
                    case INT32:
                        g.add(name, ((Number) v).intValue());
                        break;
                    case INT64:
                        g.add(name, p.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation
                                ? micros(v) : ((Number) v).longValue());
                        break;
                    case FLOAT:
                        g.add(name, ((Number) v).floatValue());
                        break;
                    case DOUBLE:
                        g.add(name, ((Number) v).doubleValue());
                        break;
                    case BOOLEAN:
                        g.add(name, (Boolean) v);
                        break;
                    default:
                        throw new IllegalStateException("no writer for " + p);
                }
            } catch (ClassCastException e) {
                throw new IllegalArgumentException("parquetTarget: column \"" + name + "\" is " + p.getPrimitiveTypeName()
                        + ", cannot write \"" + v + "\" (" + v.getClass().getSimpleName() + ")", e);
            }
        }
        return g;
    }

    private static long micros(Object v) {
        Instant t = v instanceof Instant ? (Instant) v : v instanceof Date ? ((Date) v).toInstant()
                : v instanceof TemporalAccessor ? Instant.from((TemporalAccessor) v) : null;
        if (t == null) {
            throw new ClassCastException();
        }
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /** A record as a row: strings, Integer, Long, Float, Double, Boolean, Instant, BigDecimal; a missing value is null. */
    static Map<String, Object> row(Group g, Path file) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Type field : g.getType().getFields()) {
            String name = field.getName();
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                throw new IllegalArgumentException("parquetSource: column \"" + name + "\" of " + file
                        + " is nested or repeated (" + field + "); this source reads flat columns");
            }
            if (g.getFieldRepetitionCount(name) == 0) {
                row.put(name, null);
                continue;
            }
            PrimitiveType p = field.asPrimitiveType();
            LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
            if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                row.put(name, decimal(g, name, p, ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) logical).getScale()));
                continue;
            }
            switch (p.getPrimitiveTypeName()) {
                case BINARY:
                    row.put(name, logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                            || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                            || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                            ? g.getString(name, 0) : g.getBinary(name, 0).getBytes());
                    break;
                case INT32:
                    row.put(name, g.getInteger(name, 0));
                    break;
                case INT64:
                    long n = g.getLong(name, 0);
                    row.put(name, logical instanceof TimestampLogicalTypeAnnotation
                            ? instant(n, ((TimestampLogicalTypeAnnotation) logical).getUnit()) : n);
                    break;
                case INT96:
                    row.put(name, int96(g.getInt96(name, 0)));
                    break;
                case FLOAT:
                    row.put(name, g.getFloat(name, 0));
                    break;
                case DOUBLE:
                    row.put(name, g.getDouble(name, 0));
                    break;
                case BOOLEAN:
                    row.put(name, g.getBoolean(name, 0));
                    break;
                default:
                    throw new IllegalArgumentException("parquetSource: column \"" + name + "\" of " + file + " is " + p
                            + "; this source reads strings, numbers, booleans and timestamps");
            }
        }
        return row;
    }

    private static java.math.BigDecimal decimal(Group g, String name, PrimitiveType p, int scale) {
        switch (p.getPrimitiveTypeName()) {
            case INT32:
                return java.math.BigDecimal.valueOf(g.getInteger(name, 0), scale);
            case INT64:
                return java.math.BigDecimal.valueOf(g.getLong(name, 0), scale);
            default:
                return new java.math.BigDecimal(new java.math.BigInteger(g.getBinary(name, 0).getBytes()), scale);
        }
    }

    private static Instant instant(long n, TimeUnit unit) {
        switch (unit) {
            case MILLIS:
                return Instant.ofEpochMilli(n);
            case MICROS:
                return Instant.EPOCH.plus(n, ChronoUnit.MICROS);
            default:
                return Instant.EPOCH.plusNanos(n);
        }
    }

    /** Legacy (Spark, old pandas) timestamps: nanoseconds of the day, then the Julian day. */
    private static Instant int96(Binary b) {
        java.nio.ByteBuffer buf = b.toByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long nanos = buf.getLong();
        int julianDay = buf.getInt();
        return Instant.EPOCH.plus(julianDay - 2_440_588L, ChronoUnit.DAYS).plusNanos(nanos);
    }
}
