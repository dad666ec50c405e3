package org.convlab.ui.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.convlab.UserInputException;
import org.convlab.trace.filtering.ImageFiltering.Channels;
import org.convlab.trace.filtering.ImageFiltering.Result;
import org.convlab.trace.filtering.ImageKernel;
import org.convlab.ui.editor.EditorModel;

/**
 * The kernel lab's settings: photo (a sample or any file), kernel (a classic, or typed in the text
 * field: a bad one is refused in place, in red, and the last good result stays), each channel or
 * channels summed, the flip, stride and padding with the output size worked out, how negative
 * results are shown, and "Use as conv1 filter". Ids: {@code #labSample}, {@code #labOpen},
 * {@code #labKernel}, {@code #labKernelText}, {@code #labChannels}, {@code #labFlip},
 * {@code #labStride}, {@code #labPadding}, {@code #labDisplay}, {@code #labUseAsConv1},
 * {@code #labConv1Filter}, {@code #labLearned}, {@code #labMessage}, {@code #labFormula},
 * {@code #labFlipNote}.
 */
public final class LabControls extends VBox {
    static final String TYPED = "typed";
    private static final String EACH = "each channel";
    private static final String SUMMED = "channels summed";

    private final FilterLab lab;
    private final ChoiceBox<String> sample = new ChoiceBox<>();
    private final List<Path> samples = Photo.samples();
    private final ComboBox<String> kernelChoice = new ComboBox<>();
    private final TextField kernelText = new TextField();
    private final ChoiceBox<String> channels = new ChoiceBox<>();
    private final CheckBox flip = new CheckBox("flip kernel (true convolution)");
    private final Spinner<Integer> stride = new Spinner<>(1, 16, 1);
    private final Spinner<Integer> padding = new Spinner<>(0, 16, 0);
    private final ChoiceBox<Display> display = new ChoiceBox<>();
    private final Spinner<Integer> conv1Filter = new Spinner<>(1, 4096, 1);
    private final Label message = new Label();
    private final Label formula = new Label();
    private final Label flipNote = new Label();
    private final Label shown = new Label();
    private final FlowPane row;
    private ImageKernel kernel = ImageKernel.named("Sobel x");
    private boolean settingText;

    LabControls(FilterLab lab, EditorModel model) {
        this.lab = lab;
        sample.setId("labSample");
        for (Path p : samples) {
            sample.getItems().add(p.getFileName().toString());
        }
        sample.valueProperty().addListener((o, a, name) -> openSample(name));
        Button open = new Button("Open photo...");
        open.setId("labOpen");
        open.setOnAction(e -> chooseFile());

        kernelChoice.setId("labKernel");
        for (ImageKernel k : ImageKernel.classics()) {
            kernelChoice.getItems().add(k.name());
        }
        kernelChoice.getItems().add(TYPED);
        kernelChoice.setValue(kernel.name());
        kernelChoice.setOnAction(e -> pickClassic(kernelChoice.getValue()));
        kernelText.setId("labKernelText");
        kernelText.setPromptText("e.g. 1 2 1; 2 4 2; 1 2 1 / 16");
        kernelText.setPrefColumnCount(16);
        kernelText.setText(kernel.text());
        kernelText.textProperty().addListener((o, a, text) -> typed(text));

        channels.setId("labChannels");
        channels.getItems().addAll(EACH, SUMMED);
        channels.setValue(EACH);
        channels.setOnAction(e -> lab.recompute());
        flip.setId("labFlip");
        flip.setOnAction(e -> {
            lab.recompute();
            noteFlip();
        });
        stride.setId("labStride");
        padding.setId("labPadding");
        for (Spinner<Integer> s : List.of(stride, padding, conv1Filter)) {
            s.setEditable(true);
            s.setPrefWidth(76);
            s.setMinWidth(Region.USE_PREF_SIZE);
        }
        stride.valueProperty().addListener((o, a, b) -> lab.recompute());
        padding.valueProperty().addListener((o, a, b) -> lab.recompute());
        display.setId("labDisplay");
        display.getItems().addAll(Display.values());
        display.setValue(Display.ABSOLUTE);
        display.setOnAction(e -> lab.redraw());

        List<Node> items = new ArrayList<>(List.of(group(new Label("Photo"), sample, open),
                group(new Label("Kernel"), kernelChoice, kernelText), group(channels, flip),
                group(new Label("Stride"), stride, new Label("Padding"), padding), group(new Label("Show"), display)));
        Button useAsConv1 = new Button("Use as conv1 filter");
        useAsConv1.setId("labUseAsConv1");
        conv1Filter.setId("labConv1Filter");
        Button learned = new Button("Learned vs hand-made...");
        learned.setId("labLearned");
        learned.setOnAction(e -> LearnedFilters.show(this, model));
        if (model != null) {
            useAsConv1.setOnAction(e -> useAsConv1(model));
            items.add(group(useAsConv1, new Label("number"), conv1Filter, learned));
        } else {
            items.add(group(learned));
        }
        row = new FlowPane(14, 6);
        row.getChildren().addAll(items);
        message.setId("labMessage");
        formula.setId("labFormula");
        flipNote.setId("labFlipNote");
        shown.setId("labShown");
        for (Label l : List.of(message, formula, flipNote, shown)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add("caption");
        }
        message.setManaged(false);
        message.setVisible(false);
        setSpacing(4);
        getChildren().addAll(row, message, formula, flipNote, shown);
        noteFlip();
    }

