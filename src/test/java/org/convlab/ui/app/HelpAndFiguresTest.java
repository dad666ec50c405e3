package org.convlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.convlab.Launcher;
import org.convlab.engine.Simd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's shell in the real app, headless: F1 lists the shortcuts (the menus' and the
 * presenter's), About names this build, File &gt; Export Figure writes the step-through's
 * convolution view without its controls at 1x and 2x, and opening File &gt; Export Step-through
 * makes JavaFX warn about nothing.
 */
@Timeout(90)
class HelpAndFiguresTest {
    @TempDir
    static Path dir;
    private static Application app;
    /** Held strongly: java.util.logging forgets loggers nobody holds, and their handlers with them. */
    private static final Logger CONTROLS_LOG = Logger.getLogger("javafx.scene.control");
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        System.setProperty("convlab.home", dir.resolve("home").toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConvLabApp.class);
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
    void closeDialogs() {
        robot.interact(() -> {
            dialogs().forEach(w -> ((Stage) w).close());
            org.convlab.ui.Theme.setTextSize(org.convlab.ui.Theme.DEFAULT_EM);
            org.convlab.ui.Theme.setPresenting(false, 1);
        });
    }

    private List<Window> dialogs() {
        Window main = scene().getWindow();
        return robot.listTargetWindows().stream().filter(w -> w != main && w instanceof Stage && w.isShowing()).toList();
    }

    private Scene scene() {
        return robot.lookup("#menuBar").query().getScene();
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        List<MenuItem> all = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            addAll(m, all);
        }
        return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static void addAll(Menu m, List<MenuItem> into) {
        for (MenuItem i : m.getItems()) {
            into.add(i);
            if (i instanceof Menu sub) {
                addAll(sub, into);
            }
        }
    }

    private List<String> texts(Node root, String query) {
        return robot.from(root).lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void f1ListsTheMenusShortcutsAndThePresentersKeys() {
        // F1 pressed in the window, delivered to the scene as the platform would (the headless
        // platform gives the keyboard to whichever window was shown last, which a test cannot choose)
        robot.interact(() -> javafx.event.Event.fireEvent(scene().getRoot(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.F1, false, false, false, false)));
        WaitForAsyncUtils.waitForFxEvents();
        Node dialog = robot.lookup("#shortcutsDialog").query();
        List<String> keys = texts(dialog, ".shortcut-keys");
        assertTrue(keys.contains("F5"), keys.toString());
        assertTrue(keys.contains("F1"), keys.toString());
        assertTrue(keys.contains("B"), keys.toString());
        // read from the menus: Save's accelerator as this platform prints it ("Ctrl+S" here)
        String save = menuItem("menuSave").getAccelerator().getDisplayText();
        assertTrue(keys.contains(save), save + " in " + keys);
        List<String> all = texts(dialog, ".label");
        assertTrue(all.contains("File > Save"), all.toString());
        // one line per accelerator of the menus, none left out
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        long accelerators = 0;
        List<MenuItem> items = new ArrayList<>();
        bar.getMenus().forEach(m -> addAll(m, items));
        accelerators = items.stream().filter(i -> !(i instanceof Menu) && i.getAccelerator() != null).count();
        assertEquals(accelerators, HelpDialogs.menuShortcuts(bar).size());
        assertTrue(accelerators >= 15, "File, Edit and View carry shortcuts: " + accelerators);
    }

    @Test
    void theShortcutsGrowWithTheAppsTextSize() {
        robot.interact(() -> org.convlab.ui.Theme.setTextSize(24));
        robot.interact(() -> menuItem("menuShortcuts").fire());
        WaitForAsyncUtils.waitForFxEvents();
        Label save = robot.lookup("#shortcutsDialog").lookup(".shortcut-keys").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals(menuItem("menuSave").getAccelerator().getDisplayText()))
                .findFirst().orElseThrow();
        assertEquals(24, save.getFont().getSize(), 0.01, "the dialog's text is the app's text size");
    }

