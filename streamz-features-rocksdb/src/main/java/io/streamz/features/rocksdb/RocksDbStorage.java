package io.streamz.features.rocksdb;

import io.streamz.features.TableCodec;
import io.streamz.features.TableStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link TableStorage} in an embedded RocksDB database in a directory: tables, aggregation
 * buckets and {@code mapWithState} state that survive a restart, or a crash, of the JVM. Every
 * write goes to RocksDB's write-ahead log, and {@link #putAll} writes a batch atomically, so a
 * {@code FeatureTable.commit} of buckets and source offsets is all or nothing.
 *
 * <pre>{@code
 * try (Table table = Table.of(RocksDbStorage.open(Path.of("state")))) {
 *     FeatureTable features = FeatureTable.of(aggregators, table);
 *     ...
 * }
 * }</pre>
 *
 * <p>One process opens a directory at a time (RocksDB locks it); to serve the same state from
 * several processes, use Redis ({@code streamz-features-redis}).
 */
public final class RocksDbStorage implements TableStorage {
    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final Options options;
    private final WriteOptions writeOptions;
    private final RocksDB db;

    private RocksDbStorage(Path dir, Options options, WriteOptions writeOptions, RocksDB db) {
        this.dir = dir;
        this.options = options;
        this.writeOptions = writeOptions;
        this.db = db;
    }

    /**
     * Opens, or creates, the database in {@code dir}.
     *
     * @param dir the database's directory, created if missing
     * @return the storage; close it (or its table) when done
     * @throws NullPointerException if {@code dir} is {@code null}
     * @throws IllegalStateException naming the directory if RocksDB cannot open it (for example,
     *         another process has it open)
     */
    public static RocksDbStorage open(Path dir) {
        if (dir == null) {
            throw new NullPointerException("RocksDbStorage: dir is null");
        }
        Options options = new Options().setCreateIfMissing(true);
        WriteOptions writeOptions = new WriteOptions();
        try {
            Files.createDirectories(dir);
            return new RocksDbStorage(dir, options, writeOptions, RocksDB.open(options, dir.toString()));
        } catch (RocksDBException | IOException e) {
            options.close();
            writeOptions.close();
            throw new IllegalStateException("RocksDbStorage: cannot open \"" + dir + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> get(String key) {
        try {
            byte[] v = db.get(bytes(key));
            return v == null ? null : TableCodec.decode(v);
        } catch (RocksDBException e) {
            throw failed("get", e);
        }
    }

    @Override
    public void put(String key, Map<String, Object> value) {
        try {
            db.put(writeOptions, bytes(key), TableCodec.encode(value));
        } catch (RocksDBException e) {
            throw failed("put", e);
        }
    }

    /** Writes all entries in one atomic {@code WriteBatch}. */
    @Override
    public void putAll(Map<String, Map<String, Object>> entries) {
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<String, Map<String, Object>> e : entries.entrySet()) {
                batch.put(bytes(e.getKey()), TableCodec.encode(e.getValue()));
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failed("putAll", e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            db.delete(writeOptions, bytes(key));
        } catch (RocksDBException e) {
            throw failed("delete", e);
        }
    }

    @Override
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                out.add(new String(it.key(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Flushes RocksDB's memtables to files (the write-ahead log already makes writes durable). */
    @Override
    public void flush() {
        try (FlushOptions f = new FlushOptions().setWaitForFlush(true)) {
            db.flush(f);
        } catch (RocksDBException e) {
            throw failed("flush", e);
        }
    }

    @Override
    public void close() {
        db.close();
        writeOptions.close();
        options.close();
    }

    @Override
    public String toString() {
        return "RocksDbStorage(" + dir + ")";
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private IllegalStateException failed(String what, RocksDBException e) {
        return new IllegalStateException("RocksDbStorage " + dir + ": " + what + " failed: " + e.getMessage(), e);
    }

}
