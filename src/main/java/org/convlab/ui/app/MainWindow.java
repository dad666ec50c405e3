package org.convlab.ui.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.StatusBar;
import org.convlab.data.xo.XoLesson;
import org.convlab.engine.Simd;
import org.convlab.ui.editor.EditorModel;
import org.convlab.ui.editor.FileActions;
import org.convlab.ui.editor.LayerRow;
import org.convlab.ui.editor.PropertiesPanel;
import org.convlab.ui.editor.RecentFiles;
import org.convlab.ui.editor.StackEditorView;
import org.convlab.ui.editor.StartPage;
import org.convlab.ui.editor.SummaryTable;
import org.convlab.ui.editor.VolumeDiagram;
import org.convlab.ui.lesson.LessonTab;
import org.convlab.ui.training.TrainingDashboard;
import org.convlab.ui.draw.DrawPad;
import org.convlab.UserInputException;

/**
 * The main window's regions, as in DESIGN.md's UI map: the menu bar on top ({@code #menuBar}),
 * the layer-stack editor on the left ({@code #layerStack}), the view switcher in the middle
 * ({@code #mainView}: Start, Lesson, Step through, Summary, Diagram), the selected layer's
 * properties on the right ({@code #properties}) and a status bar ({@code #statusBar}). It opens on
 * the X/O lesson with {@code preset:xo} in the editor. A model file dropped on the window is
 * opened: a ConvLab model ({@code .json}) or an ONNX file ({@code .onnx}, imported).
 */
public final class MainWindow extends BorderPane implements EditorMenus.Window {
    static final int DEFAULT_FONT_PX = 15;

    private final EditorModel model = EditorModel.ofPreset("xo");
    private final AppSettings settings = AppSettings.inUserHome();
    private final StackEditorView stack;
    private final VBox right = new VBox();
    /** The View menu's "Side Panels" switch; the Train and Draw tabs hide them anyway. */
    private final BooleanProperty sidePanels = new SimpleBooleanProperty(true);
    private int fontSize;
    private final StatusBar status = new StatusBar();
    private final FileActions files;
    private final CenterViews views;
    private final StepThroughLink stepThrough;
    private final VolumeDiagram diagram;
    private final StringBinding title;
    private final MenuBar menus;
    private final Presentation presentation;
    private final ModelExportActions modelExports;
    private PropertiesPanel properties;
    private DrawPad drawPad;

    public MainWindow(XoLesson lesson) {
        getStyleClass().add("main-window");
        files = new FileActions(model, RecentFiles.inUserHome(), this::say);

        stack = new StackEditorView(model);
        LessonTab lessonView = new LessonTab(lesson); // the guided lesson, on the session the step-through shares
        diagram = new VolumeDiagram(model);
        views = new CenterViews(scrolled(new StartPage(new StartPage.Actions() {
            @Override
            public void openPreset(String name) {
                MainWindow.this.openPreset(name);
            }

            @Override
            public void newStack(int channels, int height, int width) {
                if (files.mayDiscard()) {
                    model.newStack(channels, height, width);
                    views.show(CenterViews.SUMMARY);
                }
            }
        })), lessonView, new SummaryTable(model), diagramView());
        stepThrough = new StepThroughLink(lesson, lessonView, views);

        addTrainingViews();

        status.setId("statusBar");
        right.getStyleClass().add("properties-panel");
        // Side panels give way in a narrow window, so the middle view keeps most of the room.
        stack.prefWidthProperty().bind(share(0.22, 250, 300));
        right.prefWidthProperty().bind(share(0.26, 290, 360)); // 290: the sheet's setting names whole beside a scroll bar
        right.setMinWidth(0);

        // the editor's network as Save writes it: the weights its file carries, the rest from the app's seed
        modelExports = new ModelExportActions(() -> model.document().toNetwork(), () -> model.sourceProperty().get(),
                this::say, files::error, () -> getScene() == null ? null : getScene().getWindow());
        menus = EditorMenus.create(model, files, this);
        setTop(menus);
        StackPane middle = new StackPane(views);
        setCenter(middle);
        setBottom(status);
        presentation = new Presentation(this, middle, new Presentation.Frame() {
            @Override
            public void hideFrame(boolean hide) {
                for (javafx.scene.Node n : new javafx.scene.Node[] {menus, status}) {
                    n.setVisible(!hide);
                    n.setManaged(!hide);
                }
                placeSidePanels();
            }

            @Override
            public javafx.scene.Node selectedView() {
                javafx.scene.control.Tab tab = views.getSelectionModel().getSelectedItem();
                return tab == null ? null : tab.getContent();
            }
        });
        applyFontSize(settings.fontSize(DEFAULT_FONT_PX));
        org.convlab.ui.Theme.styleRoot(this);
        // The dashboard and the draw pad need the whole width more than the editor's panels.
        views.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> placeSidePanels());
        sidePanels.addListener((o, a, b) -> placeSidePanels());
        placeSidePanels();

