package io.streamz.dataframe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The CSV reader behind {@link Frame#fromCsv} (not API). */
final class Csv {
    private Csv() {
    }

    static Frame parse(String text) {
        List<List<String>> rows = records(text);
        if (rows.isEmpty()) {
            return Frame.empty();
        }
        List<String> header = rows.get(0);
        List<Column> cols = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            List<String> raw = new ArrayList<>(rows.size() - 1);
            for (int r = 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("fromCsv: line " + (r + 1) + " has " + row.size()
                            + " fields, the header has " + header.size());
                }
                raw.add(row.get(c));
            }
            cols.add(Columns.infer(header.get(c).trim(), typed(raw)));
        }
        return Frame.of(cols);
    }

    private static List<Object> typed(List<String> raw) {
        for (int kind = 0; kind < 4; kind++) {
            List<Object> out = new ArrayList<>(raw.size());
            try {
                for (String s : raw) {
                    String t = s.trim();
                    if (t.isEmpty()) {
                        if (kind == 2) {
                            throw new IllegalArgumentException();
                        }
                        out.add(null);
                    } else if (kind == 0) {
                        out.add(Long.parseLong(t));
                    } else if (kind == 1) {
                        out.add(Double.parseDouble(t));
                    } else if (kind == 2) {
                        if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                            throw new IllegalArgumentException();
                        }
                        out.add(Boolean.parseBoolean(t));
                    } else {
                        out.add(Instant.parse(t));
                    }
                }
                if (kind == 0 && out.contains(null)) {
                    continue;
                }
                return out;
            } catch (RuntimeException e) {
                // not this type: try the next
            }
        }
        List<Object> out = new ArrayList<>(raw);
        out.replaceAll(s -> ((String) s).isEmpty() ? null : s);
        return out;
    }

    private static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    row.add(field.toString());
                    out.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            out.add(row);
        }
        return out;
    }
}
