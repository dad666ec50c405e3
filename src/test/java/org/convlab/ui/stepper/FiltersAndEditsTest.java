package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.convlab.data.xo.XoLesson;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.ui.maps.FilterBank;
import org.convlab.ui.maps.ValueGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The Filters tab and typed weights in a real (headless) window: click a filter tile and read its
 * weights enlarged; type a new weight into the X/O filter and read the changed output off the
 * screen, checked against the window sum worked out here from the golden image; refuse text that
 * is no number; reset the filters.
 */
class FiltersAndEditsTest {
    private final FxRobot robot = new FxRobot();
    private static StepperTabs tabs;

    @BeforeAll
    static void show() throws Exception {
        tabs = TabsWindow.show();
    }

    @BeforeEach
    void reset() {
        robot.interact(() -> {
            tabs.session().resetWeights();
            tabs.session().setInput(LessonNetwork.input(XoLesson.load().x()));
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void select(String tabId) {
        TabsWindow.select(robot, tabs, tabId);
    }

    private void clickCell(ValueGrid grid, int row, int col) {
        Rectangle2D b = grid.cellBounds(row, col);
        robot.clickOn(grid.localToScreen(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2));
    }

    @Test
    void clickingAFilterTileEnlargesItWithItsNumbers() {
        select("tabFilters");
        FiltersView view = tabs.filtersView();
        FilterBank bank = view.bank();
        assertEquals(3, bank.shownFilters());
        double[] centre = bank.tileCentre(2, 0);
        robot.clickOn(bank.localToScreen(centre[0], centre[1]));
        Label title = robot.from(view).lookup("#filterTitle").queryAs(Label.class);
        assertTrue(title.getText().startsWith("Filter 2 of conv1"), title.getText());
        int[][] up = Golden.grid("features", "diagonal_up");
        ValueGrid detail = view.detailGrid();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(up[r][c] > 0 ? "1.00" : "-1.00", detail.textAt(r, c), "cell " + r + "," + c);
            }
        }
        Label bias = robot.from(view).lookup("#filterBias").queryAs(Label.class);
        assertEquals("no bias; the sum is divided by 9", bias.getText());
    }

    @Test
    void typingAWeightChangesTheOutputByExactArithmetic() {
        select("tabConv");
        ConvStepView conv = tabs.convView();
        robot.interact(() -> conv.configure(0, 0, 3 * 7 + 3)); // the slides' 0.55 window at the X's centre
        clickCell(conv.kernelGrid(), 0, 0);
        TextField field = robot.from(conv).lookup("#weightField").queryAs(TextField.class);
        assertTrue(field.isVisible());
        robot.interact(() -> field.setText(""));
        robot.write("2.5").type(KeyCode.ENTER);
        assertFalse(field.isVisible());

        // the window sum by hand: the golden X's 3x3 patch at (3, 3) times diagonal_down with w[0][0] = 2.5
        int[][] x = Golden.grid("image_x", null);
        int[][] f = Golden.grid("features", "diagonal_down");
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sum += x[3 + i][3 + j] * (i == 0 && j == 0 ? 2.5 : f[i][j]);
            }
        }
        assertEquals(6.5, sum, 0); // 5 before; the corner pixel is ink (+1): 5 - 1 + 2.5
        Label line = robot.from(conv).lookup("#convSum").queryAs(Label.class);
        String shownSum = line.getText().substring(line.getText().lastIndexOf("= ") + 2);
        assertEquals(sum, Double.parseDouble(shownSum), 0.005, line.getText());
        String cut = String.format(java.util.Locale.ROOT, "%.2f", Math.floor(sum / 9 * 100) / 100); // slides cut
        Label finish = robot.from(conv).lookup("#convFinish").queryAs(Label.class);
        assertTrue(finish.getText().endsWith("/ 9 = " + cut), finish.getText());
        assertEquals(cut, conv.outputGrid().textAt(3, 3));
        assertEquals((float) (sum / 9), conv.outputGrid().valueAt(3, 3), 1e-6f);
        // the engine's own activation moved too (the snapshot every later view reads)
        assertEquals((float) (sum / 9), tabs.session().snapshot().layer(0).value(0, 3, 3), 1e-6f);
        assertEquals(2.5f, ((ConvLayer) tabs.session().network().layers().get(0)).weight().value()[0], 0f);

