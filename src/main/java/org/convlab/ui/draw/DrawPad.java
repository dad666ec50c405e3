package org.convlab.ui.draw;

import java.io.File;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.convlab.UserInputException;
import org.convlab.io.ModelFormats;
import org.convlab.nn.Network;
import org.convlab.ui.training.OpenRequest;

/**
 * Draw with the mouse at the model's input resolution and watch the class probabilities change as
 * you draw. Small grids (the 9x9 X/O lesson) toggle pixels on click; larger ones paint with a soft
 * pen (right button erases). Clear, invert and one-pixel shifts show what a convnet tolerates.
 * The pad draws in the ink the model reads (dark on white for the X/O slides, light on black for
 * MNIST-like data) and says so; "Step through this drawing" hands the picture to the step-through.
 * The forward pass runs on the pad's own thread with the newest picture only, so drawing never
 * waits for the model. Ids: {@code #padCanvas}, {@code #inkCaption}, {@code #stepThroughDrawing}.
 */
public final class DrawPad extends BorderPane {
    private static final int TOGGLE_MAX = 16;
    static final String NO_MODEL = "Draw pad: train a model in the dashboard or open one";

    private final ProbabilityBars bars = new ProbabilityBars();
    private final Label title = new Label(NO_MODEL);
    private final Label inkCaption = new Label();
    private final Label hint = new Label();
    private final Button stepThrough = new Button("Step through this drawing");
    private Consumer<OpenRequest> onStepThrough;
    private final ObjectProperty<DrawableModel> model = new SimpleObjectProperty<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convlab-drawpad");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<float[]> pendingInput = new AtomicReference<>();
    private PadPixels pixels = new PadPixels(9, 9);
    private final PadView view = new PadView(pixels);
    private Network net;
    private float toggleValue;
    private int lastRow = -1;
    private int lastCol = -1;
    private long modelVersion;

