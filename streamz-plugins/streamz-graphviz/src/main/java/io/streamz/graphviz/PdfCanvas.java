package io.streamz.graphviz;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Draws a one-page PDF with Apache PDFBox, in vector form, text in the standard Helvetica. */
final class PdfCanvas implements Canvas {
    private final PDPageContentStream cs;
    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final double height;

    private PdfCanvas(PDPageContentStream cs, double height) {
        this.cs = cs;
        this.height = height;
    }

    static void pdf(Drawing d, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle((float) d.width, (float) d.height));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                Canvas.paint(d, new PdfCanvas(cs, d.height));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            doc.save(out);
        }
    }

    @Override
    public void polygon(double[] xy, Color fill, Color stroke, double width) {
        io(() -> {
            path(xy);
            cs.closePath();
            paint(fill, stroke, width);
        });
    }

    @Override
    public void polyline(double[] xy, Color stroke, double width, boolean dashed) {
        io(() -> {
            path(xy);
            cs.setStrokingColor(stroke);
            cs.setLineWidth((float) width);
            if (dashed) {
                cs.setLineDashPattern(new float[] {5, 3}, 0);
            }
            cs.stroke();
            if (dashed) {
                cs.setLineDashPattern(new float[0], 0);   // what follows is solid
            }
        });
    }

    @Override
    public void roundRect(double x, double y, double w, double h, double r, Color fill, Color stroke, double width) {
        double k = 0.5523 * r;   // control distance of a quarter circle drawn as a Bézier curve
        io(() -> {
            move(x + r, y);
            line(x + w - r, y);
            curve(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
            line(x + w, y + h - r);
            curve(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
            line(x + r, y + h);
            curve(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
            line(x, y + r);
            curve(x, y + r - k, x + r - k, y, x + r, y);
            cs.closePath();
            paint(fill, stroke, width);
        });
    }

    @Override
    public void text(String s, double cx, double baseline, double size, Color color) {
        io(() -> {
            String safe = encodable(s);
            double w = font.getStringWidth(safe) / 1000 * size;
            cs.beginText();
            cs.setFont(font, (float) size);
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset((float) (cx - w / 2), (float) (height - baseline));
            cs.showText(safe);
            cs.endText();
        });
    }

    /** Characters Helvetica's WinAnsi encoding lacks become question marks. */
    private String encodable(String s) throws IOException {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            try {
                font.encode(String.valueOf(c));
                b.append(c);
            } catch (IllegalArgumentException | IOException e) {
                b.append('?');
            }
        }
        return b.toString();
    }

    private void paint(Color fill, Color stroke, double width) throws IOException {
        cs.setStrokingColor(stroke);
        cs.setLineWidth((float) width);
        if (fill != null) {
            cs.setNonStrokingColor(fill);
            cs.fillAndStroke();
        } else {
            cs.stroke();
        }
    }

    private void path(double[] xy) throws IOException {
        move(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            line(xy[i], xy[i + 1]);
        }
    }

    private void move(double x, double y) throws IOException {
        cs.moveTo((float) x, (float) (height - y));
    }

    private void line(double x, double y) throws IOException {
        cs.lineTo((float) x, (float) (height - y));
    }

    private void curve(double x1, double y1, double x2, double y2, double x3, double y3) throws IOException {
        cs.curveTo((float) x1, (float) (height - y1), (float) x2, (float) (height - y2), (float) x3, (float) (height - y3));
    }

    private interface PdfOp {
        void run() throws IOException;
    }

    private static void io(PdfOp op) {
        try {
            op.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