    private static HBox group(Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return h;
    }

    private void chooseFile() {
        FileChooser c = new FileChooser();
        c.setTitle("A photo to filter");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images (*.png, *.jpg, *.bmp, *.gif)",
                "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"), new FileChooser.ExtensionFilter("All files", "*.*"));
        java.io.File f = c.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            sample.getSelectionModel().clearSelection();
            lab.open(f.toPath());
        }
    }

    private void pickClassic(String name) {
        if (name == null || TYPED.equals(name)) {
            return;
        }
        kernel = ImageKernel.named(name);
        settingText = true;
        kernelText.setText(kernel.text());
        settingText = false;
        say(null, false);
        noteFlip();
        lab.recompute();
    }

    private void typed(String text) {
        if (settingText) {
            return;
        }
        try {
            kernel = ImageKernel.parse(TYPED, text);
            kernelChoice.setValue(TYPED);
            say(null, false);
            noteFlip();
            lab.recompute();
        } catch (UserInputException e) {
            say(e.getMessage(), true); // in place; the last good kernel's result stays
        }
    }

    private void useAsConv1(EditorModel model) {
        try {
            int photoChannels = lab.photoProperty().get() == null ? 1 : lab.photoProperty().get().channels();
            int spans = channels() == Channels.SUMMED ? photoChannels : 1;
            Conv1Copy.Edit e = Conv1Copy.into(model.document(), flip() ? kernel.flipped() : kernel, spans,
                    conv1Filter.getValue() - 1);
            model.replace(e.index(), e.conv(), e.description());
            say(e.description() + (flip() ? " (flipped, as applied here)" : "") + ": done; Edit > Undo restores the old"
                    + " weights.", false);
        } catch (UserInputException e) {
            say(e.getMessage(), true);
        }
    }

    /** Shows {@code text} under the controls, in red when it is a refusal; null hides it. */
    void say(String text, boolean refusal) {
        message.setText(text == null ? "" : text);
        message.setVisible(text != null);
        message.setManaged(text != null);
        message.setStyle(refusal ? "-fx-text-fill: #b00020; -fx-font-weight: bold;" : "");
    }

    /** The message shown (a refusal or a confirmation), empty when none. */
    public String message() {
        return message.getText();
    }

    /** Whether the message shown is a refusal (red). */
    public boolean messageIsRefusal() {
        return message.isVisible() && !message.getStyle().isEmpty();
    }

    void showDisplay(String caption) {
        shown.setText("Result " + caption);
    }

    void showFormula(Result r) {
        formula.setText("Output size: " + r.formula());
    }

    private void noteFlip() {
        flipNote.setText(kernel.asymmetric()
                ? (flip() ? "Flipped: the kernel turned 180 degrees, a true convolution; a ConvNet computes the unflipped"
                        + " cross-correlation, so the edges read the other way (signs swap)."
                        : "Not flipped: cross-correlation, what a ConvNet's conv layer computes.")
                : "This kernel is symmetric: turned 180 degrees it is the same, so flipping changes nothing.");
    }

    public ImageKernel kernel() {
        return kernel;
    }

    public boolean flip() {
        return flip.isSelected();
    }

    public int stride() {
        return stride.getValue();
    }

    public int padding() {
        return padding.getValue();
    }

    public Channels channels() {
        return SUMMED.equals(channels.getValue()) ? Channels.SUMMED : Channels.EACH;
    }

    public Display display() {
        return display.getValue();
    }

    /** Sets everything at once without a result per change (the figure, tests). */
    public void configure(ImageKernel k, boolean flipped, int s, int p, Channels c, Display d) {
        kernel = k;
        settingText = true;
        kernelText.setText(k.text());
        settingText = false;
        kernelChoice.setValue(ImageKernel.classics().stream().anyMatch(x -> x.name().equals(k.name())) ? k.name() : TYPED);
        flip.setSelected(flipped);
        stride.getValueFactory().setValue(s);
        padding.getValueFactory().setValue(p);
        channels.setValue(c == Channels.SUMMED ? SUMMED : EACH);
        display.setValue(d);
        noteFlip();
    }

    /** For a figure: the settings as one line of text instead of the controls. */
    void showSettingsOnly() {
        Label settings = new Label("Kernel " + kernel.name() + " [" + kernel.text() + "]" + (flip() ? ", flipped (true"
                + " convolution)" : ", not flipped (cross-correlation)") + ", stride " + stride() + ", padding "
                + padding() + ", " + channels.getValue());
        settings.setId("labSettings");
        settings.setWrapText(true);
        settings.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().set(0, settings);
    }

    /** Selects the sample photo with this file name (tests). */
    public void chooseSample(String fileName) {
        if (fileName.equals(sample.getValue())) {
            openSample(fileName);
        } else {
            sample.setValue(fileName);
        }
    }

    private void openSample(String name) {
        int i = name == null ? -1 : sample.getItems().indexOf(name);
        if (i >= 0) {
            lab.open(samples.get(i));
        }
    }
}
