package io.streamz.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV records (RFC 4180): a field that starts with a double quote is quoted and may hold
 * separators, quotes ({@code ""}) and line breaks; a quote anywhere else is malformed, so a
 * stray quote costs its own line only.
 */
final class CsvFormat<R> implements RecordFormat<R> {
    private final ObjectMapper values = new ObjectMapper();
    private final char separator;
    private final Map<String, Class<?>> types;
    private final Class<R> rowType;
    private boolean headerPending;
    private List<String> columns;

    CsvFormat(FileOptions options, Class<R> rowType) {
        this.separator = options.separator();
        this.types = options.columnTypes();
        this.rowType = rowType;
        this.headerPending = options.header();
        this.columns = options.columns().isEmpty() ? null : options.columns();
        if (columns == null && !options.header()) {
            throw new IllegalArgumentException("fromCsv: a file without a header needs columns "
                    + "(FileOptions.withColumns)");
        }
    }

    @Override
    public boolean isComplete(CharSequence record) {
        try {
            return fields(record, separator) != null;
        } catch (IllegalArgumentException malformed) {
            return true;                     // complete, and parse says why it is malformed
        }
    }

    @Override
    public List<R> parse(String record) throws Exception {
        if (record.isEmpty()) {
            return List.of();
        }
        List<String> fields = fields(record, separator);
        if (fields == null) {
            throw new IllegalArgumentException("a quoted field is not closed in " + Texts.cut(record));
        }
        if (headerPending) {
            headerPending = false;
            if (columns == null) {
                columns = List.copyOf(fields);
            }
            return List.of();
        }
        if (fields.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " fields " + columns + ", found "
                    + fields.size() + " in " + Texts.cut(record));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String c = columns.get(i);
            Class<?> type = types.get(c);
            row.put(c, type == null ? fields.get(i) : typed(c, fields.get(i), type));
        }
        if (rowType == null) {
            @SuppressWarnings("unchecked")
            R map = (R) Collections.unmodifiableMap(row);
            return List.of(map);
        }
        return Collections.singletonList(values.convertValue(row, rowType));
    }

    /**
     * The fields of {@code record}, or {@code null} if it ends inside a quoted field (the record
     * goes on on the next line).
     *
     * @throws IllegalArgumentException for a quote inside an unquoted field, or text after a
     *     closing quote
     */
    static List<String> fields(CharSequence record, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = record.length();
        while (true) {
            field.setLength(0);
            if (i < n && record.charAt(i) == '"') {
                int start = i;
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = record.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && record.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && record.charAt(i) != separator) {
                    throw new IllegalArgumentException("text after the closing quote of field " + (fields.size() + 1)
                            + " (column " + (start + 1) + ")");
                }
            } else {
                while (i < n && record.charAt(i) != separator) {
                    char c = record.charAt(i);
                    if (c == '"') {
                        throw new IllegalArgumentException("a stray quote in field " + (fields.size() + 1) + " (column "
                                + (i + 1) + "); quote the whole field and double the quote: \"55\"\" screen\"");
                    }
                    field.append(c);
                    i++;
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++;                             // the separator
        }
    }

    private Object typed(String column, String field, Class<?> type) {
        if (field.isEmpty() && type != String.class) {
            return null;
        }
        try {
            if (type == Instant.class) {
                return instant(field);
            }
            Object v = values.convertValue(field, type);
            if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
                throw new IllegalArgumentException("out of range");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column \"" + column + "\": \"" + Texts.cut(field)
                    + "\" is not a " + type.getSimpleName() + (type == Instant.class
                            ? " (ISO-8601 such as 2024-05-01T12:00:00Z, or epoch milliseconds)" : ""), e);
        }
    }

    /** An ISO-8601 instant ({@code 2024-05-01T12:00:00Z}, offsets allowed) or epoch milliseconds. */
    static Instant instant(String field) {
        String s = field.trim();
        if (!s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == '-') && s.lastIndexOf('-') <= 0) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
