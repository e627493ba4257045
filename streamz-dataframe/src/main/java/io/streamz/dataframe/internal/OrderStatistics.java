package io.streamz.dataframe.internal;

/**
 * A multiset of doubles with rank access: a treap whose nodes know their subtree sizes, so
 * that {@link #add}, {@link #remove} and {@link #get} (the k-th smallest) take O(log n)
 * expected time. Rolling medians and quantiles keep their window here.
 */
final class OrderStatistics {
    private static final class Node {
        final double key;
        final int priority;
        int size = 1;
        Node left;
        Node right;

        Node(double key, int priority) {
            this.key = key;
            this.priority = priority;
        }
    }

    private Node root;
    private int seed = 0x9E3779B9;

    int size() {
        return root == null ? 0 : root.size;
    }

    void add(double v) {
        Node[] parts = split(root, v, false);
        root = merge(merge(parts[0], new Node(v, nextPriority())), parts[1]);
    }

    /** Removes one occurrence of {@code v}; returns whether there was one. */
    boolean remove(double v) {
        Node[] lessRest = split(root, v, false);
        Node[] equalGreater = split(lessRest[1], v, true);
        Node equal = equalGreater[0];
        boolean found = equal != null;
        if (found) {
            equal = merge(equal.left, equal.right);
        }
        root = merge(merge(lessRest[0], equal), equalGreater[1]);
        return found;
    }

    /** The k-th smallest value, from 0. */
    double get(int k) {
        Node t = root;
        while (true) {
            int leftSize = size(t.left);
            if (k < leftSize) {
                t = t.left;
            } else if (k == leftSize) {
                return t.key;
            } else {
                k -= leftSize + 1;
                t = t.right;
            }
        }
    }

    private int nextPriority() {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return seed;
    }

    private static int size(Node t) {
        return t == null ? 0 : t.size;
    }

    private static Node update(Node t) {
        t.size = 1 + size(t.left) + size(t.right);
        return t;
    }

    /** Splits into keys below {@code v} (or at most {@code v} when {@code inclusive}) and the rest. */
    private static Node[] split(Node t, double v, boolean inclusive) {
        if (t == null) {
            return new Node[2];
        }
        boolean goesLeft = inclusive ? t.key <= v : t.key < v;
        if (goesLeft) {
            Node[] r = split(t.right, v, inclusive);
            t.right = r[0];
            r[0] = update(t);
            return r;
        }
        Node[] l = split(t.left, v, inclusive);
        t.left = l[1];
        l[1] = update(t);
        return l;
    }

    private static Node merge(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority > b.priority) {
            a.right = merge(a.right, b);
            return update(a);
        }
        b.left = merge(a, b.left);
        return update(b);
    }
}
