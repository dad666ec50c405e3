package org.convlab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A figure leaves the controls out and keeps the rest: on a view built here with known sizes (a
 * 200 x 60 canvas, a 200 x 300 canvas in a 120 px high scroll pane, a bar of a label, a magenta
 * button and a spinner), the figure's height is the canvases' and the caption's, with the bar's and
 * the scroll pane's cut-off gone; 2x doubles it; no magenta pixel is left; the window is as before.
 */
class FigureSnapshotTest {
    /** The buttons' colour: no picture in the view uses it. */
    private static final Color MAGENTA = Color.rgb(255, 0, 255);
    private final FxRobot robot = new FxRobot();
    private VBox view;
    private HBox bar;
    private Button button;
    private ScrollPane scroll;
    private Label caption;
    private Region marked;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Canvas top = canvas(200, 60, Color.rgb(0, 114, 178));
            Canvas tall = canvas(200, 300, Color.rgb(230, 159, 0));
            scroll = new ScrollPane(tall);
            scroll.setPrefViewportHeight(120);
            scroll.setStyle("-fx-padding: 0; -fx-background-insets: 0;");
            button = new Button("Play");
            button.setStyle("-fx-background-color: #ff00ff; -fx-background-insets: 0; -fx-padding: 10;");
            bar = new HBox(6, new Label("Stride"), new Spinner<Integer>(1, 8, 1), button);
            caption = new Label("the arithmetic stays");
            marked = new Region();
            marked.setPrefSize(200, 40);
            marked.getStyleClass().add(FigureSnapshot.HIDDEN);
            view = new VBox(bar, top, caption, marked, scroll);
            view.setStyle("-fx-background-color: white;");
            stage.setScene(new Scene(view, 400, 500));
            // the primary stage is shared: a test before may have sized it explicitly (1366x768 sweeps)
            stage.sizeToScene();
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Canvas canvas(double w, double h, Color fill) {
        Canvas c = new Canvas(w, h);
        c.getGraphicsContext2D().setFill(fill);
        c.getGraphicsContext2D().fillRect(0, 0, w, h);
        return c;
    }

    private WritableImage take(double scale) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = FigureSnapshot.take(view, scale));
        return img[0];
    }

    private static int count(WritableImage img, Color colour) {
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                n += r.getColor(x, y).equals(colour) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void theFigureIsTheCanvasesAndTheCaptionWithoutTheBarAndWithTheWholeScrolledCanvas() {
        // the window shows the bar and 120 px of the tall canvas
        assertTrue(bar.getHeight() > 20, "bar " + bar.getHeight());
        double captionHeight = caption.getHeight();
        WritableImage one = take(1);
        assertEquals(400, one.getWidth(), 0, "the view's width");
        // 60 (top canvas) + caption + 300 (the tall canvas, all of it): no bar, no marked region
        assertEquals(60 + captionHeight + 300, one.getHeight(), 1);
        assertTrue(count(one, Color.rgb(230, 159, 0)) >= 200 * 299, "the scrolled canvas whole");
        assertEquals(0, count(one, MAGENTA), "no pixel of the button");
    }

    @Test
    void twiceTheScaleIsTwiceTheSize() {
        WritableImage one = take(1);
        WritableImage two = take(2);
        WritableImage three = take(3);
        assertEquals(2 * one.getWidth(), two.getWidth(), 1);
        assertEquals(2 * one.getHeight(), two.getHeight(), 1);
        assertEquals(3 * one.getWidth(), three.getWidth(), 1);
        assertEquals(3 * one.getHeight(), three.getHeight(), 1);
    }

    @Test
    void theWindowIsAsBeforeAfterwards() {
        double barHeight = bar.getHeight();
        double viewHeight = view.getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        // a plain snapshot of the window shows the button: the check below can fail
        WritableImage[] plain = new WritableImage[1];
        robot.interact(() -> plain[0] = view.snapshot(null, null));
        assertTrue(count(plain[0], MAGENTA) > 100, "the button is drawn in the window");
        take(2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(bar.isVisible() && bar.isManaged() && button.isVisible() && button.isManaged());
        assertTrue(marked.isVisible() && marked.isManaged());
        assertEquals(barHeight, bar.getHeight(), 0);
        assertEquals(viewport, scroll.getViewportBounds().getHeight(), 0.5);
        assertEquals(viewHeight, view.getHeight(), 0);
        WritableImage[] again = new WritableImage[1];
        robot.interact(() -> again[0] = view.snapshot(null, null));
        assertEquals(count(plain[0], MAGENTA), count(again[0], MAGENTA), "the button is back where it was");
    }

    @Test
    void aControlWhoseVisibilityIsBoundIsMadeTransparentNotAnError() {
        SimpleBooleanProperty shown = new SimpleBooleanProperty(true);
        CheckBox box = new CheckBox("fractions");
        box.setStyle("-fx-background-color: #ff00ff;");
        robot.interact(() -> {
            box.visibleProperty().bind(shown);
            box.managedProperty().bind(shown);
            view.getChildren().add(1, new FlowPane(box, new Label("caption beside it that stays")));
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = take(1);
        assertEquals(0, count(img, MAGENTA));
        assertEquals(1.0, box.getOpacity(), 0);
        assertTrue(box.isVisible());
    }

    @Test
    void aBarWithACaptionAndOneButtonKeepsTheCaption() {
        Label words = new Label("Each box is a layer's output");
        Button export = new Button("Export PNG...");
        HBox captionBar = new HBox(8, words, export);
        robot.interact(() -> view.getChildren().add(1, captionBar));
        WaitForAsyncUtils.waitForFxEvents();
        double withCaption = take(1).getHeight();
        robot.interact(() -> view.getChildren().remove(captionBar));
        WaitForAsyncUtils.waitForFxEvents();
        double without = take(1).getHeight();
        assertEquals(without + words.getHeight(), withCaption, 1);
    }
}
