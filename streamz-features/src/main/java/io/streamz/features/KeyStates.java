package io.streamz.features;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The keys of a {@link FeatureTable} and their state arrays, in an open-addressing hash table
 * (linear probing, at most half full): the hash, the key and the state of a slot sit at the same
 * index of three arrays, so that finding a key's state reads the key's hash code and then those
 * three slots, which the processor can fetch at once, instead of a chain of table slot, entry
 * object and value ({@code HashMap}). With 100,000 keys and more, every one of these reads is a
 * cache miss, and aggregating an event costs about as many memory latencies as the chain is long.
 * Keys are never removed one by one: {@link #retainIf} rebuilds the table (eviction sweeps are
 * rare and visit every key anyway).
 */
final class KeyStates {
    private static final int MIN_CAPACITY = 16;

    private int[] hashes;
    private Object[] keys;
    private double[][] states;
    private int shift;
    private int size;

    KeyStates() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        keys = new Object[capacity];
        states = new double[capacity][];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    int size() {
        return size;
    }

    /** The state of {@code key}, or {@code null}. */
    double[] get(Object key) {
        int h = key.hashCode();
        int mask = keys.length - 1;
        for (int i = slot(h);; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                return null;
            }
            if (k == key || hashes[i] == h && k.equals(key)) {
                return states[i];
            }
        }
    }

    /** Sets the state of {@code key}, adding the key if it is new. */
    void put(Object key, double[] state) {
        int h = key.hashCode();
        int mask = keys.length - 1;
        int i = slot(h);
        for (Object k = keys[i]; k != null; k = keys[i]) {
            if (k == key || hashes[i] == h && k.equals(key)) {
                states[i] = state;
                return;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        keys[i] = key;
        states[i] = state;
        if (++size * 2 > keys.length) {
            rehash(keys.length * 2, s -> true);
        }
    }

    /** The keys, in no particular order. */
    List<Object> keys() {
        List<Object> out = new ArrayList<>(size);
        for (Object k : keys) {
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Keeps the keys whose state passes {@code keep} and drops the others.
     *
     * @return how many were dropped
     */
    int retainIf(Predicate<double[]> keep) {
        int before = size;
        int capacity = MIN_CAPACITY;
        while (capacity < 2 * size) {
            capacity *= 2;
        }
        rehash(capacity, keep);
        return before - size;
    }

    private void rehash(int capacity, Predicate<double[]> keep) {
        int[] oldHashes = hashes;
        Object[] oldKeys = keys;
        double[][] oldStates = states;
        allocate(capacity);
        int mask = capacity - 1;
        size = 0;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null && keep.test(oldStates[j])) {
                int i = slot(oldHashes[j]);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                keys[i] = oldKeys[j];
                states[i] = oldStates[j];
                size++;
            }
        }
    }

    /** The home slot of hash {@code h}: its top bits after a multiplicative mix (sequential hash codes spread out). */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}
