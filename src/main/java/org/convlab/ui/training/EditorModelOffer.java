package org.convlab.ui.training;

import java.util.function.BiPredicate;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.convlab.UserInputException;
import org.convlab.model.NetworkSpec;

/**
 * The line that keeps the Train tab honest about its model: when the editor holds another model (or
 * an edited one) than the one this tab trains, it says which model the tab trains and offers
 * "Train the editor's model (preset:lenet5)". Hidden while a run is active (the model cannot change
 * then) and when both agree. Ids: {@code #editorModelOffer}, {@code #editorModelText},
 * {@code #trainEditorModel}.
 */
final class EditorModelOffer extends FlowPane {
    private final Label text = new Label();
    private final Button button = new Button();
    private final BiPredicate<String, NetworkSpec> apply;
    private String training;
    private String offeredSource;
    private long offeredRevision;
    private Supplier<NetworkSpec> offeredSpec;
    private String takenSource;
    private long takenRevision = -1;
    private boolean running;
    private String problem;

    /** @param apply switches the dashboard to (source, spec); false when it could not */
    EditorModelOffer(BiPredicate<String, NetworkSpec> apply) {
        super(8, 4);
        this.apply = apply;
        setId("editorModelOffer");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 8, 4, 8));
        text.setId("editorModelText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        button.setId("trainEditorModel");
        button.setWrapText(true);
        button.setOnAction(e -> take());
        getChildren().addAll(text, button);
        // the text takes the line's width, so it wraps instead of pushing the button out of sight
        text.maxWidthProperty().bind(widthProperty().subtract(16));
        refresh();
    }

    /** The editor's model is now {@code source} at edit {@code revision}; {@code spec} builds it (may throw). */
    void offer(String source, long revision, Supplier<NetworkSpec> spec, boolean runActive) {
        offeredSource = source;
        offeredRevision = revision;
        offeredSpec = spec;
        running = runActive;
        problem = null;
        refresh();
    }

    /** Trains the offered model: the editor's stack becomes the tab's model (or the reason it cannot). */
    void take() {
        if (offeredSpec == null) {
            return;
        }
        NetworkSpec spec;
        try {
            spec = offeredSpec.get();
        } catch (UserInputException misfit) {
            problem = misfit.getMessage();
            refresh();
            return;
        }
        if (apply.test(offeredSource, spec)) {
            takenSource = offeredSource;
            takenRevision = offeredRevision;
        }
        refresh();
    }

    /** The dashboard trains {@code name} now. */
    void trainingModel(String name) {
        training = name;
        refresh();
    }

    void runStarted() {
        running = true;
        refresh();
    }

    void runEnded() {
        running = false;
        refresh();
    }

    /** Whether the offer is showing (for tests). */
    boolean showing() {
        return isVisible();
    }

    private void refresh() {
        boolean same = offeredSource == null || offeredSource.equals(training) && offeredSource.equals(takenSource)
                && offeredRevision == takenRevision;
        boolean show = !same && !running;
        setVisible(show);
        setManaged(show);
        if (!show) {
            return;
        }
        String trains = "This tab trains " + training + ". ";
        if (problem != null) {
            text.setText(trains + "The editor's stack (" + offeredSource + ") does not fit yet: " + problem);
            button.setVisible(false);
            button.setManaged(false);
            return;
        }
        text.setText(trains + (offeredSource.equals(training) ? "The editor has changed " + offeredSource + " since."
                : "The editor now shows " + offeredSource + "."));
        button.setText("Train the editor's model (" + offeredSource + ")");
        button.setVisible(true);
        button.setManaged(true);
    }
}
