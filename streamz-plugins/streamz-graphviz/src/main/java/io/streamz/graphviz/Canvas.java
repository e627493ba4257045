package io.streamz.graphviz;

import java.awt.Color;
import java.util.List;

/** What pictures are drawn with: SVG text, Java2D (PNG) or a PDF page. Coordinates in points. */
interface Canvas {
    /** A closed polygon, x and y alternating; {@code fill} may be {@code null}. */
    void polygon(double[] xy, Color fill, Color stroke, double width);

    /** An open line through the points, x and y alternating; dashed for DOT's {@code style=dashed}. */
    void polyline(double[] xy, Color stroke, double width, boolean dashed);

    /** A rectangle with corners rounded by {@code r}. */
    void roundRect(double x, double y, double w, double h, double r, Color fill, Color stroke, double width);

    /** {@code s} centred on {@code cx}, its baseline at {@code baseline}. */
    void text(String s, double cx, double baseline, double size, Color color);

    /** Starts a node's group (its outline and label follow). */
    default void beginNode(DotGraph.Node n) {
    }

    /** Ends the node's group. */
    default void endNode() {
    }

    /** Whether {@code e}'s style (a comma-separated list in DOT) has {@code dashed}. */
    static boolean dashed(DotGraph.Edge e) {
        String style = e.attr("style");
        return style != null && List.of(style.replace(" ", "").split(",")).contains("dashed");
    }

    /** Draws {@code d}: edges under nodes, then edge labels. */
    static void paint(Drawing d, Canvas c) {
        for (Drawing.Line l : d.lines) {
            double[] p = l.points;
            Color color = Shapes.color(l.edge.attr("color"), Shapes.EDGE);
            int n = p.length;
            double dx = p[n - 2] - p[n - 4];
            double dy = p[n - 1] - p[n - 3];
            double len = Math.max(Math.hypot(dx, dy), 1e-9);
            double ux = dx / len;
            double uy = dy / len;
            double[] line = p.clone();
            line[n - 2] -= ux * 7;   // the arrowhead covers the line's last points
            line[n - 1] -= uy * 7;
            c.polyline(line, color, 1.2, dashed(l.edge));
            double bx = p[n - 2] - ux * 9;
            double by = p[n - 1] - uy * 9;
            c.polygon(new double[] {p[n - 2], p[n - 1], bx - uy * 4, by + ux * 4, bx + uy * 4, by - ux * 4},
                    color, color, 1);
        }
        for (Drawing.Box b : d.boxes) {
            c.beginNode(b.node);
            Shapes.outline(c, b);
            List<String> lines = b.node.lines();
            Color text = Shapes.color(b.node.attrs.get("fontcolor"), Shapes.TEXT);
            double top = b.y + (b.h - lines.size() * Drawing.LINE_HEIGHT) / 2;
            for (int i = 0; i < lines.size(); i++) {
                c.text(lines.get(i), b.x + b.w / 2, top + i * Drawing.LINE_HEIGHT + 13.5, Drawing.FONT_SIZE, text);
            }
            c.endNode();
        }
        for (Drawing.Label l : d.labels) {
            c.text(l.text, l.x + l.w / 2, l.y + l.h - 3.5, Drawing.LABEL_FONT_SIZE, Shapes.BORDER);
        }
    }
}
