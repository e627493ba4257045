package io.streamz.graphviz;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/** The node shapes and colours of DOT that pictures draw, and how they are drawn. */
enum Shapes {
    /** {@code ellipse} (DOT's default), {@code oval}, {@code circle}: drawn as a rounded box. */
    STADIUM,
    /** {@code box}, {@code rect}, {@code rectangle}, {@code square}. */
    BOX,
    /** {@code doubleoctagon} (sources) and {@code octagon}. */
    OCTAGON,
    /** {@code trapezium} (sinks). */
    TRAPEZIUM;

    static final Color EDGE = new Color(0x6b7280);
    static final Color BORDER = new Color(0x4b5563);
    static final Color TEXT = new Color(0x111827);

    static Shapes of(DotGraph.Node n) {
        switch (n.attr("shape", "ellipse").toLowerCase(Locale.ROOT)) {
            case "box":
            case "rect":
            case "rectangle":
            case "square":
                return BOX;
            case "octagon":
            case "doubleoctagon":
                return OCTAGON;
            case "trapezium":
                return TRAPEZIUM;
            default:
                return STADIUM;
        }
    }

    /** Draws {@code b}'s outline with its fill and border. */
    static void outline(Canvas c, Drawing.Box b) {
        DotGraph.Node n = b.node;
        Color fill = color(n.attrs.get("fillcolor"), Color.WHITE);
        Color border = color(n.attrs.get("color"), BORDER);
        double pen = penwidth(n.attrs.get("penwidth"));
        switch (of(n)) {
            case STADIUM:
                c.roundRect(b.x, b.y, b.w, b.h, b.h / 2, fill, border, pen);
                break;
            case BOX:
                c.roundRect(b.x, b.y, b.w, b.h, n.attr("style", "").contains("rounded") ? 8 : 0, fill, border, pen);
                break;
            case OCTAGON:
                c.polygon(octagon(b.x, b.y, b.w, b.h), fill, border, pen);
                if (n.attr("shape", "").toLowerCase(Locale.ROOT).startsWith("double")) {
                    c.polygon(octagon(b.x + 3, b.y + 3, b.w - 6, b.h - 6), null, border, pen);
                }
                break;
            default:
                double in = b.h / 2;
                c.polygon(new double[] {b.x + in, b.y, b.x + b.w - in, b.y, b.x + b.w, b.y + b.h, b.x, b.y + b.h},
                        fill, border, pen);
        }
    }

    private static double[] octagon(double x, double y, double w, double h) {
        double d = h * 0.29;
        return new double[] {x + d, y, x + w - d, y, x + w, y + d, x + w, y + h - d,
            x + w - d, y + h, x + d, y + h, x, y + h - d, x, y + d};
    }

    private static double penwidth(String s) {
        try {
            return s == null ? 1.2 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 1.2;
        }
    }

    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("white", Color.WHITE), Map.entry("black", Color.BLACK),
            Map.entry("gray", new Color(0xbebebe)), Map.entry("grey", new Color(0xbebebe)),
            Map.entry("lightgray", new Color(0xd3d3d3)), Map.entry("lightgrey", new Color(0xd3d3d3)),
            Map.entry("red", Color.RED), Map.entry("green", new Color(0x00ff00)), Map.entry("blue", Color.BLUE),
            Map.entry("yellow", Color.YELLOW), Map.entry("orange", new Color(0xffa500)),
            Map.entry("lightblue", new Color(0xadd8e6)), Map.entry("lightyellow", new Color(0xffffe0)),
            Map.entry("lightgreen", new Color(0x90ee90)), Map.entry("palegreen", new Color(0x98fb98)),
            Map.entry("pink", new Color(0xffc0cb)), Map.entry("salmon", new Color(0xfa8072)),
            Map.entry("tomato", new Color(0xff6347)), Map.entry("gold", new Color(0xffd700)));

    /** A DOT colour: {@code #rrggbb} or one of a few X11 names; {@code orElse} for others. */
    static Color color(String s, Color orElse) {
        if (s == null) {
            return orElse;
        }
        if (s.startsWith("#") && (s.length() == 7 || s.length() == 9)) {
            try {
                return new Color(Integer.parseInt(s.substring(1, 7), 16));
            } catch (NumberFormatException e) {
                return orElse;
            }
        }
        return NAMED.getOrDefault(s.toLowerCase(Locale.ROOT), orElse);
    }
}
