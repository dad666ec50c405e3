package org.convlab.ui.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convlab.UserInputException;
import org.convlab.trace.filtering.ImageFiltering;
import org.convlab.trace.filtering.ImageFiltering.Channels;
import org.convlab.trace.filtering.ImageFiltering.Result;
import org.convlab.trace.filtering.ImageKernel;
import org.convlab.ui.editor.EditorModel;

/**
 * The "Kernels" view (issue 16, "image processing came first"): a photo and the same photo through
 * a hand-made kernel, side by side, each scaled to fit. The result is computed by the engine's conv
 * ({@link ImageFiltering#apply}) on a worker thread: the JavaFX thread never waits, and a newer
 * setting supersedes a request still waiting. Hovering a result pixel outlines its window on the
 * photo and lists its products and their sum, from the engine's scalar reference loop.
 * Ids: {@code #labPhoto}, {@code #labResult}, {@code #labArithmetic}, {@code #labMessage}; the
 * controls' are in {@link LabControls}.
 */
public final class FilterLab extends VBox {
    private final LabControls controls;
    private final Picture photoView = new Picture("labPhoto");
    private final Picture resultView = new Picture("labResult");
    private final Label photoCaption = caption("labPhotoCaption");
    private final Label resultCaption = caption("labResultCaption");
    private final Label arithmetic = new Label("Hover a pixel of the result to see its window and arithmetic.");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Photo> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final AtomicLong latest = new AtomicLong();
    private final boolean synchronous;
    private final ExecutorService worker;
    private final BiConsumer<String, String> errors;

