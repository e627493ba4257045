package io.streamz.features.redis;

import io.streamz.features.TableCodec;
import io.streamz.features.TableStorage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A {@link TableStorage} in Redis: tables and aggregation buckets shared between processes, so
 * that one process aggregates and others serve (storey's V3IO tables, here on a server you run).
 * Entries are Redis strings under {@code <prefix><key>}, encoded with {@link TableCodec};
 * {@link #putAll} writes them with one {@code MSET}, which Redis applies atomically.
 *
 * <pre>{@code
 * try (Table table = Table.of(RedisStorage.connect("localhost", 6379, "features:"))) {
 *     table.get("ann");   // what another process wrote
 * }
 * }</pre>
 */
public final class RedisStorage implements TableStorage {
    private final JedisPooled redis;
    private final String prefix;

    private RedisStorage(JedisPooled redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /**
     * Connects to the Redis server at {@code host:port}; entries are stored under keys starting
     * with {@code prefix}.
     *
     * @param host the server's host
     * @param port the server's port
     * @param prefix the start of every Redis key this storage writes, e.g. {@code "features:"}
     * @return the storage; close it (or its table) when done
     * @throws NullPointerException if {@code host} or {@code prefix} is {@code null}
     */
    public static RedisStorage connect(String host, int port, String prefix) {
        if (host == null || prefix == null) {
            throw new NullPointerException("RedisStorage: " + (host == null ? "host" : "prefix") + " is null");
        }
        return new RedisStorage(new JedisPooled(host, port), prefix);
    }

    @Override
    public Map<String, Object> get(String key) {
        byte[] v = redis.get(bytes(prefix + key));
        return v == null ? null : TableCodec.decode(v);
    }

    @Override
    public void put(String key, Map<String, Object> value) {
        redis.set(bytes(prefix + key), TableCodec.encode(value));
    }

    /** Writes all entries with one {@code MSET}: atomic in Redis. */
    @Override
    public void putAll(Map<String, Map<String, Object>> entries) {
        if (entries.isEmpty()) {
            return;
        }
        byte[][] keysAndValues = new byte[2 * entries.size()][];
        int i = 0;
        for (Map.Entry<String, Map<String, Object>> e : entries.entrySet()) {
            keysAndValues[i++] = bytes(prefix + e.getKey());
            keysAndValues[i++] = TableCodec.encode(e.getValue());
        }
        redis.mset(keysAndValues);
    }

    @Override
    public void delete(String key) {
        redis.del(bytes(prefix + key));
    }

    @Override
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        ScanParams params = new ScanParams().match(prefix + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            for (String k : page.getResult()) {
                out.add(k.substring(prefix.length()));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return out;
    }

    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisStorage(" + prefix + ")";
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