    public DrawPad() {
        setId("drawPad");
        getStylesheets().add(OpenRequest.class.getResource("dashboard.css").toExternalForm());
        org.convlab.ui.Theme.styleRoot(this);
        setPadding(new Insets(8));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        inkCaption.setId("inkCaption");
        inkCaption.setWrapText(true);
        hint.setWrapText(true);
        Button clear = button("Clear", "clearPad", () -> pixels.clear());
        Button invert = button("Invert", "invertPad", () -> pixels.invert());
        Button left = button("←", "shiftLeft", () -> pixels.shift(0, -1));
        Button right = button("→", "shiftRight", () -> pixels.shift(0, 1));
        Button up = button("↑", "shiftUp", () -> pixels.shift(-1, 0));
        Button down = button("↓", "shiftDown", () -> pixels.shift(1, 0));
        Button open = new Button("Open model…");
        open.setId("openModel");
        open.setOnAction(e -> openModel());
        stepThrough.setId("stepThroughDrawing");
        stepThrough.setDisable(true);
        stepThrough.setOnAction(e -> stepThroughDrawing());
        javafx.scene.layout.FlowPane tools = new javafx.scene.layout.FlowPane(4, 4, clear, invert, new Label("shift"), left,
                right, up, down, open, stepThrough);
        tools.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : tools.getChildren()) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        Label probTitle = new Label("Class probabilities");
        probTitle.getStyleClass().add("section-title");
        VBox side = new VBox(8, probTitle, bars, hint);
        side.setPadding(new Insets(0, 0, 0, 16));
        side.setMinWidth(0);
        HBox.setHgrow(side, Priority.ALWAYS);
        HBox body = new HBox(8, view, side);
        HBox.setHgrow(view, Priority.SOMETIMES);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox main = new VBox(8, title, inkCaption, tools, body);
        setCenter(main);
        view.canvas().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> mouse(e, true));
        view.canvas().addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> mouse(e, false));
        model.addListener((o, a, m) -> modelChanged(m));
        draw();
    }

    public DrawPad(DrawableModel m) {
        this();
        setModel(m);
    }

    /** The model the pad feeds; bind it to the dashboard's trained model, or set a loaded one. */
    public ObjectProperty<DrawableModel> modelProperty() {
        return model;
    }

    public void setModel(DrawableModel m) {
        model.set(m);
    }

    /** The probabilities on screen, one per class (empty without a model). */
    public float[] probabilities() {
        return bars.shown();
    }

    /** The picture being drawn (for tests and for views that show the same input). */
    PadPixels pixels() {
        return pixels;
    }

    /** The picture's view (for tests: its ink colour). */
    PadView view() {
        return view;
    }

    /**
     * Called with the drawing as a step-through request (a network of its own with the model's
     * weights, the drawing as the model's input) when the user presses "Step through this drawing".
     */
    public void setOnStepThrough(Consumer<OpenRequest> handler) {
        onStepThrough = handler;
        stepThrough.setDisable(handler == null || model.get() == null);
    }

    /** The drawing as the step-through gets it, or null without a model. */
    public OpenRequest stepThroughRequest() {
        DrawableModel m = model.get();
        if (m == null) {
            return null;
        }
        return new OpenRequest(Network.build(m.spec(), 1), m.toInput(pixels.values()), m.inkConvention(),
                m.title() + " \u2014 your drawing");
    }

    private void stepThroughDrawing() {
        OpenRequest r = stepThroughRequest();
        if (r != null && onStepThrough != null) {
            try {
                onStepThrough.accept(r);
            } catch (UserInputException e) {
                hint.setText(e.getMessage());
            }
        }
    }

    /** Stops the pad's inference thread. */
    public void dispose() {
        worker.shutdownNow();
    }

    private Button button(String text, String id, Runnable edit) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            edit.run();
            changed();
        });
        return b;
    }

    private void openModel() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a trained model");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Models (*.json, *.onnx)", "*.json", "*.onnx"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            try {
                setModel(DrawableModel.withDefaultPixels(f.getName(), ModelFormats.load(f.toString())));
            } catch (UserInputException ex) {
                hint.setText(ex.getMessage());
            }
        }
    }

    private void modelChanged(DrawableModel m) {
        long version = ++modelVersion;
        stepThrough.setDisable(m == null || onStepThrough == null);
        if (m == null) {
            title.setText(NO_MODEL);
            inkCaption.setText("");
            bars.setClasses(java.util.List.of());
            return;
        }
        int h = m.input().height();
        int w = m.input().width();
        if (pixels.height() != h || pixels.width() != w) {
            pixels = new PadPixels(h, w);
            view.setPixels(pixels);
        }
        view.setDarkInk(m.darkInk());
        inkCaption.setText(m.inkSentence());
        title.setText("Draw pad: " + m.title() + " (" + m.input().toSlideString() + ")");
        hint.setText(h <= TOGGLE_MAX && w <= TOGGLE_MAX ? "Click a pixel to toggle it; drag to paint the same."
                : "Drag to draw; right button erases.");
        bars.setClasses(m.classes());
        net = null;
        worker.submit(() -> {
            try {
                Network built = Network.build(m.spec(), 1);
                Platform.runLater(() -> {
                    if (version == modelVersion) {
                        net = built;
                        changed();
                    }
                });
            } catch (UserInputException e) {
                Platform.runLater(() -> hint.setText(e.getMessage()));
            }
        });
        draw();
    }

    private void mouse(MouseEvent e, boolean press) {
        int[] at = view.cellAt(e.getX(), e.getY());
        if (at == null) {
            return;
        }
        int row = at[0];
        int col = at[1];
        if (press) {
            toggleValue = pixels.get(row, col) >= 0.5f ? 0f : 1f;
            mark(row, col, e.getButton());
        } else {
            // a fast drag skips cells between two events: fill the straight line between them
            int steps = Math.max(Math.abs(row - lastRow), Math.abs(col - lastCol));
            for (int i = 1; i <= steps; i++) {
                mark(lastRow + Math.round((float) (row - lastRow) * i / steps),
                        lastCol + Math.round((float) (col - lastCol) * i / steps), e.getButton());
            }
        }
        lastRow = row;
        lastCol = col;
        changed();
    }

    /** Small grids toggle (a drag sets what the press set); large ones paint, the right button erases. */
    private void mark(int row, int col, MouseButton button) {
        if (pixels.height() <= TOGGLE_MAX && pixels.width() <= TOGGLE_MAX) {
            pixels.set(row, col, toggleValue);
        } else if (button == MouseButton.SECONDARY) {
            pixels.set(row, col, 0f);
        } else {
            pixels.paint(row, col, true);
        }
    }

    /** Redraws the pad and asks for new probabilities (only the newest picture is evaluated). */
    private void changed() {
        draw();
        DrawableModel m = model.get();
        Network n = net;
        if (m == null || n == null) {
            return;
        }
        if (pendingInput.getAndSet(m.toInput(pixels.values())) == null) {
            worker.submit(() -> infer(n));
        }
    }

    private void infer(Network n) {
        float[] x = pendingInput.getAndSet(null);
        if (x == null) {
            return;
        }
        n.forward(x, 1, false);
        float[] p = n.probabilities();
        float[] copy = new float[n.classes()];
        System.arraycopy(p, 0, copy, 0, copy.length);
        Platform.runLater(() -> {
            if (net == n) {
                bars.show(copy);
            }
        });
    }

    private void draw() {
        view.draw();
    }
}
