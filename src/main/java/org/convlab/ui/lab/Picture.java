package org.convlab.ui.lab;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * One picture of the lab, scaled to fit the room it is given (keeping its proportions, drawn with
 * square pixels when enlarged), with an outline that marks a window in the picture's own pixels.
 * {@link #pixelAt} turns a mouse position back into the picture's pixel.
 */
final class Picture extends Region {
    private final ImageView view = new ImageView();
    private final Rectangle outline = new Rectangle();
    /** The height per width of the picture, for the figure's pref height. */
    private double aspect = 0.75;

    Picture(String id) {
        setId(id);
        view.setPreserveRatio(true);
        view.setSmooth(false); // each result pixel stays a sharp square when the picture is enlarged
        outline.setFill(Color.TRANSPARENT);
        outline.setStroke(Color.web("#ff2d2d"));
        outline.setStrokeWidth(2);
        outline.setVisible(false);
        outline.setMouseTransparent(true);
        getChildren().addAll(view, outline);
        setMinSize(60, 60);
    }

    void setImage(Image img) {
        view.setImage(img);
        if (img != null) {
            aspect = img.getHeight() / img.getWidth();
        }
        requestLayout();
    }

    Image image() {
        return view.getImage();
    }

    ImageView view() {
        return view;
    }

    /** The displayed size of one picture pixel. */
    double scale() {
        Image img = view.getImage();
        return img == null ? 1 : view.getBoundsInParent().getWidth() / img.getWidth();
    }

    /** [row, col] of the picture pixel under (x, y) in this pane, or null outside the picture. */
    int[] pixelAt(double x, double y) {
        Image img = view.getImage();
        if (img == null) {
            return null;
        }
        double s = scale();
        int col = (int) Math.floor((x - view.getLayoutX()) / s);
        int row = (int) Math.floor((y - view.getLayoutY()) / s);
        return row < 0 || col < 0 || row >= img.getHeight() || col >= img.getWidth() ? null : new int[] {row, col};
    }

    /** The outlined window in picture pixels [row, col, rows, cols], kept so a new size moves the outline with it. */
    private int[] window;

    /** Outlines rows {@code row .. row + rows - 1}, columns likewise (may reach into the padding), or hides it. */
    void outline(int row, int col, int rows, int cols) {
        window = new int[] {row, col, rows, cols};
        placeOutline();
        outline.setVisible(true);
    }

    private void placeOutline() {
        if (window == null) {
            return;
        }
        int row = window[0];
        int col = window[1];
        int rows = window[2];
        int cols = window[3];
        double s = scale();
        outline.setX(view.getLayoutX() + col * s);
        outline.setY(view.getLayoutY() + row * s);
        outline.setWidth(Math.max(2, cols * s));
        outline.setHeight(Math.max(2, rows * s));
    }

    void hideOutline() {
        outline.setVisible(false);
    }

    boolean outlined() {
        return outline.isVisible();
    }

    @Override
    protected void layoutChildren() {
        Image img = view.getImage();
        if (img == null) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        double s = Math.min(w / img.getWidth(), h / img.getHeight());
        view.setFitWidth(img.getWidth() * s);
        view.setFitHeight(img.getHeight() * s);
        view.relocate(Math.floor((w - img.getWidth() * s) / 2), 0);
        // the outline follows the picture's new size (scale() reads the view's bounds, so use s here)
        if (window != null) {
            outline.setX(view.getLayoutX() + window[1] * s);
            outline.setY(view.getLayoutY() + window[0] * s);
            outline.setWidth(Math.max(2, window[3] * s));
            outline.setHeight(Math.max(2, window[2] * s));
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    @Override
    protected double computePrefHeight(double width) {
        return width > 0 ? width * aspect : 200 * aspect;
    }
}
