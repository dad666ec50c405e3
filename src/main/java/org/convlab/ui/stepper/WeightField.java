package org.convlab.ui.stepper;

import java.util.regex.Pattern;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.convlab.ui.maps.ValueGrid;

/**
 * A {@link ValueGrid} of filter weights that can be edited by typing: click a cell and a small
 * text field opens over it; Enter commits the number, Escape (or clicking elsewhere) cancels. Text
 * that is not a finite number ("abc", "NaN", "1e99") leaves the weight as it was and says why
 * right below the field. Ids: {@code #weightField}, {@code #weightProblem}.
 */
final class WeightField extends Pane {
    /** Receives a committed value for cell (row, col) of the grid. */
    interface Commit {
        void set(int row, int col, float value);
    }

    /** A plain decimal with an optional exponent, or a fraction such as 7/9. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final ValueGrid grid;
    private final TextField field = new TextField();
    private final Label problem = new Label();
    private final java.util.List<javafx.scene.Node> raised = new java.util.ArrayList<>();
    private Commit commit;
    private int row;
    private int col;

    WeightField(ValueGrid grid) {
        this.grid = grid;
        field.setId("weightField");
        Tips.set(field, "A new weight, e.g. 0.5, -1 or 7/9: Enter sets it, Escape cancels");
        problem.setId("weightProblem");
        problem.getStyleClass().add("weight-problem");
        // placed by hand over the clicked cell: they must not make the pane grow or move the grid
        field.setManaged(false);
        problem.setManaged(false);
        hide();
        field.setOnAction(e -> commitText());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                keepFocus();
                hide();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                hide();
            }
        });
        Tooltip.install(grid, new Tooltip("Click a weight to type a new value"));
        grid.setOnCell(this::open);
        getChildren().addAll(grid, field, problem);
    }

    /** Where committed values go; null makes the grid read-only. */
    void setOnCommit(Commit commit) {
        this.commit = commit;
        if (commit == null) {
            hide();
        }
    }

    ValueGrid grid() {
        return grid;
    }

    /** Opens the text field over cell (row, col), holding the weight's current value. */
    void open(int r, int c) {
        if (commit == null || r < 0 || c < 0 || r >= grid.rows() || c >= grid.cols()) {
            return;
        }
        row = r;
        col = c;
        Rectangle2D b = grid.cellBounds(r, c);
        double w = Math.max(b.getWidth(), org.convlab.ui.Theme.px(4.8));
        double h = org.convlab.ui.Theme.px(1.9);
        field.setText(Float.toString(grid.valueAt(r, c)));
        field.resizeRelocate(b.getMinX() + (b.getWidth() - w) / 2, b.getMinY() + (b.getHeight() - h) / 2, w, h);
        field.setVisible(true);
        problem.setVisible(false);
        raise();
        field.requestFocus();
        field.selectAll();
    }

    private void commitText() {
        String text = field.getText() == null ? "" : field.getText().trim();
        String why = problemWith(text);
        if (why != null) {
            problem.setText(why);
            problem.setWrapText(true); // a narrow column: two short lines rather than one past the view's edge
            double width = org.convlab.ui.Theme.px(12.7);
            problem.resize(width, problem.prefHeight(width));
            problem.relocate(field.getLayoutX(), field.getLayoutY() + field.getHeight() + 2);
            problem.setVisible(true);
            return;
        }
        int r = row;
        int c = col;
        keepFocus();
        hide();
        commit.set(r, c, parse(text));
    }

    /**
     * Focus stays here when the field closes: left to itself it moves on to the next control,
     * and the scroll pane around the view jumps to show that one.
     */
    private void keepFocus() {
        requestFocus();
    }

    private void hide() {
        field.setVisible(false);
        problem.setVisible(false);
        for (javafx.scene.Node n : raised) {
            n.setViewOrder(0);
        }
        raised.clear();
    }

    /**
     * The field and its message stick out of the grid; drawn in order they would sit under the
     * grids beside it. So this pane and its containers up to the view are drawn last among their
     * siblings while the field is open.
     */
    private void raise() {
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("stepper-view")) {
                break;
            }
            n.setViewOrder(-1);
            raised.add(n);
        }
    }

    /** Why {@code text} is not a weight, or null when it is one. */
    static String problemWith(String text) {
        if (text.isEmpty()) {
            return "type a number, e.g. 0.5 or -1";
        }
        int slash = text.indexOf('/');
        boolean fraction = slash > 0 && NUMBER.matcher(text.substring(0, slash).trim()).matches()
                && NUMBER.matcher(text.substring(slash + 1).trim()).matches();
        if (!fraction && !NUMBER.matcher(text).matches()) {
            return "'" + text + "' is not a number (e.g. 0.5, -1 or 7/9)";
        }
        float v = parse(text);
        if (!Float.isFinite(v)) {
            return "'" + text + "' is not a finite number (floats lie within \u00B13.4e38)";
        }
        return null;
    }

    /** The value of a text {@link #problemWith} accepted. */
    static float parse(String text) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            return (float) (Double.parseDouble(text.substring(0, slash).trim())
                    / Double.parseDouble(text.substring(slash + 1).trim()));
        }
        return Float.parseFloat(text);
    }
}
