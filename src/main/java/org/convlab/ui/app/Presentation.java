package org.convlab.ui.app;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.convlab.ui.Stepping;
import org.convlab.ui.Theme;

/**
 * Presentation mode for the whole window, on every tab (F5, View &gt; Presentation Mode): full
 * screen; the menu bar, the tab bars, the status bar and the side panels hidden; everything larger
 * by one factor of the app's scale ({@link Theme#setPresenting}), chosen from the screen so that a
 * 9x9 grid's numbers stand at least 24 px tall on a 1366x768 projector. A hint says how to leave
 * and fades. Right, PageDown and Space step the view that is showing, Left and PageUp step back
 * (a presenter's clicker sends these keys), through {@link Stepping}; B blanks the screen and B
 * again shows it; Esc or F5 leaves. Outside presentation mode PageDown and PageUp still step.
 *
 * <p>The window gives it a stack over its middle region (for the hint and the black screen) and
 * says how to hide and show its frame. Ids: {@code #presentationHint}, {@code #presentationBlank}.
 */
final class Presentation {
    /** Body text in presentation mode is this many times the text size on a 1366x768 screen. */
    static final double FACTOR_AT_1366 = 1.2;
    static final double REFERENCE_WIDTH = 1366;
    static final double REFERENCE_HEIGHT = 768;
    static final String STYLE = "presenting";
    static final String CSS = "/org/convlab/ui/app/presentation.css";

    /** What the window hides and shows around its middle region. */
    interface Frame {
        /** Hides (true) or shows the menu bar, status bar and side panels. */
        void hideFrame(boolean hide);

        /** Where the keys look for a view that steps: the middle region's selected tab. */
        Node selectedView();
    }

    private final Parent root;
    private final Frame frame;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(false);
    private final Label hint = new Label("Presentation mode: Esc or F5 leaves \u00B7 \u2192 / Space step, \u2190 back \u00B7 B blanks the screen");
    private final Region blank = new Region();
    private final SequentialTransition fade;
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final ChangeListener<Number> resized = (o, a, b) -> applyScale();
    private boolean fullScreen = true;

    /** @param overlay a stack over the middle region: the hint and the black screen go in it */
    Presentation(Parent root, StackPane overlay, Frame frame) {
        this.root = root;
        this.frame = frame;
        root.getStylesheets().add(Presentation.class.getResource(CSS).toExternalForm());
        hint.setId("presentationHint");
        hint.getStyleClass().add("presentation-hint");
        hint.setMouseTransparent(true);
        hint.setVisible(false);
        StackPane.setAlignment(hint, Pos.BOTTOM_RIGHT);
        blank.setId("presentationBlank");
        blank.getStyleClass().add("presentation-blank");
        blank.setVisible(false);
        overlay.getChildren().addAll(hint, blank);
        FadeTransition out = new FadeTransition(Duration.millis(800), hint);
        out.setToValue(0);
        fade = new SequentialTransition(new PauseTransition(Duration.seconds(4)), out);
        fade.setOnFinished(e -> hint.setVisible(false));
        root.sceneProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
    }

    ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    boolean isOn() {
        return on.get();
    }

    boolean isBlank() {
        return blank.isVisible();
    }

    void toggle() {
        set(!on.get());
    }

    /**
     * Whether turning it on also makes the window full screen (tests turn it off, to look at a
     * window of a given size; the scale follows the window's size either way).
     */
    void setFullScreen(boolean full) {
        this.fullScreen = full;
    }

    void set(boolean present) {
        if (present == on.get()) {
            return;
        }
        on.set(present);
        Scene scene = root.getScene();
        Stage stage = scene != null && scene.getWindow() instanceof Stage s ? s : null;
        if (present) {
            root.getStyleClass().add(STYLE);
            frame.hideFrame(true);
            if (scene != null) {
                scene.widthProperty().addListener(resized);
                scene.heightProperty().addListener(resized);
            }
            if (stage != null && fullScreen) {
                stage.setFullScreenExitHint(""); // ours says it, and fades
                stage.setFullScreen(true);
                stage.fullScreenProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean a, Boolean full) {
                        if (!full) {
                            o.removeListener(this);
                            set(false); // the window manager or Esc ended full screen
                        }
                    }
                });
            }
            applyScale();
            StackPane.setMargin(hint, new javafx.geometry.Insets(Theme.px(0.8)));
            hint.setOpacity(1);
            hint.setVisible(true);
            fade.playFromStart();
        } else {
            root.getStyleClass().remove(STYLE);
            blank.setVisible(false);
            fade.stop();
            hint.setVisible(false);
            if (scene != null) {
                scene.widthProperty().removeListener(resized);
                scene.heightProperty().removeListener(resized);
            }
            if (stage != null && stage.isFullScreen()) {
                stage.setFullScreen(false);
            }
            Theme.setPresenting(false, 1);
            frame.hideFrame(false);
        }
    }

    /** The scale factor for a screen of {@code width x height} px: 1.2 at 1366x768, never below 1. */
    static double factor(double width, double height) {
        return Math.max(1, FACTOR_AT_1366 * Math.min(width / REFERENCE_WIDTH, height / REFERENCE_HEIGHT));
    }

    private void applyScale() {
        Scene scene = root.getScene();
        double w = scene == null ? REFERENCE_WIDTH : scene.getWidth();
        double h = scene == null ? REFERENCE_HEIGHT : scene.getHeight();
        Theme.setPresenting(true, factor(w, h));
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return; // typing a weight or a number: the arrows move the caret, Esc cancels there
        }
        boolean handled = switch (e.getCode()) {
            case RIGHT, SPACE -> on.get() && step(+1);
            case LEFT -> on.get() && step(-1);
            case PAGE_DOWN -> step(+1);
            case PAGE_UP -> step(-1);
            case B -> {
                if (on.get()) {
                    blank.setVisible(!blank.isVisible());
                }
                yield on.get();
            }
            case F5 -> {
                toggle();
                yield true;
            }
            case ESCAPE -> {
                boolean was = on.get();
                set(false);
                yield was;
            }
            default -> false;
        };
        if (handled) {
            e.consume();
        }
    }

    /** Steps the view that is showing; false when nothing there steps. */
    boolean step(int by) {
        Stepping view = find(frame.selectedView());
        return view != null && view.step(by);
    }

    /**
     * The first visible {@link Stepping} node in {@code node}'s tree (a view that steps, or the
     * tabs that hold one); in a tab pane only the selected tab's content is searched.
     */
    static Stepping find(Node node) {
        if (node == null || !node.isVisible()) {
            return null;
        }
        if (node instanceof Stepping s) {
            return s;
        }
        if (node instanceof TabPane tabs) {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            return t == null ? null : find(t.getContent());
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll) {
            return find(scroll.getContent());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Stepping s = find(child);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }
}
