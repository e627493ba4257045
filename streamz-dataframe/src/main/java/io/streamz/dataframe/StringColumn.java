package io.streamz.dataframe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dictionary-encoded column of text: each distinct string is stored once and rows hold small
 * codes; {@code null} is missing (pandas {@code object}).
 *
 * <pre>{@code
 * Frame f = Frame.of("name", new String[] {"Alice", "Bob", "Alice"});
 * f.stringColumn("name").isEqualTo("Alice").count();   // 2
 * }</pre>
 */
public final class StringColumn extends Column {
    private final int[] codes;
    private final List<String> dictionary;

    StringColumn(String name, int[] codes, List<String> dictionary, int offset, int length) {
        super(name, offset, length);
        this.codes = codes;
        this.dictionary = dictionary;
    }

    /**
     * A column of these values, dictionary-encoded.
     *
     * @param name the column's name, not null
     * @param values the values; {@code null} for missing
     * @return the new column
     */
    public static StringColumn of(String name, String... values) {
        Map<String, Integer> index = new HashMap<>();
        List<String> dict = new ArrayList<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                codes[i] = -1;
            } else {
                Integer c = index.get(v);
                if (c == null) {
                    c = dict.size();
                    index.put(v, c);
                    dict.add(v);
                }
                codes[i] = c;
            }
        }
        return new StringColumn(name, codes, List.copyOf(dict), 0, values.length);
    }

    @Override
    public ColumnType type() {
        return ColumnType.STRING;
    }

    @Override
    public String get(int i) {
        int c = codes[offset + checkRow(i)];
        return c < 0 ? null : dictionary.get(c);
    }

    @Override
    public boolean isMissing(int i) {
        return codes[offset + checkRow(i)] < 0;
    }

    /**
     * The number of distinct strings in the dictionary this column shares with its slices.
     *
     * @return the dictionary size; for a slice or a {@link #take} it can exceed the distinct values present
     */
    public int dictionarySize() {
        return dictionary.size();
    }

    /**
     * Rows equal to {@code value} (compares codes, not strings).
     *
     * @param value the string to look for, not null (use {@link #isMissing()} for missing rows)
     * @return the selection of matching rows, over {@code size()} rows
     */
    public Selection isEqualTo(String value) {
        java.util.Objects.requireNonNull(value, "isEqualTo: value is null (use isMissing())");
        int code = dictionary.indexOf(value);
        return select(i -> code >= 0 && codes[offset + i] == code);
    }

    /**
     * Rows not equal to {@code value} (missing rows match, as in pandas).
     *
     * @param value the string to compare with, not null
     * @return the selection of matching rows, over {@code size()} rows
     */
    public Selection isNotEqualTo(String value) {
        return isEqualTo(value).not();
    }

    /**
     * Rows equal to one of {@code values} (pandas {@code isin}); a {@code null} among them
     * matches the missing rows, as {@code None} does in pandas.
     *
     * <pre>{@code
     * StringColumn.of("s", "a", null, "b").isIn("a", null);   // rows 0 and 1
     * }</pre>
     *
     * @param values the strings to look for
     * @return the selection of matching rows, over {@code size()} rows
     */
    public Selection isIn(String... values) {
        Set<Integer> wanted = new HashSet<>();
        for (String v : values) {
            int c = v == null ? -1 : dictionary.indexOf(v);
            if (c >= 0 || v == null) {
                wanted.add(c);
            }
        }
        return select(i -> wanted.contains(codes[offset + i]));
    }

    /**
     * Rows that start with {@code prefix}; missing rows never match.
     *
     * @param prefix the prefix, not null
     * @return the selection of matching rows, over {@code size()} rows
     */
    public Selection startsWith(String prefix) {
        return select(i -> !isMissing(i) && get(i).startsWith(prefix));
    }

    /**
     * Rows that contain {@code part}; missing rows never match.
     *
     * @param part the text to look for, not null
     * @return the selection of matching rows, over {@code size()} rows
     */
    public Selection containsString(String part) {
        return select(i -> !isMissing(i) && get(i).contains(part));
    }

    @Override
    Column sliceUnchecked(int from, int to) {
        return new StringColumn(name(), codes, dictionary, offset + from, to - from);
    }

    @Override
    public StringColumn take(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[offset + checkRow(rows[i])];
        }
        return new StringColumn(name(), out, dictionary, 0, out.length);
    }

    @Override
    public StringColumn rename(String newName) {
        return new StringColumn(newName, codes, dictionary, offset, length);
    }

    /**
     * The values as an array.
     *
     * @return a new array of {@code size()} strings, {@code null} for missing
     */
    public String[] toArray() {
        String[] out = new String[length];
        for (int i = 0; i < length; i++) {
            out[i] = get(i);
        }
        return out;
    }
}
