package org.convlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.control.StatusBar;
import org.convlab.engine.Simd;
import org.convlab.ui.maps.ValueGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app headless (Monocle) and looks at it the way a student would: the four
 * regions are there, and the grids show the slides' X and features, cell by cell and pixel by
 * pixel. Expected pictures come from the golden slides file, not from the app's own resource.
 */
class ConvLabAppTest {
    private static Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        // a home of its own: the developer's remembered text size must not change the layout
        System.setProperty("convlab.home", java.nio.file.Files.createTempDirectory("convlab-app-test").toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConvLabApp.class);
        // The property sheet joins the window just after the first frame.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new FxRobot().lookup("#properties").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @AfterEach
    void backToTheX() {
        MainWindow window = robot.lookup(".main-window").queryAs(MainWindow.class);
        robot.interact(() -> window.views().show(CenterViews.LESSON));
        robot.clickOn(inputChoice("inputX"));
        robot.interact(() -> lesson().go(0));
        robot.clickOn("#layer-conv1");
    }

    static JsonNode golden() throws Exception {
        try (InputStream in = ConvLabAppTest.class.getResourceAsStream("/golden/xo-seed.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private <T extends Node> T find(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    /** In the Lesson tab (the guided lesson). */
    private ValueGrid lessonFind(String query) {
        return robot.lookup("#lessonView").lookup(query).queryAs(ValueGrid.class);
    }

    private org.convlab.ui.stepper.XoLessonSequence lesson() {
        return robot.lookup("#lessonView").queryAs(org.convlab.ui.lesson.LessonTab.class).sequence();
    }

    private ToggleButton inputChoice(String id) {
        return robot.lookup("#lessonView").lookup("#" + id).queryAs(ToggleButton.class);
    }

    private Bounds onScreen(String query) {
        return find(query, Node.class).localToScene(find(query, Node.class).getBoundsInLocal());
    }

    @Test
    void theMainWindowIsTitledConvLabAndFitsAProjector() {
        List<Window> windows = robot.listTargetWindows();
        Stage stage = (Stage) windows.stream().filter(Window::isShowing).findFirst().orElseThrow();
        // the title names what is in the editor: the lesson's network
        assertEquals("ConvLab \u2014 preset:xo", stage.getTitle());
        assertFalse(stage.getIcons().isEmpty(), "app icon");
        assertTrue(stage.getScene().getWidth() <= 1366 && stage.getScene().getHeight() <= 768,
                stage.getScene().getWidth() + "x" + stage.getScene().getHeight());
        assertTrue(stage.isResizable());
    }

    @Test
    void layerStackLeftViewMiddlePropertiesRightStatusBarBelow() {
        for (String id : List.of("#layerStack", "#mainView", "#properties", "#statusBar")) {
            Node n = find(id, Node.class);
            assertTrue(n.isVisible() && n.getScene() != null, id + " shown");
            assertTrue(n.getBoundsInLocal().getWidth() > 50 && n.getBoundsInLocal().getHeight() > 20, id + " has room");
        }
        assertInstanceOf(PropertySheet.class, find("#properties", Node.class));
        assertTrue(onScreen("#layerStack").getMaxX() <= onScreen("#mainView").getMinX() + 1);
        assertTrue(onScreen("#mainView").getMaxX() <= onScreen("#properties").getMinX() + 1);
        assertTrue(onScreen("#statusBar").getMinY() >= onScreen("#mainView").getMaxY() - 1);
    }

    @Test
    void theTrainAndDrawTabsGetTheWholeWidthAndTheSidePanelsComeBack() {
        MainWindow window = robot.lookup(".main-window").queryAs(MainWindow.class);
        double middle = onScreen("#mainView").getWidth();
        robot.interact(() -> window.views().show(CenterViews.DRAW));
        assertEquals(null, window.getLeft(), "stack panel hidden on Draw");
        assertEquals(null, window.getRight(), "properties panel hidden on Draw");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onScreen("#mainView").getWidth() > middle + 400, "the draw pad has the room of both panels");
        robot.interact(() -> window.views().show(CenterViews.LESSON));
        assertTrue(find("#layerStack", Node.class).getScene() != null, "stack panel back");
        assertTrue(find("#properties", Node.class).getScene() != null, "properties back");
        // the View menu's switch hides them on any tab, and brings them back
        robot.interact(() -> window.sidePanelsProperty().set(false));
        assertEquals(null, window.getLeft());
        robot.interact(() -> window.sidePanelsProperty().set(true));
        assertTrue(window.getLeft() != null && window.getRight() != null);
    }

    @Test
    void theStackInTheEditorCanBeSteppedThroughAndTheLessonComesBack() {
        MainWindow window = robot.lookup(".main-window").queryAs(MainWindow.class);
        try {
            robot.interact(() -> window.openPreset("lenet5"));
            robot.interact(window::stepThroughModel);
            WaitForAsyncUtils.waitForFxEvents();
            Label header = robot.lookup("#stepperHeader").queryAllAs(Label.class).stream()
                    .filter(l -> l.getScene() != null && l.isVisible()).findFirst().orElseThrow();
            assertTrue(header.getText().startsWith("preset:lenet5 \u2014 a drawn X; untrained"), header.getText());
            javafx.scene.control.TabPane stepper = robot.lookup("#stepperTabs").queryAs(javafx.scene.control.TabPane.class);
            assertEquals("tabConv", stepper.getSelectionModel().getSelectedItem().getId());
            robot.interact(window::stepThroughLesson);
            assertEquals(CenterViews.LESSON, window.views().getSelectionModel().getSelectedItem().getId(),
                    "the guided lesson is the Lesson tab");
            // AlexNet's billion multiply-adds per image are too many for the plain loops: refused, saying why
            String why = assertThrows(org.convlab.UserInputException.class, () -> window.stepThrough().openModel(
                    "preset:alexnet", org.convlab.model.Presets.get("alexnet").network())).getMessage();
            assertTrue(why.startsWith("preset:alexnet needs 1,") && why.contains(" multiply-adds") && why.contains("smaller"), why);
        } finally {
            robot.interact(() -> {
                window.openPreset("xo");
                window.views().show(CenterViews.LESSON);
            });
        }
    }

    @Test
    void statusBarSaysWhichKernelsAreInUse() {
        String text = find("#statusBar", StatusBar.class).getText();
        assertTrue(text.contains(Simd.describe()), text);
    }

    @Test
    void theLayerStackListsTheLessonsLayersInOrder() {
        List<String> types = robot.lookup("#layerStack").lookup(".card-type").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        // the slides' toy ConvNet: conv, ReLU, pooling, then the fully connected votes and softmax
        assertEquals(List.of("Input", "conv", "relu", "maxpool", "flatten", "dense", "softmax"), types);
    }

    @Test
    void inputGridShowsTheSlidesX() throws Exception {
        assertGridShows(lessonFind("#lessonX"), golden().get("image_x"));
    }

    @Test
    void featureGridsShowTheSlidesFeatures() throws Exception {
        JsonNode features = golden().get("features");
        String[] names = {"diagonal_down", "cross", "diagonal_up"};
        robot.interact(() -> lesson().go(1)); // "Features match pieces"
        for (int i = 0; i < names.length; i++) {
            assertGridShows(lessonFind("#lessonFeature" + i), features.get(names[i]));
        }
    }

    @Test
    void choosingTheDeformedXShowsIt() throws Exception {
        robot.clickOn(inputChoice("inputDeformed"));
        WaitForAsyncUtils.waitForFxEvents();
        assertGridShows(lessonFind("#lessonX"), golden().get("image_x_deformed"));
    }

    @Test
    void choosingAnotherLayerShowsItsSettings() throws Exception {
        robot.clickOn("#layer-pool1");
        WaitForAsyncUtils.waitForFxEvents();
        // The slides' pooled maps are 4x4 (ceil mode keeps the partial windows).
        int pooled = golden().get("pooled_sums").get("cross").size();
        List<String> shown = find("#properties", PropertySheet.class).getItems().stream()
                .map(i -> i.getName() + "=" + i.getValue()).toList();
        assertTrue(shown.containsAll(List.of("window=2", "stride=2", "edges=ceil")), shown.toString());
        assertEquals("output " + pooled + "x" + pooled + "x3", find("#selectedOutput", Label.class).getText());
        String formula = find("#selectedFormula", Label.class).getText();
        assertTrue(formula.startsWith("ceil((7 - 2") && formula.endsWith(")/2) + 1 = " + pooled), formula);
    }

    /** Every cell holds the expected value and is drawn dark (+1) or light (-1) on screen. */
    private void assertGridShows(ValueGrid grid, JsonNode expected) throws Exception {
        assertTrue(grid.isVisible() && grid.getScene() != null);
        assertEquals(expected.size(), grid.rows());
        assertEquals(expected.size(), grid.cols());
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> grid.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        PixelReader px = shot.getPixelReader();
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                int want = expected.get(r).get(c).intValue();
                String where = grid.getId() + " row " + r + ", column " + c;
                assertEquals(want, grid.valueAt(r, c), where);
                // Sample inside the cell's corner, away from the printed value and a marked cell's outline.
                Rectangle2D b = grid.cellBounds(r, c);
                Color corner = px.getColor((int) (b.getMinX() + 0.2 * b.getWidth()), (int) (b.getMinY() + 0.2 * b.getHeight()));
                if (want > 0) {
                    assertTrue(corner.getBrightness() < 0.3, where + " should be dark ink, is " + corner);
                } else {
                    assertTrue(corner.getBrightness() > 0.8, where + " should be light background, is " + corner);
                }
                // The printed value shows in the middle: some pixels there contrast with the cell.
                boolean contrast = false;
                for (int dx = -8; dx <= 8 && !contrast; dx++) {
                    Color mid = px.getColor((int) (b.getMinX() + b.getWidth() / 2 + dx), (int) (b.getMinY() + b.getHeight() / 2));
                    contrast = Math.abs(mid.getBrightness() - corner.getBrightness()) > 0.3;
                }
                assertTrue(contrast, where + ": no value printed in the cell");
            }
        }
    }
}
