package org.convlab.ui.editor;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.css.PseudoClass;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convlab.engine.Shape;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.SummaryReport;

/**
 * One card of the stack: type, name, key settings, output shape, parameters and activations; red
 * with the model package's explanation (and a suggested fix) when the layer does not fit, grey
 * with "input unknown" after a misfit. Blocks get a toggle that shows their branches. A toggle
 * focusable box with a "selected" pseudo-class (a toggle button measured wrapped text badly). Id {@code #layer-<name>} ({@code #layer-input}).
 */
final class LayerCard extends VBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private Runnable onAction = () -> { };

    private LayerCard(String id) {
        super(2);
        setId(id);
        getStyleClass().add("layer-card");
        setMaxWidth(Double.MAX_VALUE);
        setFocusTraversable(true);
        setAccessibleRole(javafx.scene.AccessibleRole.TOGGLE_BUTTON);
        setOnMouseClicked(e -> {
            requestFocus();
            onAction.run();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE || e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                onAction.run();
                e.consume();
            }
        });
    }

    /** What a click (or Space/Enter) does: select this card's layer. */
    void setOnAction(Runnable r) {
        onAction = r;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    boolean isSelected() {
        return getPseudoClassStates().contains(SELECTED);
    }

    private void setGraphic(VBox body) {
        getChildren().setAll(body);
    }

    private void setTooltip(Tooltip t) {
        Tooltip.install(this, t);
    }

    static LayerCard input(Shape in) {
        LayerCard card = new LayerCard("layer-input");
        Label type = styled(new Label("Input"), "card-type");
        Label settings = styled(new Label(in.channels() + (in.channels() == 1 ? " channel" : " channels")), "card-summary");
        Label out = styled(new Label("out  " + SummaryReport.shape(in)), "card-output");
        card.setGraphic(new VBox(2, type, settings, out));
        return card;
    }

    static LayerCard of(LayerRow row, boolean expanded, Runnable toggleExpanded, Runnable applyFix) {
        LayerSpec spec = row.spec();
        LayerCard card = new LayerCard("layer-" + spec.name());
        Label type = styled(new Label(spec.type()), "card-type");
        Label name = styled(new Label(spec.name()), "card-name");
        // type left, name right; in a narrow panel the name goes below rather than being cut off
        javafx.scene.layout.BorderPane head = new javafx.scene.layout.BorderPane();
        head.setLeft(type);
        head.setRight(name);
        type.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label settings = styled(new Label(LayerText.settings(spec)), "card-summary");
        VBox body = new VBox(2, head, settings);
        switch (row.status()) {
            case FITS -> {
                LayerInfo i = row.info();
                body.getChildren().add(styled(new Label("out  " + SummaryReport.shape(i.outputDims())), "card-output"));
                body.getChildren().add(styled(new Label("params " + LayerText.count(i.params()) + "   act "
                        + LayerText.count(i.activations())), "card-counts"));
                card.setTooltip(new Tooltip(i.formula()));
            }
            case MISFIT -> {
                card.getStyleClass().add("misfit");
                Label problem = styled(new Label(row.problem()), "card-problem");
                problem.setWrapText(true);
                problem.setId("problem-" + spec.name());
                body.getChildren().add(problem);
                if (row.suggestion() != null) {
                    Label fix = styled(new Label("Fix: " + row.suggestion()), "card-fix");
                    fix.setWrapText(true);
                    fix.setId("fix-" + spec.name());
                    Button use = new Button("Use " + row.fix().field() + " " + row.fix().value());
                    use.setId("applyFix-" + spec.name());
                    use.setOnAction(e -> applyFix.run());
                    body.getChildren().addAll(fix, use);
                }
            }
            case UNKNOWN -> {
                card.getStyleClass().add("unknown");
                body.getChildren().add(styled(new Label("input unknown"), "card-output"));
            }
        }
        List<List<LayerSpec>> branches = branches(spec);
        if (!branches.isEmpty()) {
            ToggleButton more = new ToggleButton(expanded ? "\u25BE branches" : "\u25B8 branches");
            more.setId("expand-" + spec.name());
            more.getStyleClass().add("expand-toggle");
            more.setSelected(expanded);
            more.setOnAction(e -> toggleExpanded.run());
            body.getChildren().add(more);
            if (expanded) {
                body.getChildren().add(branchList(spec, branches, row.info()));
            }
        }
        body.setMaxWidth(Double.MAX_VALUE);
        card.setGraphic(body);
        return card;
    }

    /** An inception's branches, or a residual's branch (and its projection when it has one). */
    private static List<List<LayerSpec>> branches(LayerSpec spec) {
        if (spec instanceof InceptionSpec i) {
            return i.branches();
        }
        if (spec instanceof ResidualSpec r) {
            return List.of(r.branch());
        }
        return List.of();
    }

    private static VBox branchList(LayerSpec spec, List<List<LayerSpec>> branches, LayerInfo info) {
        VBox list = new VBox(2);
        list.getStyleClass().add("branch-list");
        list.setId("branches-" + spec.name());
        for (int b = 0; b < branches.size(); b++) {
            String title = spec instanceof ResidualSpec r
                    ? "branch (+ " + (r.projection() ? "1x1 projection" : "identity") + " skip)"
                    : "branch " + (b + 1);
            list.getChildren().add(styled(new Label(title), "branch-title"));
            List<LayerSpec> layers = branches.get(b);
            for (int k = 0; k < layers.size(); k++) {
                String out = "";
                if (info != null && b < info.branches().size() && k < info.branches().get(b).size()) {
                    out = "  \u2192 " + SummaryReport.shape(info.branches().get(b).get(k).outputDims());
                }
                Label line = styled(new Label(LayerText.settings(layers.get(k)) + out), "branch-layer");
                line.setWrapText(true);
                list.getChildren().add(line);
            }
        }
        return list;
    }

    /** A card label: styled, and wrapped onto more lines in a narrow panel rather than cut off. */
    private static Label styled(Label l, String style) {
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
