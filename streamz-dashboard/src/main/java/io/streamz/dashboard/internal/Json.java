package io.streamz.dashboard.internal;

/** Appends JSON values to a builder: strings quoted and escaped, non-finite numbers as null. */
final class Json {
    private Json() {
    }

    static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        b.append(String.format("\\u%04x", (int) c));   // safe inside HTML too
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"');
    }

    static StringBuilder number(StringBuilder b, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return b.append("null");
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return b.append((long) v);
        }
        return b.append(v);
    }
}
