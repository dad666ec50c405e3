package org.convlab.ui.training;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * Children side by side in equal columns when the pane is at least {@code twoColumnWidth} wide
 * (px at the default text size, scaled with {@link org.convlab.ui.Theme#em()}), one under the other
 * otherwise: the dashboard reads the same at 800 px between the main window's side panels, on a
 * full screen and at a larger text size.
 */
final class AdaptiveColumns extends FlowPane {
    private final double twoColumnWidth;

    AdaptiveColumns(double twoColumnWidth, Node... children) {
        super(8, 8, children);
        this.twoColumnWidth = twoColumnWidth;
        setPadding(new Insets(2, 0, 2, 0));
        widthProperty().addListener((o, a, b) -> fit(b.doubleValue()));
        org.convlab.ui.Theme.onChange(this, () -> fit(getWidth()));
    }

    /**
     * As wide as the widest child's minimum: a FlowPane's own minimum is its widest child's
     * preferred width, which {@link #fit} set to the last column width, so the pane could never
     * become narrower than it once was (at Text Size 24 the dashboard then scrolled sideways).
     */
    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node child : getManagedChildren()) {
            widest = Math.max(widest, child.minWidth(-1));
        }
        return snappedLeftInset() + widest + snappedRightInset();
    }

    private double threshold() {
        return twoColumnWidth * org.convlab.ui.Theme.em() / org.convlab.ui.Theme.DEFAULT_EM;
    }

    /** True while the children stand side by side. */
    boolean twoColumns() {
        return getWidth() >= threshold();
    }

    private void fit(double width) {
        int n = getChildren().size();
        int columns = width >= threshold() ? n : 1;
        double each = Math.floor((width - getHgap() * (columns - 1) - 1) / columns);
        setPrefWrapLength(width);
        for (Node child : getChildren()) {
            if (child instanceof Region r) {
                r.setPrefWidth(each);
                r.setMinWidth(Math.min(each, r.minWidth(-1)));
                r.setMaxWidth(each);
            }
        }
    }
}
