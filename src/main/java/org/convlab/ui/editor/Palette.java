package org.convlab.ui.editor;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * The palette: a button per layer type (a coloured icon by family, the type's glyph, a tooltip).
 * Click adds the layer after the selected one; dragging it onto a card inserts it below that
 * card. Button ids: {@code #add-<type>}.
 */
final class Palette extends FlowPane {
    static final String DRAG_ADD = "convlab-add:";

    Palette(Consumer<String> add) {
        super(4, 4);
        setId("palette");
        getStyleClass().add("palette");
        for (LayerCatalog.Entry e : LayerCatalog.entries()) {
            Button b = new Button(null, icon(e));
            b.setId("add-" + e.type());
            b.getStyleClass().add("palette-button");
            Tooltip tip = new Tooltip(e.title() + "\n" + e.tooltip() + "\n(click: add after the selected layer; or drag onto a card)");
            tip.setShowDelay(Duration.millis(300));
            b.setTooltip(tip);
            b.setAccessibleText("Add " + e.title());
            b.setOnAction(ev -> add.accept(e.type()));
            b.setOnDragDetected(ev -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(DRAG_ADD + e.type());
                b.startDragAndDrop(TransferMode.COPY).setContent(c);
                ev.consume();
            });
            getChildren().add(b);
        }
    }

    /** A coloured tile 2.3 x 1.75 ems with the type's glyph, resized with the app's scale. */
    static StackPane icon(LayerCatalog.Entry e) {
        Rectangle box = new Rectangle();
        box.setArcWidth(6);
        box.setArcHeight(6);
        box.setFill(colour(e.type()));
        Label glyph = new Label(e.glyph());
        glyph.getStyleClass().add("palette-glyph");
        glyph.setTextFill(org.convlab.ui.Theme.textOn(colour(e.type()))); // white or black, whichever reads
        StackPane icon = new StackPane(box, glyph);
        Runnable size = () -> {
            box.setWidth(org.convlab.ui.Theme.px(2.3));
            box.setHeight(org.convlab.ui.Theme.px(1.75));
        };
        size.run();
        org.convlab.ui.Theme.onChange(icon, size);
        return icon;
    }

    /** The family a layer type belongs to, as the volume diagram's legend names it. */
    static String family(String type) {
        return switch (type) {
            case "input" -> "input";
            case "conv", "convtranspose" -> "convolution";
            case "maxpool", "avgpool", "globalavgpool" -> "pooling";
            case "upsample" -> "upsampling";
            case "relu", "leakyrelu", "sigmoid", "tanh" -> "activation";
            case "batchnorm", "lrn", "dropout" -> "normalization, dropout";
            case "inception", "residual" -> "block";
            default -> "dense, flatten";
        };
    }

    /**
     * One colour per family, the same as the volume diagram's: the Okabe-Ito categorical colours,
     * told apart under the common colour-vision deficiencies. Categories, not values, so they are
     * not in Theme's value maps (the lead may move this table into Theme).
     */
    static Color colour(String type) {
        return switch (type) {
            case "input" -> Color.web("#9aa5b1");
            case "conv", "convtranspose" -> Color.web("#0072b2");
            case "maxpool", "avgpool", "globalavgpool" -> Color.web("#009e73");
            case "upsample" -> Color.web("#f0e442"); // Okabe-Ito's yellow, the one left
            case "relu", "leakyrelu", "sigmoid", "tanh" -> Color.web("#e69f00");
            case "batchnorm", "lrn", "dropout" -> Color.web("#cc79a7");
            case "inception", "residual" -> Color.web("#d55e00");
            default -> Color.web("#56b4e9");
        };
    }
}