    @Test
    void aboutNamesTheVersionJavaJavaFxAndTheKernels() {
        robot.interact(() -> menuItem("menuAbout").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ConvLab " + Launcher.version(), robot.lookup("#aboutVersion").queryAs(Label.class).getText());
        String fx = System.getProperty("javafx.runtime.version");
        assertNotNull(fx, "JavaFX sets its version at start-up");
        assertTrue(robot.lookup("#aboutJavaFx").queryAs(Label.class).getText().contains(fx));
        assertTrue(robot.lookup("#aboutJava").queryAs(Label.class).getText().contains(System.getProperty("java.version")));
        assertTrue(robot.lookup("#aboutKernels").queryAs(Label.class).getText().startsWith("Kernels: " + Simd.describe()));
    }

    /** The Step through tab on its Convolution view; returns the view a figure draws. */
    private Node showConvolution() {
        robot.interact(() -> robot.lookup("#mainView").queryAs(CenterViews.class).show(CenterViews.STEP_THROUGH));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#stepperTabs").queryAs(TabPane.class);
            Tab conv = tabs.getTabs().stream().filter(t -> "tabConv".equals(t.getId())).findFirst().orElseThrow();
            tabs.getSelectionModel().select(conv);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node view = FigureExport.currentView(scene());
        assertNotNull(view.lookup("#convInput"), "the figure is the convolution view: " + view);
        return view;
    }

    @Test
    void aFigureAtTwiceTheScaleIsTwiceAsLargeAndLeavesTheControlsOut() throws Exception {
        Node view = showConvolution();
        Node play = robot.from(view).lookup("#convPlay").query();
        Node stride = robot.from(view).lookup("#convStride").query();
        assertTrue(play.isVisible() && stride.isVisible());
        double viewWidth = view.getLayoutBounds().getWidth();
        double viewHeight = view.getLayoutBounds().getHeight();
        javafx.geometry.Bounds playAt = play.localToScene(play.getLayoutBounds());
        Path one = dir.resolve("conv.png");
        Path two = dir.resolve("conv@2x.png");
        robot.interact(() -> {
            try {
                FigureExport.export(scene(), 1, one);
                FigureExport.export(scene(), 2, two);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        assertEquals(Math.ceil(viewWidth), a.getWidth(), 1, "as wide as the view");
        assertEquals(2 * a.getWidth(), b.getWidth(), 1);
        assertEquals(2 * a.getHeight(), b.getHeight(), 1);
        // the layer/stride bar, a row of its own above the grids, takes no room in the figure (the Play
        // controls sit beside the grids in a wide layout, so leaving them out need not shorten it)
        double bars = robot.from(view).lookup(".stepper-bar").query().getLayoutBounds().getHeight();
        assertTrue(a.getHeight() <= viewHeight - bars + 1, "figure " + a.getHeight() + " px, view " + viewHeight
                + " px of which bars " + bars);
        assertTrue(a.getHeight() > 300, "the grids and the arithmetic stay: " + a.getHeight());
        // and the window shows them again, where they were
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(play.isVisible() && play.isManaged() && stride.isVisible() && stride.isManaged());
        assertEquals(playAt, play.localToScene(play.getLayoutBounds()));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("conv.png", "conv@2x.png"), files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("home")).sorted().toList(), "no temporary files left");
        }
        assertEquals("convlab-step-through-convolution@2x.png", FigureExport.suggestedName(scene(), 2));
    }

    @Test
    void openingExportStepThroughWarnsAboutNothing() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler catcher = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r);
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        CONTROLS_LOG.addHandler(catcher);
        try {
            // the catcher hears JavaFX's warning when an item is added to a second menu
            robot.interact(() -> {
                MenuItem shared = new MenuItem("shared");
                new Menu("one").getItems().add(shared);
                new Menu("two").getItems().add(shared);
            });
            assertEquals(1, warnings.size(), "the check can see the warning");
            warnings.clear();
            Menu export = (Menu) menuItem("menuExportStepThrough");
            robot.interact(() -> export.getOnShowing().handle(new Event(Menu.ON_SHOWING)));
            robot.interact(() -> export.getOnShowing().handle(new Event(Menu.ON_SHOWING)));
            assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
            assertEquals(List.of("exportCsv"), export.getItems().stream().map(MenuItem::getId).toList());
        } finally {
            CONTROLS_LOG.removeHandler(catcher);
        }
    }
}
