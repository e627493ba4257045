package io.streamz.graphviz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/** Draws with Java2D into an image, written as PNG; the picture is scaled for sharp text. */
final class Java2dCanvas implements Canvas {
    static final double SCALE = 1.5;
    private static final String[] FONTS = {"Liberation Sans", "Arial", "Helvetica"};

    private final Graphics2D g;
    private final String family;

    private Java2dCanvas(Graphics2D g) {
        this.g = g;
        this.family = family();
    }

    static void png(Drawing d, OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage((int) Math.ceil(d.width * SCALE), (int) Math.ceil(d.height * SCALE),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            Canvas.paint(d, new Java2dCanvas(g));
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    /** The first Helvetica-metric font installed, else the JVM's sans-serif one. */
    private static String family() {
        for (String f : FONTS) {
            if (new Font(f, Font.PLAIN, 12).getFamily().equalsIgnoreCase(f)) {
                return f;
            }
        }
        return Font.SANS_SERIF;
    }

    @Override
    public void polygon(double[] xy, Color fill, Color stroke, double width) {
        Path2D.Double p = path(xy);
        p.closePath();
        if (fill != null) {
            g.setColor(fill);
            g.fill(p);
        }
        g.setColor(stroke);
        g.setStroke(new BasicStroke((float) width));
        g.draw(p);
    }

    @Override
    public void polyline(double[] xy, Color stroke, double width, boolean dashed) {
        g.setColor(stroke);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                dashed ? new float[] {5, 3} : null, 0));
        g.draw(path(xy));
    }

    @Override
    public void roundRect(double x, double y, double w, double h, double r, Color fill, Color stroke, double width) {
        RoundRectangle2D.Double shape = new RoundRectangle2D.Double(x, y, w, h, 2 * r, 2 * r);
        g.setColor(fill);
        g.fill(shape);
        g.setColor(stroke);
        g.setStroke(new BasicStroke((float) width));
        g.draw(shape);
    }

    @Override
    public void text(String s, double cx, double baseline, double size, Color color) {
        Font font = new Font(family, Font.PLAIN, 1).deriveFont((float) size);
        g.setFont(font);
        double w = g.getFontMetrics().getStringBounds(s, g).getWidth();
        double room = Drawing.textWidth(s, size);
        if (w > room * 1.02) {   // a wider fallback font is narrowed to the room the layout gave
            font = font.deriveFont((float) (size * room / w));
            g.setFont(font);
            w = g.getFontMetrics().getStringBounds(s, g).getWidth();
        }
        g.setColor(color);
        g.drawString(s, (float) (cx - w / 2), (float) baseline);
    }

    private static Path2D.Double path(double[] xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        return p;
    }
}
