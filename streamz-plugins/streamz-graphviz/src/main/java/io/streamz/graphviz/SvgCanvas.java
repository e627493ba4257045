package io.streamz.graphviz;

import java.awt.Color;
import java.util.Locale;

/**
 * Writes SVG. Each node is a {@code <g class="node" id="ID">} (its DOT id) holding its outline
 * and one {@code <text class="line">} per label line, so that a page can find and restyle it.
 */
final class SvgCanvas implements Canvas {
    private final StringBuilder b = new StringBuilder();

    SvgCanvas(double width, double height) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width))
                .append("pt\" height=\"").append(num(height)).append("pt\" viewBox=\"0 0 ")
                .append(num(width)).append(' ').append(num(height)).append("\"")
                .append(" font-family=\"Helvetica, Arial, 'Liberation Sans', sans-serif\">\n");
    }

    static String render(Drawing d) {
        SvgCanvas c = new SvgCanvas(d.width, d.height);
        Canvas.paint(d, c);
        return c.b.append("</svg>\n").toString();
    }

    @Override
    public void polygon(double[] xy, Color fill, Color stroke, double width) {
        b.append("<polygon points=\"").append(points(xy)).append("\" ").append(paint(fill, stroke, width)).append("/>\n");
    }

    @Override
    public void polyline(double[] xy, Color stroke, double width, boolean dashed) {
        b.append("<polyline class=\"edge").append(dashed ? " dashed" : "").append("\" points=\"").append(points(xy))
                .append("\" ").append(paint(null, stroke, width)).append(dashed ? " stroke-dasharray=\"5,3\"" : "")
                .append("/>\n");
    }

    @Override
    public void roundRect(double x, double y, double w, double h, double r, Color fill, Color stroke, double width) {
        b.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" rx=\"").append(num(r)).append("\" ")
                .append(paint(fill, stroke, width)).append("/>\n");
    }

    @Override
    public void text(String s, double cx, double baseline, double size, Color color) {
        b.append("<text class=\"line\" x=\"").append(num(cx)).append("\" y=\"").append(num(baseline))
                .append("\" text-anchor=\"middle\" font-size=\"").append(num(size)).append("\" fill=\"")
                .append(hex(color)).append("\">").append(escape(s)).append("</text>\n");
    }

    @Override
    public void beginNode(DotGraph.Node n) {
        b.append("<g class=\"node\" id=\"").append(escape(n.id)).append("\">\n<title>")
                .append(escape(String.join(" ", n.lines()))).append("</title>\n");
    }

    @Override
    public void endNode() {
        b.append("</g>\n");
    }

    private static String paint(Color fill, Color stroke, double width) {
        return "fill=\"" + (fill == null ? "none" : hex(fill)) + "\" stroke=\"" + hex(stroke)
                + "\" stroke-width=\"" + num(width) + "\"";
    }

    private static String points(double[] xy) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(num(xy[i])).append(',').append(num(xy[i + 1]));
        }
        return s.toString();
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xffffff);
    }

    private static String num(double v) {
        long r = Math.round(v * 100);
        return r % 100 == 0 ? Long.toString(r / 100) : String.format(Locale.ROOT, "%.2f", r / 100.0);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                default:
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }
}
