package org.convlab.ui.stepper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.convlab.UserInputException;
import org.convlab.data.xo.XoLesson;
import org.convlab.model.ModelFiles;
import org.convlab.ui.controls.FigureSnapshot;
import org.convlab.ui.maps.FeatureMapGallery;

/**
 * Draws one step-through view to a PNG without a display: JavaFX runs on Monocle's headless
 * platform with the software renderer, the same view classes the app shows are laid out at the
 * requested width, and the view is drawn as a figure ({@link FigureSnapshot}: without its spinners,
 * buttons and combo boxes, as tall as what is left, at 1, 2 or 3 times the pixels). Used by the
 * {@code render} command.
 */
public final class ViewRenderer {
    /** The views {@code render} can draw; on the command line lower case with '-' for '_' ({@code backward-conv}). */
    public enum View {
        CONV, POOL, RELU, VOTES, MAPS, FILTERS, LESSON,
        BACKWARD_LOSS, BACKWARD_DENSE, BACKWARD_POOL, BACKWARD_RELU, BACKWARD_CONV, LEARNING_STEP;

        /** Whether the view is one of the Backward tab's (issue 15), drawn by {@link BackwardFigure}. */
        public boolean backward() {
            return ordinal() >= BACKWARD_LOSS.ordinal();
        }

        /** The name {@code render --view} takes: {@code backward-conv}. */
        public String option() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What a Backward view is drawn for, checked against the network by the render command:
     * the label the loss is taken against; for {@code BACKWARD_CONV} the weight [filter, channel,
     * row, col] (null: the view's default, filter 0 channel 0 at the centre); for
     * {@code LEARNING_STEP} the learning rate (NaN: the view's) and how many steps to take first.
     */
    public record Backward(int label, int[] weight, double learningRate, int steps) {}

    /** The learning rates the learning-step view offers (its spinner takes no other). */
    public static final java.util.List<Double> LEARNING_RATES = LearningStepView.RATES;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String APP_CSS = "/org/convlab/ui/convlab.css";

    private ViewRenderer() {}

    /**
     * Renders {@code view} of the session to {@code out}, laid out {@code width} pixels wide and
     * drawn at {@code scale} times that (one of {@link FigureSnapshot#SCALES}). {@code layer},
     * {@code channel} and {@code step} must already be checked against the network (see the render
     * command); for {@code FILTERS} the enlarged filter is {@code step}, its input channel {@code channel}.
     */
    public static void render(StepperSession session, View view, int layer, int channel, int step, double width,
                              int scale, Path out) {
        render(session, view, layer, channel, step, null, width, scale, out);
    }

    /** As above; {@code backward} says what a Backward view ({@link View#backward()}) is drawn for. */
    public static void render(StepperSession session, View view, int layer, int channel, int step, Backward backward,
                              double width, int scale, Path out) {
        renderFigure(() -> view.backward() ? BackwardFigure.build(session, view, layer, channel, step, backward)
                : build(session, view, layer, channel, step), width, scale, out);
    }

    /**
     * Renders the node {@code figure} builds (on the JavaFX thread) to {@code out}, as the step-through
     * views are drawn: laid out {@code width} wide, drawn at {@code scale} times that. The kernel lab's
     * figure ({@code render --view image-filter}) comes this way.
     */
    public static void renderFigure(java.util.function.Supplier<Parent> figure, double width, int scale, Path out) {
        if (!FigureSnapshot.SCALES.contains(scale)) {
            throw new UserInputException("--scale " + scale + " is not offered: use 1, 2 or 3");
        }
        startHeadless();
        CompletableFuture<BufferedImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Parent root = figure.get();
                if (root instanceof Region r) {
                    r.setPrefWidth(width);
                }
                // lay out at the width (views size their grids to it) until the height settles
                Scene sized = new Scene(root, width, 600);
                sized.getStylesheets().addAll(ViewRenderer.class.getResource(APP_CSS).toExternalForm(),
                        ViewRenderer.class.getResource(StepperTabs.CSS).toExternalForm());
                double height = 600;
                for (int pass = 0; pass < 6; pass++) {
                    root.applyCss();
                    root.layout();
                    double h = Math.ceil(root.prefHeight(width));
                    if (h == height && pass > 0) {
                        break;
                    }
                    height = h;
                    if (root instanceof Region r) {
                        r.resize(width, height);
                    }
                }
                // a node's snapshot is not cut to its scene: the view is drawn whole at its final height
                WritableImage shot = FigureSnapshot.take(root, scale);
                image.complete(SwingFXUtils.fromFXImage(shot, null));
            } catch (Throwable t) {
                image.completeExceptionally(t);
            }
        });
        try {
            // the process ends with System.exit (Launcher), which also stops the JavaFX thread
            writePng(image.get(2, java.util.concurrent.TimeUnit.MINUTES), out);
        } catch (IOException e) { // the reason in plain words (ModelFiles.writeAtomically): one line, exit 2
            throw new UserInputException(out + ": cannot write the PNG (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("rendering did not finish within 2 minutes", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UserInputException u) {
                throw u;
            }
            throw new IllegalStateException("rendering failed: " + e.getCause(), e.getCause());
        }
    }

