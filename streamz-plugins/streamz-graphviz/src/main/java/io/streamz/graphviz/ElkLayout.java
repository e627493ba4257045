package io.streamz.graphviz;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/** Lays a {@link DotGraph} out in layers with Eclipse ELK (its "layered" algorithm). */
final class ElkLayout {
    static {
        // The layered algorithm is called directly: ELK's option registry (LayoutMetaDataService)
        // costs seconds to start, and the options we set are ELK's typed constants anyway.
        LayoutMetaDataService.initElkReflect();
    }

    private ElkLayout() {
    }

    static Drawing layout(DotGraph g) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, direction(g.attrs.get("rankdir")));
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(12));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 3.0);
        // keep the order of the DOT text (a node's downstreams in connection order) where it can
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);

        // a node with labelled inputs (a join's [0], [1]) is wide enough to keep them apart
        Map<DotGraph.Node, Double> headRoom = new IdentityHashMap<>();
        for (DotGraph.Edge d : g.edges) {
            String head = d.attr("headlabel");
            if (head != null) {
                headRoom.merge(d.to, Drawing.textWidth(head, Drawing.LABEL_FONT_SIZE) + 22, Double::sum);
            }
        }
        Map<DotGraph.Node, ElkNode> nodes = new IdentityHashMap<>();
        for (DotGraph.Node n : g.nodes.values()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            double[] size = size(n);
            e.setDimensions(Math.max(size[0], headRoom.getOrDefault(n, 0.0) + size[1]), size[1]);
            nodes.put(n, e);
        }
        Map<DotGraph.Edge, ElkEdge> edges = new IdentityHashMap<>();
        Map<ElkLabel, String> labelTexts = new IdentityHashMap<>();
        for (DotGraph.Edge d : g.edges) {
            ElkEdge e = ElkGraphUtil.createSimpleEdge(nodes.get(d.from), nodes.get(d.to));
            edges.put(d, e);
            label(e, d.attr("label"), EdgeLabelPlacement.CENTER, labelTexts);
            label(e, d.attr("taillabel"), EdgeLabelPlacement.TAIL, labelTexts);
            label(e, d.attr("headlabel"), EdgeLabelPlacement.HEAD, labelTexts);
        }

        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());

        Drawing out = new Drawing(root.getWidth(), root.getHeight());
        for (DotGraph.Node n : g.nodes.values()) {
            ElkNode e = nodes.get(n);
            out.boxes.add(new Drawing.Box(n, e.getX(), e.getY(), e.getWidth(), e.getHeight()));
        }
        for (DotGraph.Edge d : g.edges) {
            ElkEdge e = edges.get(d);
            for (ElkEdgeSection s : e.getSections()) {
                List<ElkBendPoint> bends = s.getBendPoints();
                double[] p = new double[4 + 2 * bends.size()];
                p[0] = s.getStartX();
                p[1] = s.getStartY();
                for (int i = 0; i < bends.size(); i++) {
                    p[2 + 2 * i] = bends.get(i).getX();
                    p[3 + 2 * i] = bends.get(i).getY();
                }
                p[p.length - 2] = s.getEndX();
                p[p.length - 1] = s.getEndY();
                out.lines.add(new Drawing.Line(d, p));
            }
            for (ElkLabel l : e.getLabels()) {
                out.labels.add(new Drawing.Label(labelTexts.get(l), l.getX(), l.getY(), l.getWidth(), l.getHeight()));
            }
        }
        return out;
    }

    private static void label(ElkEdge e, String text, EdgeLabelPlacement where, Map<ElkLabel, String> texts) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ElkLabel l = ElkGraphUtil.createLabel(text, e);
        l.setDimensions(Drawing.textWidth(text, Drawing.LABEL_FONT_SIZE) + 4, Drawing.LABEL_FONT_SIZE + 3);
        l.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, where);
        texts.put(l, text);
    }

    /** Width and height of a node: its label's lines plus room for its shape. */
    static double[] size(DotGraph.Node n) {
        double text = 0;
        List<String> lines = n.lines();
        for (String line : lines) {
            text = Math.max(text, Drawing.textWidth(line, Drawing.FONT_SIZE));
        }
        double h = lines.size() * Drawing.LINE_HEIGHT + 14;
        double w = text + 24;
        switch (Shapes.of(n)) {
            case STADIUM:
                w += h / 2;
                break;
            case OCTAGON:
                w += h / 2 + 6;
                h += 6;
                break;
            case TRAPEZIUM:
                w += h;
                break;
            default:
                break;
        }
        return new double[] {Math.max(w, 48), h};
    }

    private static Direction direction(String rankdir) {
        switch (rankdir == null ? "TB" : rankdir.toUpperCase(Locale.ROOT)) {
            case "LR":
                return Direction.RIGHT;
            case "BT":
                return Direction.UP;
            case "RL":
                return Direction.LEFT;
            default:
                return Direction.DOWN;
        }
    }
}
