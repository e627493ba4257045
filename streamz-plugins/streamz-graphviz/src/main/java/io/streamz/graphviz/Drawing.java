package io.streamz.graphviz;

import java.util.ArrayList;
import java.util.List;

/** A laid-out graph: where each node, edge and edge label goes, in points, origin top left. */
final class Drawing {
    static final double FONT_SIZE = 14;
    static final double LABEL_FONT_SIZE = 11;
    static final double LINE_HEIGHT = 18;

    /** A node's box and what is drawn in it. */
    static final class Box {
        final DotGraph.Node node;
        final double x;
        final double y;
        final double w;
        final double h;

        Box(DotGraph.Node node, double x, double y, double w, double h) {
            this.node = node;
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
        }
    }

    /** An edge as a polyline, x and y alternating, ending at its head. */
    static final class Line {
        final DotGraph.Edge edge;
        final double[] points;

        Line(DotGraph.Edge edge, double[] points) {
            this.edge = edge;
            this.points = points;
        }
    }

    /** An edge label with its top-left corner. */
    static final class Label {
        final String text;
        final double x;
        final double y;
        final double w;
        final double h;

        Label(String text, double x, double y, double w, double h) {
            this.text = text;
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
        }
    }

    final double width;
    final double height;
    final List<Box> boxes = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    final List<Label> labels = new ArrayList<>();

    Drawing(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /**
     * The width of {@code s} in Helvetica (Arial and Liberation Sans have the same metrics) at
     * {@code size} points, from the font's widths in thousandths of an em.
     */
    static double textWidth(String s, double size) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += c >= 32 && c < 127 ? HELVETICA[c - 32] : 556;
        }
        return w * size / 1000;
    }

    private static final short[] HELVETICA = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,   // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,   // 0 to ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,   // P to _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,   // ` to o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,        // p to ~
    };
}