    /** Writes {@code img} as a PNG through a temporary sibling file and a rename, so {@code out} is never half written. */
    public static void writePng(BufferedImage img, Path out) throws IOException {
        ModelFiles.writeAtomically(out, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer for this image");
            }
        });
    }

    /** Builds the node the app shows for this view, set to the layer, channel and step. */
    static Parent build(StepperSession session, View view, int layer, int channel, int step) {
        return switch (view) {
            case CONV -> {
                ConvStepView v = new ConvStepView(session);
                v.configure(layer, channel, step);
                yield v;
            }
            case POOL -> {
                PoolStepView v = new PoolStepView(session);
                v.configure(layer, channel, step);
                yield v;
            }
            case RELU -> {
                ReluView v = new ReluView(session);
                v.configure(layer, channel);
                yield v;
            }
            case VOTES -> {
                VoteView v = new VoteView(session);
                v.configure(layer);
                yield v;
            }
            case MAPS -> {
                FeatureMapGallery g = new FeatureMapGallery(session.snapshotProperty(), session.network().layerInfos(),
                        session.inkPixels(), v -> Grids.ratioText(v, session.fractionDivisor(), session.format()));
                g.select(layer, channel, 0, 0);
                yield g;
            }
            case FILTERS -> {
                FiltersView v = new FiltersView(session);
                v.configure(layer, step, channel);
                yield v;
            }
            case LESSON -> {
                XoLessonSequence s = new XoLessonSequence(session, XoLesson.load());
                if (step < 0 || step >= s.size()) {
                    throw new UserInputException("--step " + step + " is past the end: the lesson has " + s.size()
                            + " steps (0.." + (s.size() - 1) + ")");
                }
                s.go(step);
                yield s;
            }
            default -> throw new IllegalArgumentException(view + " is a Backward view: see BackwardFigure");
        };
    }

    /** Starts JavaFX once, on Monocle's headless platform with software rendering unless told otherwise. */
    private static void startHeadless() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("prism.text", "t2k");
        setDefault("java.awt.headless", "true");
        CompletableFuture<Void> up = new CompletableFuture<>();
        try {
            Platform.startup(() -> up.complete(null));
            up.join();
        } catch (IllegalStateException alreadyRunning) {
            // JavaFX is up already (inside the app or a test): draw on it and leave it running
        } catch (RuntimeException e) {
            if (e.getCause() instanceof UnsupportedClassVersionError) {
                // a jar built on JDK 21+ carries Monocle 21 (Java 21 bytecode; see the pom's jdk21 profile)
                throw new IllegalStateException("render: this jar's headless JavaFX (Monocle) needs a newer Java than "
                        + System.getProperty("java.version") + "; run it with Java 21+ or build the jar on JDK 17", e);
            }
            throw e;
        }
        Platform.setImplicitExit(false);
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
