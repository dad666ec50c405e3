package org.convlab.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.convlab.model.Presets;
import org.convlab.ui.app.CenterViews;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing in the editor's views is cut off (issue 12, item 7): at 1024x768, 1280x720 and 1366x768
 * (and at text size 24 on 1366x768), with the side panels shown and hidden, the Start page and the Summary of every preset show every
 * label's whole text (a Labeled's drawn text, its {@code .text} node, equals its text: JavaFX puts
 * "..." there when it cuts), and every summary column is at least as wide as its widest cell. With
 * the side panels shown at 1280x720 and wider (default text size), the multiply-adds column is in
 * view without scrolling.
 * The views checked are the editor's own: the layer stack, the properties panel, the Start page and
 * the Summary (the whole-window sweep is a separate test).
 */
class EditorCutOffTest extends EditorWindowFixture {

    @ParameterizedTest(name = "{0}x{1}, text {2} px")
    @CsvSource({"1024, 768, 15", "1280, 720, 15", "1366, 768, 15", "1366, 768, 24"})
    void nothingIsCutOff(int width, int height, int textSize) throws Exception {
        // 1280 x 720 lies between the brief's two classroom sizes: long mode only, as in NothingCutOffTest (verify stays short)
        org.junit.jupiter.api.Assumptions.assumeTrue(width != 1280 || Boolean.getBoolean("convlab.longTests"),
                "1280x720 runs with -Dconvlab.longTests=true");
        List<String> problems = new ArrayList<>();
        org.convlab.ui.app.MainWindow main = window(); // looked up while the stack is in the window
        fxRun(() -> org.convlab.ui.Theme.setTextSize(textSize));
        try {
            for (boolean panels : new boolean[] {true, false}) {
                fxRun(() -> {
                    main.sidePanelsProperty().set(panels);
                    Stage stage = (Stage) main.getScene().getWindow();
                    stage.setWidth(width);
                    stage.setHeight(height);
                });
                String where = width + "x" + height + " text " + textSize + (panels ? " with side panels" : " without side panels");
                fxRun(() -> main.views().show(CenterViews.START));
                problems.addAll(elided(where + ", Start page"));
                for (String name : Presets.names()) {
                    fxRun(() -> main.openPreset(name)); // nothing edited: no question asked
                    assertEquals(Presets.PREFIX + name, main.model().sourceProperty().get());
                    fxRun(() -> main.views().show(CenterViews.SUMMARY));
                    String at = where + ", Summary of " + name;
                    problems.addAll(elided(at));
                    problems.addAll(narrowColumns(at));
                    if (panels && width >= 1280 && textSize == 15) {
                        problems.addAll(multiplyAddsOutOfView(at));
                    }
                }
            }
        } finally {
            fxRun(() -> {
                main.sidePanelsProperty().set(true);
                org.convlab.ui.Theme.setTextSize(org.convlab.ui.Theme.DEFAULT_EM);
            });
        }
        assertEquals(List.of(), problems);
    }

    @org.junit.jupiter.api.Test
    void theCheckSeesAnElidedLabel() throws Exception {
        // the check itself can fail: a label squeezed below its text's width is reported
        javafx.scene.control.Label squeezed = new javafx.scene.control.Label("a label far too long for its room");
        squeezed.setId("squeezedProbe");
        fxRun(() -> {
            javafx.scene.layout.VBox stack = robot.lookup("#layerStack").queryAs(javafx.scene.layout.VBox.class);
            squeezed.setMaxWidth(40);
            stack.getChildren().add(squeezed);
        });
        try {
            assertTrue(elided("probe").stream().anyMatch(p -> p.contains("far too long")), elided("probe").toString());
        } finally {
            fxRun(() -> ((javafx.scene.layout.Pane) squeezed.getParent()).getChildren().remove(squeezed));
        }
    }

    /** The editor's views in the window now. */
    private List<Node> views() {
        List<Node> out = new ArrayList<>();
        for (String q : new String[] {"#layerStack", ".properties-panel", "#startPage", ".summary-view"}) {
            out.addAll(robot.lookup(q).queryAll());
        }
        return out;
    }

    /** Every shown Labeled under the editor's views whose drawn text is not its whole text. */
    private List<String> elided(String where) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            for (Node view : views()) {
                if (view.getScene() == null || !shown(view)) {
                    continue;
                }
                collect(view, n -> {
                    if (n instanceof Labeled l && shown(l) && l.getText() != null && !l.getText().isEmpty()
                            && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
                        Text drawn = drawnText(l);
                        if (drawn != null && !drawn.getText().equals(l.getText())) {
                            out.add(where + ": \"" + l.getText() + "\" shows as \"" + drawn.getText() + "\" ("
                                    + l.getClass().getSimpleName() + (l.getId() == null ? "" : " #" + l.getId()) + ")");
                        }
                    }
                });
            }
        });
        return out;
    }

    /** Summary columns narrower than their widest cell text (every row, not only those in view). */
    private List<String> narrowColumns(String where) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<LayerRow> table = robot.lookup("#summaryTable").queryAs(TableView.class);
            for (TableColumn<LayerRow, ?> column : table.getColumns()) {
                TableCell<?, ?> sample = robot.from(table).lookup(".table-cell." + column.getId()).queryAllAs(TableCell.class)
                        .stream().filter(c -> c.getText() != null).findFirst().orElse(null);
                if (sample == null) {
                    continue;
                }
                Text measure = new Text();
                measure.setFont(sample.getFont());
                double insets = sample.snappedLeftInset() + sample.snappedRightInset();
                for (LayerRow row : table.getItems()) {
                    Object value = column.getCellObservableValue(row).getValue();
                    measure.setText(value == null ? "" : value.toString());
                    double need = measure.getLayoutBounds().getWidth() + insets;
                    if (need > column.getWidth() + 0.5) {
                        out.add(where + ": column " + column.getText() + " is " + Math.round(column.getWidth())
                                + " px, \"" + measure.getText() + "\" needs " + Math.round(need));
                    }
                }
            }
        });
        return out;
    }

    /** The multiply-adds column must end inside the table's visible width. */
    private List<String> multiplyAddsOutOfView(String where) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<LayerRow> table = robot.lookup("#summaryTable").queryAs(TableView.class);
            double right = 0;
            for (TableColumn<LayerRow, ?> column : table.getColumns()) {
                right += column.getWidth();
                if (column.getId().equals("col-macs")) {
                    break;
                }
            }
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 16; // a vertical scroll bar
            if (right > room) {
                out.add(where + ": the multiply-adds column ends at " + Math.round(right) + " px, the table shows " + Math.round(room));
            }
        });
        return out;
    }

    private static Text drawnText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t;
            }
        }
        return null;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Node n, java.util.function.Consumer<Node> each) {
        each.accept(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, each);
            }
        }
    }
}
