package io.streamz.dataframe.internal;

/**
 * A multiset of doubles with rank access: a treap whose nodes know their subtree sizes, so
 * that {@link #add}, {@link #remove} and {@link #get} (the k-th smallest) take O(log n)
 * expected time. Rolling medians and quantiles keep their window here; removed nodes are
 * reused, so a sliding window allocates nothing once it is full.
 */
final class OrderStatistics {
    private static final class Node {
        double key;
        int priority;
        int size;
        Node left;
        Node right;
    }

    private Node root;
    private Node free;
    private boolean removed;
    private int seed = 0x9E3779B9;

    int size() {
        return size(root);
    }

    void add(double v) {
        root = insert(root, node(v));
    }

    /** Removes one occurrence of {@code v}; returns whether there was one. */
    boolean remove(double v) {
        removed = false;
        root = delete(root, v);
        return removed;
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

    private Node node(double v) {
        Node n = free;
        if (n != null) {
            free = n.right;
        } else {
            n = new Node();
        }
        n.key = v;
        n.priority = nextPriority();
        n.size = 1;
        n.left = null;
        n.right = null;
        return n;
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

    private static Node rotateRight(Node t) {
        Node l = t.left;
        t.left = l.right;
        l.right = update(t);
        return update(l);
    }

    private static Node rotateLeft(Node t) {
        Node r = t.right;
        t.right = r.left;
        r.left = update(t);
        return update(r);
    }

    private static Node insert(Node t, Node n) {
        if (t == null) {
            return n;
        }
        if (n.key < t.key) {
            t.left = insert(t.left, n);
            if (t.left.priority > t.priority) {
                return rotateRight(t);
            }
        } else {
            t.right = insert(t.right, n);
            if (t.right.priority > t.priority) {
                return rotateLeft(t);
            }
        }
        return update(t);
    }

    private Node delete(Node t, double v) {
        if (t == null) {
            return null;
        }
        if (v < t.key) {
            t.left = delete(t.left, v);
        } else if (v > t.key) {
            t.right = delete(t.right, v);
        } else if (t.left == null || t.right == null) {
            Node child = t.left == null ? t.right : t.left;
            removed = true;
            t.left = null;
            t.right = free;
            free = t;
            return child;
        } else if (t.left.priority > t.right.priority) {
            t = rotateRight(t);
            t.right = delete(t.right, v);
        } else {
            t = rotateLeft(t);
            t.left = delete(t.left, v);
        }
        return update(t);
    }
}
