package org.convlab.ui.editor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The left region: the palette, the buttons that act on the selected layer, and the stack of
 * cards (input first). Keys on the stack: Up/Down select, Alt+Up/Alt+Down move, Delete removes,
 * Ctrl+D duplicates (also in the Edit menu). Cards can be dragged to reorder. Ids:
 * {@code #layerStack}, {@code #layerCards}, {@code #moveUp}, {@code #moveDown},
 * {@code #duplicateLayer}, {@code #deleteLayer}.
 */
public final class StackEditorView extends VBox {
    static final String DRAG_MOVE = "convlab-move:";

    private final EditorModel model;
    private final VBox cards = new VBox(4);
    private final ScrollPane scroll = new ScrollPane(cards);
    private final Set<String> expanded = new HashSet<>();
    private final Label heading = new Label();

    public StackEditorView(EditorModel model) {
        this.model = model;
        setId("layerStack");
        getStyleClass().add("layer-stack");
        heading.getStyleClass().add("panel-title");
        heading.setId("stackTitle");
        heading.setWrapText(true); // a long file name goes onto a second line rather than "..."
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        TitledPane palette = new TitledPane("Add a layer", new Palette(this::addAfterSelection));
        palette.setId("paletteSection");
        palette.getStyleClass().add("palette-section");

        // a flow: in a narrow panel the buttons wrap rather than shrink to "..."
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(4, 4,
                action("\u2191", "moveUp", "Move the layer up (Alt+Up)", () -> model.moveSelected(-1)),
                action("\u2193", "moveDown", "Move the layer down (Alt+Down)", () -> model.moveSelected(1)),
                action("Copy", "duplicateLayer", "Duplicate the layer (Ctrl+D)", model::duplicateSelected),
                action("Delete", "deleteLayer", "Delete the layer (Delete)", model::removeSelected));
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("stack-actions");

        cards.setId("layerCards");
        cards.getStyleClass().add("layer-cards");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("layer-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        getChildren().addAll(heading, palette, actions, scroll);
        model.revisionProperty().addListener((o, a, b) -> rebuild());
        model.selectedProperty().addListener((o, a, b) -> {
            showSelection();
            // chosen elsewhere (the summary table): bring the card into view once laid out
            javafx.application.Platform.runLater(() -> {
                int want = model.selected() + 1;
                if (want < cards.getChildren().size()) {
                    ensureVisible(cards.getChildren().get(want));
                }
            });
        });
        model.sourceProperty().addListener((o, a, b) -> heading.setText("Layers: " + b));
        heading.setText("Layers: " + model.sourceProperty().get());
        rebuild();
    }

    private Button action(String text, String id, String tip, Runnable run) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> run.run());
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private void addAfterSelection(String type) {
        model.add(type);
        focusSelected();
    }

    private void rebuild() {
        boolean hadFocus = getScene() != null && getScene().getFocusOwner() instanceof LayerCard;
        cards.getChildren().clear();
        LayerCard input = LayerCard.input(model.document().input());
        wire(input, EditorModel.INPUT);
        cards.getChildren().add(input);
        List<LayerRow> rows = model.rows();
        for (int i = 0; i < rows.size(); i++) {
            String name = rows.get(i).name();
            int index = i;
            LayerCard card = LayerCard.of(rows.get(i), expanded.contains(name), () -> {
                if (!expanded.remove(name)) {
                    expanded.add(name);
                }
                rebuild();
            }, () -> {
                model.applyFix(index);
                focusSelected();
            });
            wire(card, i);
            cards.getChildren().add(card);
        }
        showSelection();
        if (hadFocus) {
            focusSelected();
        }
    }

    private void wire(LayerCard card, int index) {
        card.setUserData(index);
        card.setOnAction(() -> model.select(index));
        if (index >= 0) {
            card.setOnDragDetected(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(DRAG_MOVE + index);
                card.startDragAndDrop(TransferMode.MOVE).setContent(c);
                e.consume();
            });
        }
        card.setOnDragOver(e -> {
            String s = e.getDragboard().getString();
            if (s != null && (s.startsWith(DRAG_MOVE) && index >= 0 || s.startsWith(Palette.DRAG_ADD))) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        card.setOnDragDropped(e -> {
            String s = e.getDragboard().getString();
            boolean done = false;
            if (s != null && s.startsWith(DRAG_MOVE) && index >= 0) {
                model.move(Integer.parseInt(s.substring(DRAG_MOVE.length())), index);
                done = true;
            } else if (s != null && s.startsWith(Palette.DRAG_ADD)) {
                model.insert(index + 1, LayerCatalog.entry(s.substring(Palette.DRAG_ADD.length())).create().get());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private void showSelection() {
        int want = model.selected() + 1; // card 0 is the input
        for (int i = 0; i < cards.getChildren().size(); i++) {
            ((LayerCard) cards.getChildren().get(i)).setSelected(i == want);
        }
    }

    private void focusSelected() {
        int want = model.selected() + 1;
        if (want < cards.getChildren().size()) {
            javafx.scene.Node card = cards.getChildren().get(want);
            card.requestFocus();
            ensureVisible(card);
        }
    }

    private void ensureVisible(javafx.scene.Node card) {
        double h = cards.getHeight() - scroll.getViewportBounds().getHeight();
        if (h > 0) {
            double y = card.getBoundsInParent().getMinY();
            double top = scroll.getVvalue() * h;
            double bottom = top + scroll.getViewportBounds().getHeight();
            if (y < top || y + card.getBoundsInParent().getHeight() > bottom) {
                scroll.setVvalue(Math.min(1, y / h));
            }
        }
    }

    private void onKey(KeyEvent e) {
        if (!(e.getTarget() instanceof LayerCard)) {
            return;
        }
        KeyCode k = e.getCode();
        if ((k == KeyCode.UP || k == KeyCode.DOWN) && e.isAltDown()) {
            model.moveSelected(k == KeyCode.UP ? -1 : 1);
        } else if (k == KeyCode.UP || k == KeyCode.DOWN) {
            model.select(model.selected() + (k == KeyCode.UP ? -1 : 1));
        } else if (k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) {
            model.removeSelected();
        } else {
            return;
        }
        e.consume();
        focusSelected();
    }
}
