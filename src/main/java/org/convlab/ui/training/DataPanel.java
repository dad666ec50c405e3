package org.convlab.ui.training;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.convlab.UserInputException;
import org.convlab.data.Dataset;
import org.convlab.data.ResizeMode;
import org.convlab.data.SkippedFile;

/**
 * Choosing the data: a folder (chooser or drag and drop), IDX files, or a bundled sample set,
 * then what was loaded: input size and resize mode, classes with counts and a strip of
 * thumbnails each, and the skipped files with their reasons. Loading runs off the FX thread.
 */
final class DataPanel extends VBox {
    /** Loads a source on some background thread and calls back (on that thread) with data or an error. */
    interface Loader {
        void load(String source, ResizeMode resize, Consumer<PreparedData> done, Consumer<String> failed);
    }

    private static final int THUMBNAILS = 6;

    private final TextField source = new TextField();
    private final ComboBox<String> samples = new ComboBox<>();
    private final ComboBox<ResizeMode> resize = new ComboBox<>();
    private final Label info = new Label("Choose a folder with one sub-folder per class, IDX files or a sample set.");
    private final Label message = new Label();
    private final VBox classes = new VBox(4);
    private final Label skippedTitle = new Label("Skipped files: none");
    private final ListView<String> skipped = new ListView<>();
    private final ReadOnlyObjectWrapper<PreparedData> prepared = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.NONE);

    /** Where the data stands, for the dashboard's progress line. */
    enum Phase { NONE, LOADING, LOADED, FAILED }
    private final Loader loader;
    private boolean inkConvention;
    private Consumer<ChosenImage> onThumbnail = c -> {};
    private Consumer<Path> onImageFile = f -> {};

    DataPanel(Loader loader) {
        this.loader = loader;
        setId("dataPanel");
        setSpacing(6);
        setPadding(new Insets(6));
        Label title = new Label("Data");
        title.getStyleClass().add("section-title");
        source.setId("dataSource");
        source.setPromptText("folder, idx:DIR");
        source.setOnAction(e -> load());
        HBox.setHgrow(source, Priority.ALWAYS);
        Button load = new Button("Load");
        load.setId("loadData");
        load.setOnAction(e -> load());
        Button folder = new Button("Folder…");
        folder.setOnAction(e -> choose(false));
        Button idx = new Button("IDX…");
        idx.setOnAction(e -> choose(true));
        samples.setId("sampleSets");
        samples.setPromptText("sample set");
        for (Path p : SampleSets.list()) {
            samples.getItems().add(p.getFileName().toString());
        }
        samples.setOnAction(e -> {
            String name = samples.getValue();
            Path root = SampleSets.root();
            if (name != null && root != null) {
                source.setText(root.resolve(name).toString());
                load();
            }
        });
        resize.setId("resizeMode");
        resize.getItems().addAll(ResizeMode.values());
        resize.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ResizeMode m) {
                return m == null ? "" : switch (m) {
                    case FIT_PAD -> "fit (keep aspect, pad)";
                    case STRETCH -> "stretch";
                    case CENTER_CROP -> "crop (centre)";
                };
            }

            @Override
            public ResizeMode fromString(String s) {
                return null;
            }
        });
        resize.setValue(ResizeMode.FIT_PAD);
        ChoiceWidth.fit(resize);
        ChoiceWidth.fit(samples);
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {load, folder, idx}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        resize.setOnAction(e -> {
            if (prepared.get() != null) {
                load();
            }
        });
        info.setWrapText(true);
        info.setId("dataInfo");
        message.setId("dataMessage");
        message.setWrapText(true);
        message.setTextFill(org.convlab.ui.Theme.PROBLEM);
        classes.setId("classList");
        skipped.setId("skippedList");
        skipped.setPrefHeight(70);
        getChildren().addAll(title, new HBox(4, source, load), new HBox(4, folder, idx, samples),
                new HBox(4, minWidthLabel("resize"), resize), info, message, classes, skippedTitle, skipped);
        ((HBox) getChildren().get(3)).setAlignment(Pos.CENTER_LEFT);
        acceptDrops(this);
    }

    private static Label minWidthLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    ReadOnlyObjectProperty<PreparedData> preparedProperty() {
        return prepared.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    String source() {
        return source.getText().trim();
    }

    ResizeMode resizeMode() {
        return resize.getValue();
    }

    void setSource(String text) {
        source.setText(text);
    }

    void setInkConvention(boolean ink) {
        inkConvention = ink;
    }

    /** Forget the loaded data (the model changed); the user loads again. */
    void invalidate() {
        prepared.set(null);
        phase.set(Phase.NONE);
    }

    /** Called when a thumbnail is clicked (the image becomes the chosen one). */
    void setOnThumbnail(Consumer<ChosenImage> handler) {
        onThumbnail = handler;
    }

    /** Called when one image file (not a folder) is dropped: it is looked at, not trained on. */
    void setOnImageFile(Consumer<Path> handler) {
        onImageFile = handler;
    }

    /** A folder dropped on the panel (or on the dashboard) becomes the source; a single image file is looked at. */
    void acceptDrops(javafx.scene.Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (files != null && files.size() == 1 && isSampleFile(files.get(0).toPath())) {
                onImageFile.accept(files.get(0).toPath());
                e.setDropCompleted(true);
            } else if (files != null && !files.isEmpty()) {
                useDropped(files.get(0).toPath());
                e.setDropCompleted(true);
            }
            e.consume();
        });
    }

    /** A folder of IDX files becomes {@code idx:DIR}, an IDX file its folder, any other folder an image folder. */
    void useDropped(Path path) {
        Path p = path;
        if (Files.isRegularFile(p) && p.getFileName().toString().contains("idx")) {
            p = p.getParent();
            source.setText("idx:" + p);
        } else if (Files.isDirectory(p) && hasIdx(p)) {
            source.setText("idx:" + p);
        } else {
            source.setText(p.toString());
        }
        load();
    }

    /** An image or tensor file the model could take as its input. */
    static boolean isSampleFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && name.matches(".*\\.(png|jpe?g|bmp|gif|json|npy)");
    }

    private static boolean hasIdx(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().contains("-idx"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void choose(boolean idx) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(idx ? "Folder with IDX files" : "Folder with one sub-folder per class");
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            source.setText((idx ? "idx:" : "") + dir);
            load();
        }
    }

    /** Loads the current source in the background; the panel shows the result when it arrives. */
    void load() {
        String src = source();
        if (src.isEmpty()) {
            message.setText("No data chosen: type a folder, drop one here, or pick a sample set.");
            return;
        }
        message.setText("");
        info.setText("loading " + src + " …");
        phase.set(Phase.LOADING);
        loader.load(src, resize.getValue(),
                d -> Platform.runLater(() -> show(d)),
                err -> Platform.runLater(() -> fail(err)));
    }

    private void fail(String error) {
        prepared.set(null);
        phase.set(Phase.FAILED);
        info.setText("");
        message.setText(error);
        classes.getChildren().clear();
        skipped.getItems().clear();
        skippedTitle.setText("Skipped files: none");
    }

    void show(PreparedData d) {
        message.setText("");
        Dataset train = d.train();
        info.setText(String.format(Locale.ROOT, "%s%ninput %s (model's input), resize %s; pixels %s%n%d training, %d validation images",
                d.source(), train.shape().toSlideString(), DataPreparation.describe(d.resize()),
                d.normalization().equals("ink") ? "ink +1, paper -1 (the slides')" : "scaled to [0, 1]",
                train.size(), d.validation() == null ? 0 : d.validation().size()));
        classes.getChildren().clear();
        int[] trainCounts = train.classCounts();
        int[] valCounts = d.validation() == null ? new int[trainCounts.length] : d.validation().classCounts();
        List<String> names = train.classes();
        float[] x = new float[train.shape().size()];
        int[] shown = new int[names.size()];
        HBox[] strips = new HBox[names.size()];
        for (int c = 0; c < names.size(); c++) {
            Label name = new Label(String.format(Locale.ROOT, "%s: %d (+%d val)", names.get(c), trainCounts[c], valCounts[c]));
            name.setId("classCount-" + c);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            // the thumbnails go under the name in a narrow setup column instead of running off its edge
            strips[c] = new HBox(2);
            javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(6, 2, name, strips[c]);
            row.setAlignment(Pos.CENTER_LEFT);
            classes.getChildren().add(row);
        }
        double scale = Math.max(1, Math.floor(org.convlab.ui.Theme.px(1.6) / Math.max(train.shape().height(), train.shape().width())));
        for (int i = 0; i < train.size(); i++) {
            int c = train.label(i);
            if (shown[c] >= THUMBNAILS) {
                continue;
            }
            train.copySample(i, x, 0);
            ImageView v = new ImageView(Pictures.sample(x, 0, train.shape(), d.normalization().equals("ink")));
            v.setSmooth(false);
            v.setFitWidth(train.shape().width() * scale);
            v.setFitHeight(train.shape().height() * scale);
            float[] pixels = x.clone();
            ChosenImage image = new ChosenImage(pixels, train.shape(), "training image " + i, c);
            v.setOnMouseClicked(e -> onThumbnail.accept(image));
            v.setCursor(javafx.scene.Cursor.HAND);
            strips[c].getChildren().add(v);
            shown[c]++;
            if (allFull(shown)) {
                break;
            }
        }
        skipped.getItems().clear();
        for (SkippedFile f : d.skipped()) {
            skipped.getItems().add(Path.of(f.file()).getFileName() + ": " + f.reason());
        }
        skippedTitle.setText(d.skipped().isEmpty() ? "Skipped files: none" : "Skipped files: " + d.skipped().size());
        prepared.set(d);
        phase.set(Phase.LOADED);
    }

    private static boolean allFull(int[] shown) {
        for (int s : shown) {
            if (s < THUMBNAILS) {
                return false;
            }
        }
        return true;
    }

    static String userMessage(Throwable e) {
        if (e instanceof UserInputException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "not enough memory to load this data set";
        }
        return "could not load the data: " + e;
    }
}
