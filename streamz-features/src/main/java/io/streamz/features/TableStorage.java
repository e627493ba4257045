package io.streamz.features;

import java.util.List;
import java.util.Map;
import reactor.util.annotation.Nullable;

/**
 * Where a {@link Table} keeps its entries: in memory ({@link Table#inMemory()}), in RocksDB
 * ({@code streamz-features-rocksdb}) or in Redis ({@code streamz-features-redis}). Keys are
 * strings (storey's: a list of keys joined with {@code "."}); values are maps of attributes,
 * which byte stores encode with {@link TableCodec}. Implementations are safe from any thread.
 *
 * <pre>{@code
 * Table table = Table.of(new MyStorage());   // an implementation of this interface
 * }</pre>
 */
public interface TableStorage extends AutoCloseable {
    /**
     * The attributes stored under {@code key}.
     *
     * @param key the key
     * @return a map the caller may keep, or {@code null} when nothing is stored
     */
    @Nullable
    Map<String, Object> get(String key);

    /**
     * Stores {@code value} under {@code key}, replacing what was there.
     *
     * @param key the key
     * @param value the attributes, not kept by reference
     */
    void put(String key, Map<String, Object> value);

    /**
     * Stores several entries; atomically (all or none after a crash) where the store can, as
     * RocksDB does. The default writes them one by one.
     *
     * @param entries key to attributes
     */
    default void putAll(Map<String, Map<String, Object>> entries) {
        entries.forEach(this::put);
    }

    /**
     * Removes {@code key}.
     *
     * @param key the key
     */
    void delete(String key);

    /**
     * The keys stored.
     *
     * @return a snapshot of the keys
     */
    List<String> keys();

    /**
     * Makes what was stored so far durable, where the store buffers writes. Does nothing by default.
     */
    default void flush() {
    }

    /** Releases the store's resources; the table is unusable afterwards. */
    @Override
    void close();
}