        title = Bindings.createStringBinding(() -> "ConvLab \u2014 " + model.sourceProperty().get()
                + (model.isDirty() ? " *" : ""), model.sourceProperty(), model.dirtyProperty());
        model.revisionProperty().addListener((o, a, b) -> say(null));
        model.select(0); // the convolution: the layer the lesson is about
        say(null);
        acceptDroppedFiles();
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                s.windowProperty().addListener((o2, a2, w) -> files.setOwner(w));
                files.setOwner(s.getWindow());
            }
        });
    }

    /**
     * The Train and Draw tabs (ui.training, ui.draw), built when first shown. The dashboard trains
     * the stack in the editor when it fits (else the X/O preset); when the editor's model changes
     * later, it says which model it trains and offers the editor's. A model it trains goes to the
     * draw pad; both open an image in the step-through.
     */
    private void addTrainingViews() {
        views.addLater("Train", CenterViews.TRAIN, () -> {
            TrainingDashboard dash = new TrainingDashboard();
            java.util.function.Supplier<org.convlab.model.NetworkSpec> editorSpec = () -> model.document().toNetwork();
            dash.takeEditorModel(model.sourceProperty().get(), model.revisionProperty().get(), editorSpec);
            Runnable offer = () -> dash.offerEditorModel(model.sourceProperty().get(), model.revisionProperty().get(),
                    editorSpec);
            model.revisionProperty().addListener((o, a, b) -> offer.run());
            model.sourceProperty().addListener((o, a, b) -> offer.run());
            dash.setOnOpenInStepper(stepThrough::open);
            dash.trainedModelProperty().addListener((o, a, trained) -> {
                if (trained != null) {
                    drawPad().setModel(trained);
                }
            });
            sceneProperty().addListener((o, a, s) -> {
                if (s == null) {
                    dash.dispose();
                }
            });
            return dash;
        });
        views.addLater("Draw", CenterViews.DRAW, this::drawPad);
        // the kernel lab: hand-made kernels on a photo; "Use as conv1 filter" edits the editor's model
        views.addLater("Photo", CenterViews.KERNELS, () -> {
            org.convlab.ui.lab.FilterLab lab = new org.convlab.ui.lab.FilterLab(model, files::error, false);
            lab.controls().chooseSample("coffee.png");
            return lab;
        });
    }

    /** The draw pad, made on first use (it builds a network, which start-up need not wait for). */
    private DrawPad drawPad() {
        if (drawPad == null) {
            drawPad = new DrawPad();
            drawPad.setOnStepThrough(stepThrough::open);
        }
        return drawPad;
    }

    /** "ConvLab — preset:xo", with " *" while there are unsaved changes: the stage's title. */
    public StringBinding titleProperty() {
        return title;
    }

    public EditorModel model() {
        return model;
    }

    public FileActions files() {
        return files;
    }

    public CenterViews views() {
        return views;
    }

    StepThroughLink stepThrough() {
        return stepThrough;
    }

    public VolumeDiagram diagram() {
        return diagram;
    }

    private static ScrollPane scrolled(javafx.scene.Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        return s;
    }

    private VBox diagramView() {
        Button export = new Button("Export PNG...");
        export.setId("exportDiagram");
        export.setOnAction(e -> exportDiagram());
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // what heights, thicknesses and colours mean is in the diagram's own legend (it goes into the PNG too)
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(12, gap, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        ScrollPane s = new ScrollPane(diagram);
        VBox.setVgrow(s, Priority.ALWAYS);
        VBox box = new VBox(8, bar, s);
        box.setPadding(new Insets(12));
        return box;
    }

    private DoubleBinding share(double fraction, double min, double max) {
        return Bindings.createDoubleBinding(
                () -> Math.max(min, Math.min(max, getWidth() * fraction)), widthProperty());
    }

    /** The status line: a message (or the stack's state) and which kernels run. */
    private void say(String message) {
        String text = message;
        if (text == null) {
            LayerRow bad = model.rows().stream().filter(r -> r.status() == LayerRow.Status.MISFIT).findFirst().orElse(null);
            text = model.sourceProperty().get() + ": " + model.document().size()
                    + (model.document().size() == 1 ? " layer, " : " layers, ")
                    + (bad == null ? "every layer fits" : bad.name() + " does not fit");
        }
        status.setText(text + "  |  kernels: " + Simd.describe() + "  |  "
                + Runtime.getRuntime().availableProcessors() + " CPU threads");
    }

    /** Whether a drop opens a model: its first file is a ConvLab model (.json) or an ONNX file (.onnx). */
    static boolean acceptsDrop(Dragboard db) {
        return db.hasFiles() && FileActions.opensDropped(db.getFiles());
    }

    private void acceptDroppedFiles() {
        setOnDragOver(e -> {
            if (acceptsDrop(e.getDragboard())) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean done = false;
            if (acceptsDrop(db)) {
                File f = db.getFiles().get(0);
                done = files.mayDiscard() && files.open(f.toPath());
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    @Override
    public void openPreset(String name) {
        if (files.mayDiscard()) {
            model.loadPreset(name);
            views.show(CenterViews.SUMMARY);
        }
    }

    @Override
    public void showView(String id) {
        views.show(id);
    }

    @Override
    public void stepThroughModel() {
        try {
            stepThrough.openModel(model.sourceProperty().get(), model.document().toNetwork());
        } catch (UserInputException misfit) {
            files.error("Cannot step through this stack", misfit.getMessage());
        }
    }

    @Override
    public void stepThroughLesson() {
        stepThrough.openLesson();
    }

    @Override
    public javafx.scene.control.Menu stepThroughExportMenu() {
        return stepThrough.exportMenu(() -> getScene() == null ? null : getScene().getWindow());
    }

    @Override
    public javafx.scene.control.Menu modelExportMenu() {
        return modelExports.menu();
    }

    /** File > Export Model's actions (tests replace its choosers and exporters). */
    ModelExportActions modelExports() {
        return modelExports;
    }

    @Override
    public void exportDiagram() {
        views.show(CenterViews.DIAGRAM);
        FileChooser c = new FileChooser();
        c.setTitle("Export the diagram");
        c.setInitialFileName(ModelExportActions.baseName(model.sourceProperty().get()) + "-diagram.png");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG images", "*.png"));
        File f = c.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportDiagram(f.toPath());
        }
    }

    /** Writes the volume diagram to {@code file}. */
    public void exportDiagram(Path file) {
        try {
            diagram.exportPng(file);
            say("Diagram saved to " + file);
        } catch (IOException e) {
            files.error("Cannot write " + file.getFileName(), e.getMessage());
        }
    }

    @Override
    public void setFontSize(int px) {
        applyFontSize(px);
        settings.setFontSize(px);
    }

    @Override
    public int fontSize() {
        return fontSize;
    }

    private void applyFontSize(int px) {
        fontSize = px;
        org.convlab.ui.Theme.setTextSize(px);
    }

    @Override
    public BooleanProperty sidePanelsProperty() {
        return sidePanels;
    }

    /**
     * Shows the stack and properties panels unless switched off, a full-width tab is showing or
     * the window is presenting.
     */
    private void placeSidePanels() {
        javafx.scene.control.Tab tab = views.getSelectionModel().getSelectedItem();
        String id = tab == null ? "" : tab.getId();
        boolean show = sidePanels.get() && !CenterViews.TRAIN.equals(id) && !CenterViews.DRAW.equals(id)
                && !CenterViews.KERNELS.equals(id)
                && (presentation == null || !presentation.isOn());
        setLeft(show ? stack : null);
        setRight(show ? right : null);
    }

    @Override
    public void togglePresentation() {
        presentation.toggle();
    }

    /** Presentation mode (F5): tests look at it in a window of a given size, without full screen. */
    Presentation presentation() {
        return presentation;
    }

    @Override
    public void quit() {
        if (getScene() != null && getScene().getWindow() != null && files.mayDiscard()) {
            getScene().getWindow().hide();
        }
    }

    /**
     * Creates the properties panel. The app calls this right after the first frame: ControlsFX's
     * sheet costs about 0.7 s of CPU to load, style and lay out the first time, and the window
     * should not wait for it. Calling it again does nothing.
     */
    public void showDeferredPanels() {
        if (properties == null) {
            properties = new PropertiesPanel(model);
            VBox.setVgrow(properties, Priority.ALWAYS);
            right.getChildren().add(properties);
        }
    }
}