        // Reset filters puts the slides' weight back: 5 / 9 again
        Button reset = robot.from(conv).lookup("#resetFilters").queryAs(Button.class);
        assertFalse(reset.isDisabled());
        robot.clickOn(reset);
        assertEquals(1f, ((ConvLayer) tabs.session().network().layers().get(0)).weight().value()[0], 0f);
        assertEquals("5 / 9 = 0.55", finish.getText());
        assertTrue(reset.isDisabled());
    }

    @Test
    void textThatIsNoNumberIsRefusedInPlace() {
        select("tabConv");
        ConvStepView conv = tabs.convView();
        robot.interact(() -> conv.configure(0, 0, 24));
        float[] before = ((ConvLayer) tabs.session().network().layers().get(0)).weight().value().clone();
        for (String bad : new String[] {"abc", "NaN", "1e39", "1/0"}) {
            clickCell(conv.kernelGrid(), 1, 2);
            TextField field = robot.from(conv).lookup("#weightField").queryAs(TextField.class);
            robot.interact(() -> field.setText(bad));
            robot.clickOn(field).type(KeyCode.ENTER);
            Node problem = robot.from(conv).lookup("#weightProblem").query();
            assertTrue(problem.isVisible(), bad);
            assertTrue(((Label) problem).getText().contains("'" + bad + "'"), ((Label) problem).getText());
            assertTrue(field.isVisible(), "the field stays open to correct the text");
            robot.type(KeyCode.ESCAPE);
            assertFalse(field.isVisible());
        }
        float[] after = ((ConvLayer) tabs.session().network().layers().get(0)).weight().value();
        assertTrue(java.util.Arrays.equals(before, after), "no weight changed");
    }

    @Test
    void aWeightTypedInTheFiltersViewReachesTheConvolution() {
        select("tabFilters");
        FiltersView view = tabs.filtersView();
        robot.interact(() -> view.select(1, 0));
        clickCell(view.detailGrid(), 1, 1);
        TextField field = robot.from(view).lookup("#weightField").queryAs(TextField.class);
        robot.interact(() -> field.setText("-7/9"));
        robot.clickOn(field).type(KeyCode.ENTER);
        float w = ((ConvLayer) tabs.session().network().layers().get(0)).weight().value()[9 + 4];
        assertEquals((float) (-7.0 / 9), w, 0f);
        assertEquals("-0.77", view.detailGrid().textAt(1, 1)); // slides' cut of -0.777...
    }

    @Test
    void exportsTheViewAsPngAndTheMapsAsCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        select("tabConv");
        java.io.File png = dir.resolve("view.png").toFile();
        robot.interact(() -> tabs.exportViewPng(png));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png);
        Node view = ((javafx.scene.control.ScrollPane) tabs.getSelectionModel().getSelectedItem().getContent())
                .getContent();
        // the whole view with its header line, also the part the scroll pane hides, as a figure:
        // without the bar of layer/stride choices and the Play controls
        assertEquals(Math.ceil(view.getBoundsInParent().getWidth()), img.getWidth(), 1);
        // (the bar is a row of its own; the Play controls may sit beside the grids, see HelpAndFiguresTest)
        double controls = robot.from(view).lookup(".stepper-bar").query().getLayoutBounds().getHeight();
        assertTrue(img.getHeight() <= Math.ceil(view.getBoundsInParent().getHeight() - controls), "height " + img.getHeight());
        assertTrue(img.getHeight() > 300, "height " + img.getHeight());

        java.nio.file.Path csv = dir.resolve("maps.csv");
        robot.interact(() -> tabs.exportMapsCsv(csv.toFile()));
        String text = java.nio.file.Files.readString(csv);
        assertEquals(org.convlab.trace.SnapshotCsv.of(tabs.session().snapshot()), text);
        assertTrue(text.contains("# layer 0 conv1 (conv), channel 0 of 3, shape 7x7\n"), text);
        try (var left = java.nio.file.Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary files left");
        }
        javafx.scene.control.Menu[] menu = new javafx.scene.control.Menu[1];
        robot.interact(() -> menu[0] = tabs.exportMenu(tabs.getScene().getWindow()));
        assertEquals(java.util.List.of("exportCsv"), // the view as PNG: File > Export Figure
                menu[0].getItems().stream().map(javafx.scene.control.MenuItem::getId).toList());
    }
}