    /**
     * @param model  the editor's model ("Use as conv1 filter"); null: the button is hidden
     * @param errors the app's error dialog (header, one line) for a photo that cannot be read
     * @param synchronous compute on the calling thread (the headless figure); else on a worker
     */
    public FilterLab(EditorModel model, BiConsumer<String, String> errors, boolean synchronous) {
        getStyleClass().add("filter-lab");
        this.synchronous = synchronous;
        this.errors = errors;
        this.worker = synchronous ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kernel-lab");
            t.setDaemon(true);
            return t;
        });
        controls = new LabControls(this, model);
        arithmetic.setId("labArithmetic");
        arithmetic.getStyleClass().add("lab-arithmetic");
        // -fx-min-height: room for a 3x3 window's lines from the start, so the pictures do not jump on the first hover
        arithmetic.setStyle("-fx-font-family: 'DejaVu Sans Mono'; -fx-min-height: 7.2em;");
        arithmetic.setWrapText(true);
        // room for a 3x3 window's lines from the start, so the pictures do not jump when the first pixel is hovered
        VBox left = new VBox(4, photoCaption, photoView);
        VBox right = new VBox(4, resultCaption, resultView);
        for (VBox b : List.of(left, right)) {
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setMinWidth(0);
            b.setPrefWidth(100);
            VBox.setVgrow(b.getChildren().get(1), Priority.ALWAYS);
        }
        HBox pictures = new HBox(12, left, right);
        VBox.setVgrow(pictures, Priority.ALWAYS);
        setSpacing(6);
        setPadding(new Insets(8));
        getChildren().addAll(controls, pictures, arithmetic);
        resultView.setOnMouseMoved(e -> hover(resultView.pixelAt(e.getX(), e.getY())));
        resultView.setOnMouseExited(e -> photoView.hideOutline());
    }

    private static Label caption(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("caption");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    public LabControls controls() {
        return controls;
    }

    /** The result shown now (null before the first). */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Photo> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    /** Reads {@code file} (off the JavaFX thread unless synchronous) and filters it; an unreadable file is the error dialog. */
    public void open(Path file) {
        long id = latest.incrementAndGet();
        Runnable read = () -> {
            try {
                Photo p = Photo.read(file);
                onFx(() -> {
                    if (latest.get() == id) {
                        setPhoto(p);
                    }
                });
            } catch (UserInputException e) {
                onFx(() -> errors.accept("Cannot open " + file.getFileName(), e.getMessage()));
            }
        };
        if (synchronous) {
            read.run();
        } else {
            worker.execute(read);
        }
    }

    /** Shows {@code p} and filters it with the current settings. */
    public void setPhoto(Photo p) {
        photo.set(p);
        photoView.setImage(Display.draw(p));
        photoView.hideOutline();
        photoCaption.setText(p.describe());
        recompute();
    }

    /** Filters the photo with the controls' settings: now (synchronous) or on the worker, superseding older requests. */
    void recompute() {
        Photo p = photo.get();
        ImageKernel k = controls.kernel();
        if (p == null || k == null) {
            return;
        }
        boolean flip = controls.flip();
        int stride = controls.stride();
        int padding = controls.padding();
        Channels mode = controls.channels();
        long id = latest.incrementAndGet();
        Runnable job = () -> {
            if (latest.get() != id) {
                return; // a newer request is queued: skip this one
            }
            try {
                Result r = ImageFiltering.apply(p.values(), p.channels(), p.height(), p.width(), k, flip, stride, padding, mode);
                onFx(() -> {
                    if (latest.get() == id) {
                        show(r);
                    }
                });
            } catch (UserInputException e) {
                onFx(() -> {
                    if (latest.get() == id) {
                        controls.say(e.getMessage(), true);
                    }
                });
            }
        };
        if (synchronous) {
            job.run();
        } else {
            worker.execute(job);
        }
    }

    private void onFx(Runnable r) {
        if (synchronous || Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private void show(Result r) {
        result.set(r);
        redraw();
        controls.showFormula(r);
    }

    /** Draws the result with the display choice (no recompute: the values stay). */
    void redraw() {
        Result r = result.get();
        if (r == null) {
            return;
        }
        Display d = controls.display();
        resultView.setImage(d.draw(r));
        photoView.hideOutline();
        String channels = r.channels() == 1 ? "one channel" : r.channels() + " channels";
        resultCaption.setText(r.applied().name() + ": " + r.width() + " x " + r.height() + ", " + channels);
        controls.showDisplay(d.caption(r));
    }

    /** Outlines the window of result pixel {@code at} ([row, col]) on the photo and lists its arithmetic. */
    void hover(int[] at) {
        Result r = result.get();
        Photo p = photo.get();
        if (at == null || r == null || p == null) {
            photoView.hideOutline();
            return;
        }
        int row = at[0];
        int col = at[1];
        int stride = r.geometry().stride();
        photoView.outline(row * stride - r.geometry().padHeight(), col * stride - r.geometry().padWidth(),
                r.applied().rows(), r.applied().cols());
        arithmetic.setText(arithmeticAt(row, col));
    }

    /** The text the view shows for result pixel (row, col): each channel's value, then one window's products. */
    public String arithmeticAt(int row, int col) {
        Result r = result.get();
        Photo p = photo.get();
        boolean summed = r.geometry().inChannels() > 1 || controls.channels() == Channels.SUMMED;
        if (!summed && r.channels() > 1) {
            StringBuilder values = new StringBuilder();
            String[] names = {"R", "G", "B"};
            for (int c = 0; c < r.channels(); c++) {
                List<ImageFiltering.Term> t = ImageFiltering.window(p.values(), r, c, row, col);
                values.append(c == 0 ? "" : ",  ").append(names[Math.min(c, 2)]).append(" = ")
                        .append(WindowText.number(t.isEmpty() ? 0 : t.get(t.size() - 1).sum()));
            }
            return values + "\n" + WindowText.of(ImageFiltering.window(p.values(), r, 0, row, col), p.channels(),
                    r.applied().cols(), false, row, col, 0);
        }
        return WindowText.of(ImageFiltering.window(p.values(), r, 0, row, col), p.channels(), r.applied().cols(),
                summed, row, col, 0);
    }

    /** Hovers result pixel (row, col) as the mouse would (tests, the figure). */
    public void hoverAt(int row, int col) {
        hover(new int[] {row, col});
    }

    public boolean windowOutlined() {
        return photoView.outlined();
    }

    /**
     * The view as a figure ({@code render --view image-filter}): settings as text, both pictures
     * {@code width} wide together, result pixel (row, col) hovered (its window outlined, its
     * arithmetic below). Synchronous views only.
     */
    public static FilterLab figure(Photo p, ImageKernel k, boolean flip, int stride, int padding, Channels mode,
                                   Display d, double width) {
        FilterLab lab = new FilterLab(null, (header, text) -> {
            throw new UserInputException(text);
        }, true);
        lab.controls.configure(k, flip, stride, padding, mode, d);
        lab.controls.showSettingsOnly();
        lab.setPhoto(p);
        Result r = lab.result.get();
        if (r == null) {
            throw new UserInputException(lab.controls.message());
        }
        double column = (width - 16 - 12) / 2;
        double h = Math.ceil(column * p.height() / (double) p.width());
        lab.photoView.setPrefHeight(h);
        lab.resultView.setPrefHeight(h);
        lab.photoView.setMinHeight(h);
        lab.resultView.setMinHeight(h);
        lab.hover(new int[] {r.height() / 2, r.width() / 2});
        return lab;
    }

    /** Stops the worker (the view is gone). */
    public void dispose() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
