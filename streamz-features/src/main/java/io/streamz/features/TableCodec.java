package io.streamz.features;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes a {@link TableStorage} that stores bytes (RocksDB, Redis) keeps for an entry: a
 * compact, versioned encoding of maps whose values are {@code null}, booleans, integers and
 * longs, doubles, strings, instants, byte arrays, lists and maps of these.
 *
 * <pre>{@code
 * byte[] bytes = TableCodec.encode(Map.of("count", 3L, "seen", Instant.EPOCH));
 * TableCodec.decode(bytes);   // {count=3, seen=1970-01-01T00:00:00Z}
 * }</pre>
 */
public final class TableCodec {
    private static final int VERSION = 1;

    private TableCodec() {
    }

    /**
     * Encodes {@code value}.
     *
     * @param value the attributes
     * @return the bytes
     * @throws IllegalArgumentException naming a value of a type the codec does not know
     */
    public static byte[] encode(Map<String, ?> value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @param bytes the bytes
     * @return a new mutable map
     * @throws IllegalArgumentException if the bytes are not such an encoding
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("TableCodec: unknown version " + version);
            }
            return (Map<String, Object>) read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("TableCodec: not an encoded entry", e);
        }
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte('N');
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? 'T' : 'F');
        } else if (v instanceof Integer i) {
            out.writeByte('I');
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte('J');
            out.writeLong(l);
        } else if (v instanceof Double || v instanceof Float) {
            out.writeByte('D');
            out.writeDouble(((Number) v).doubleValue());
        } else if (v instanceof String s) {
            out.writeByte('S');
            out.writeUTF(s);
        } else if (v instanceof Instant t) {
            out.writeByte('t');
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (v instanceof byte[] b) {
            out.writeByte('B');
            out.writeInt(b.length);
            out.write(b);
        } else if (v instanceof List<?> list) {
            out.writeByte('L');
            out.writeInt(list.size());
            for (Object o : list) {
                write(out, o);
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte('M');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeUTF(String.valueOf(e.getKey()));
                write(out, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("TableCodec: cannot store a " + v.getClass().getName()
                    + " (\"" + v + "\"); use null, booleans, numbers, strings, instants, byte[], lists or maps");
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case 'N': return null;
            case 'T': return true;
            case 'F': return false;
            case 'I': return in.readInt();
            case 'J': return in.readLong();
            case 'D': return in.readDouble();
            case 'S': return in.readUTF();
            case 't': return Instant.ofEpochSecond(in.readLong(), in.readInt());
            case 'B': {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                return b;
            }
            case 'L': {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                return list;
            }
            case 'M': {
                int n = in.readInt();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(in.readUTF(), read(in));
                }
                return map;
            }
            default: throw new IOException("unknown tag " + tag);
        }
    }
}
