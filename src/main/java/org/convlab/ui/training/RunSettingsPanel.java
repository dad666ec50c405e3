package org.convlab.ui.training;

import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.convlab.UserInputException;
import org.convlab.data.Augmentation;
import org.convlab.engine.Shape;
import org.convlab.model.NetworkSpec;
import org.convlab.train.OptimizerKind;
import org.convlab.train.Schedule;
import org.convlab.train.TrainingConfig;

/**
 * The run's settings as fields a student can type into, with defaults per model, read into a
 * {@link TrainingConfig}. A field that does not parse is a one-line message naming the field.
 */
final class RunSettingsPanel extends VBox {
    private final ComboBox<String> optimizer = new ComboBox<>();
    private final TextField lr = field("learningRate");
    private final TextField momentum = field("momentum");
    private final TextField batch = field("batchSize");
    private final TextField epochs = field("epochs");
    private final TextField weightDecay = field("weightDecay");
    private final ComboBox<String> schedule = new ComboBox<>();
    private final TextField augmentation = field("augmentation");
    private final TextField validationSplit = field("validationSplit");
    private final TextField seed = field("seed");
    private final TextField threads = field("threads");

    RunSettingsPanel() {
        setId("runSettings");
        setSpacing(4);
        setPadding(new Insets(6));
        Label title = new Label("Run");
        title.getStyleClass().add("section-title");
        optimizer.setId("optimizer");
        optimizer.getItems().addAll("sgd", "adam");
        schedule.setId("schedule");
        schedule.setEditable(true);
        schedule.getItems().addAll("constant", "cosine", "step:5");
        augmentation.setPromptText("none or shift:2,flip,rotate:10");
        threads.setPromptText("0 = all cores");
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(3);
        Object[][] rows = {
            {"optimizer", optimizer}, {"learning rate", lr}, {"momentum", momentum}, {"batch size", batch},
            {"epochs", epochs}, {"weight decay", weightDecay}, {"schedule", schedule}, {"augment", augmentation},
            {"val. split", validationSplit}, {"seed", seed}, {"threads", threads}};
        // one name and one field a row: two pairs side by side ran off a narrow setup column ("ptimizer"),
        // and fixed pixel widths cut "constant" and "none" at a larger text size
        for (int i = 0; i < rows.length; i++) {
            Label name = new Label((String) rows[i][0]);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            g.add(name, 0, i);
            javafx.scene.control.Control c = (javafx.scene.control.Control) rows[i][1];
            if (c instanceof TextField f) {
                f.setPrefColumnCount(f == augmentation ? 14 : 7);
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            g.add(c, 1, i);
        }
        ChoiceWidth.fit(optimizer);
        ChoiceWidth.fit(schedule);
        getChildren().addAll(title, g);
        applyDefaults(null);
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }

    /**
     * Defaults that train the model in a minute or two: the X/O net (27 images) learns with small
     * batches and a high rate, larger nets with the {@code train} command's SGD defaults.
     */
    void applyDefaults(NetworkSpec spec) {
        Shape in = spec == null ? null : spec.input();
        boolean xo = in != null && in.channels() == 1 && in.height() == 9 && in.width() == 9;
        optimizer.setValue("sgd");
        lr.setText(xo ? "0.1" : "0.01");
        momentum.setText("0.9");
        batch.setText(xo ? "4" : "32");
        epochs.setText(xo ? "10" : "3");
        weightDecay.setText("0");
        schedule.setValue("constant");
        augmentation.setText("none");
        validationSplit.setText("0.1");
        seed.setText("1");
        threads.setText("0");
    }

    double validationSplit() {
        return number(validationSplit, "validation split");
    }

    long seed() {
        try {
            return Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("seed: '" + seed.getText() + "' is not a whole number");
        }
    }

    TrainingConfig config(Set<String> frozen) {
        return TrainingConfig.builder()
                .optimizer(OptimizerKind.parse(optimizer.getValue()))
                .learningRate(number(lr, "learning rate"))
                .momentum(number(momentum, "momentum"))
                .batchSize(whole(batch, "batch size"))
                .epochs(whole(epochs, "epochs"))
                .weightDecay(number(weightDecay, "weight decay"))
                .schedule(Schedule.parse(schedule.getEditor().getText().isBlank() ? schedule.getValue()
                        : schedule.getEditor().getText()))
                .augmentation(augmentation(augmentation.getText()))
                .validationSplit(validationSplit())
                .seed(seed())
                .threads(whole(threads, "threads"))
                .frozen(frozen)
                .build();
    }

    void setEpochs(int n) {
        epochs.setText(Integer.toString(n));
    }

    void setBatch(int n) {
        batch.setText(Integer.toString(n));
    }

    private static double number(TextField f, String name) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException(name + ": '" + f.getText() + "' is not a number");
        }
    }

    private static int whole(TextField f, String name) {
        try {
            return Integer.parseInt(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException(name + ": '" + f.getText() + "' is not a whole number");
        }
    }

    /** {@code none}, or a comma list of {@code shift:N}, {@code flip}, {@code rotate:DEGREES}, as the CLI's --augment. */
    static Augmentation augmentation(String text) {
        return Augmentation.parse(text, "augmentation");
    }
}
