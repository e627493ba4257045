package io.streamz.files;

/** Text as it appears in messages: cut to about 80 characters. */
final class Texts {
    private static final int MAX = 80;

    private Texts() {
    }

    static String cut(String s) {
        return s.length() > MAX ? s.substring(0, MAX - 3) + "..." : s;
    }
}
