package org.convlab.ui.training;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convlab.engine.Shape;

/**
 * A titled, scrolling gallery of model inputs, each with a caption under it (the true class and
 * the top-3 guesses); clicking an image calls its action. Used for the misclassified validation
 * images and for the images of one confusion-matrix cell. Tiles are {@code #<idPrefix>-N}.
 */
final class ImageGallery extends VBox {
    /** One image: the model's input values, its caption and what a click does. */
    record Tile(float[] pixels, Shape shape, String caption, Runnable onClick) {}

    private final Label title = new Label();
    private final FlowPane tiles = new FlowPane(6, 6);
    private final String idPrefix;
    private boolean inkConvention;
    private Object shown = new Object();
    private static final int TILES_PER_FRAME = 4;
    private java.util.ArrayDeque<Tile> pending = new java.util.ArrayDeque<>();
    private int added;
    private final javafx.animation.AnimationTimer feeder = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            addSome();
            if (pending.isEmpty()) {
                stop();
            }
        }
    };

    ImageGallery(String id, String idPrefix, String emptyTitle) {
        this.idPrefix = idPrefix;
        setId(id);
        setSpacing(4);
        setPadding(new Insets(4));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setText(emptyTitle);
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(90);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, scroll);
        org.convlab.ui.Theme.onChange(this, () -> {
            for (javafx.scene.Node tile : tiles.getChildren()) {
                if (((VBox) tile).getChildren().get(0) instanceof ImageView view && view.getImage() != null) {
                    fit(view, (int) view.getImage().getHeight(), (int) view.getImage().getWidth());
                }
            }
        });
    }

    /** About three body-text lines high, so the images grow with the captions. */
    private static void fit(ImageView view, int height, int width) {
        double scale = Math.max(1, Math.floor(org.convlab.ui.Theme.px(3.2) / Math.max(height, width)));
        view.setFitWidth(width * scale);
        view.setFitHeight(height * scale);
    }

    void setInkConvention(boolean ink) {
        inkConvention = ink;
    }

    /** The key of what is shown (a report, a cell): {@link #show} does nothing when it has not changed. */
    Object shownKey() {
        return shown;
    }

    void setTitle(String text) {
        title.setText(text);
    }

    /** Tiles shown plus those still to be added in the next frames. */
    int size() {
        return tiles.getChildren().size() + pending.size();
    }

    void show(Object key, String titleText, List<Tile> images) {
        if (key == shown) {
            return;
        }
        shown = key;
        title.setText(titleText);
        tiles.getChildren().clear();
        pending = new java.util.ArrayDeque<>(images);
        added = 0;
        addSome();
        if (!pending.isEmpty()) {
            feeder.start();
        }
    }

    /**
     * Adds a few tiles; the rest follow in the next frames. Two dozen tiles at once (each an image
     * and a label needing CSS and layout) made the FX thread miss frames at every epoch's end.
     */
    private void addSome() {
        for (int k = 0; k < TILES_PER_FRAME && !pending.isEmpty(); k++) {
            Tile t = pending.poll();
            int n = added++;
            ImageView view = new ImageView(Pictures.sample(t.pixels(), 0, t.shape(), inkConvention));
            fit(view, t.shape().height(), t.shape().width());
            view.setSmooth(false);
            Label caption = new Label(t.caption());
            caption.getStyleClass().add("caption");
            caption.setMinHeight(Region.USE_PREF_SIZE);
            VBox tile = new VBox(2, view, caption);
            tile.setId(idPrefix + "-" + n);
            tile.getStyleClass().add("gallery-tile");
            tile.setCursor(Cursor.HAND);
            tile.setOnMouseClicked(e -> t.onClick().run());
            tiles.getChildren().add(tile);
        }
    }
}
