package io.streamz.files;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CSV records: quoted fields may hold separators, quotes ({@code ""}) and line breaks. */
final class CsvFormat<R> implements RecordFormat<R> {
    private final ObjectReader rows;
    private final ObjectMapper values = new ObjectMapper();
    private final Map<String, Class<?>> types;
    private final Class<R> rowType;
    private boolean headerPending;
    private List<String> columns;

    CsvFormat(FileOptions options, Class<R> rowType) {
        CsvMapper mapper = new CsvMapper();
        this.rows = mapper.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(options.separator()))
                .with(CsvParser.Feature.WRAP_AS_ARRAY);
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
        int quotes = 0;
        for (int i = 0; i < record.length(); i++) {
            if (record.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 0;
    }

    @Override
    public List<R> parse(String record) throws Exception {
        if (record.isEmpty()) {
            return List.of();
        }
        String[] fields = fields(record);
        if (headerPending) {
            headerPending = false;
            if (columns == null) {
                columns = List.of(fields);
            }
            return List.of();
        }
        if (fields.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " fields " + columns + ", found "
                    + fields.length + " in " + Texts.cut(record));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            String c = columns.get(i);
            Class<?> type = types.get(c);
            row.put(c, type == null ? fields[i] : typed(c, fields[i], type));
        }
        if (rowType == null) {
            @SuppressWarnings("unchecked")
            R map = (R) Collections.unmodifiableMap(row);
            return List.of(map);
        }
        return Collections.singletonList(values.convertValue(row, rowType));
    }

    private String[] fields(String record) throws java.io.IOException {
        try (MappingIterator<String[]> it = rows.readValues(record)) {
            if (!it.hasNextValue()) {
                return new String[0];
            }
            String[] first = it.nextValue();
            if (it.hasNextValue()) {
                throw new IllegalArgumentException("more than one row in " + Texts.cut(record));
            }
            return first;
        }
    }

    private Object typed(String column, String field, Class<?> type) {
        if (field.isEmpty() && type != String.class) {
            return null;
        }
        try {
            return values.convertValue(field, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column \"" + column + "\": \"" + Texts.cut(field)
                    + "\" is not a " + type.getSimpleName(), e);
        }
    }
}
