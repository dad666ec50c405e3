package org.convlab.ui.editor;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.Region;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.convlab.model.ModelSummary;
import org.convlab.model.Preset;
import org.convlab.model.Presets;
import org.convlab.ui.Theme;

/**
 * Where a network starts: a card per preset (title, name, the description's first sentence,
 * source, parameter count from the model package) and an empty stack on a chosen input size.
 * Cards are sized in ems and each as tall as its own whole text, so nothing is cut off at any text
 * size; they flow in rows with their tops aligned (a grid of equal tiles made every card as tall as
 * the longest description, and only two fitted on a screen).
 * Ids: {@code #preset-<name>}, {@code #newChannels}, {@code #newHeight}, {@code #newWidth},
 * {@code #newStack}.
 */
public final class StartPage extends VBox {
    /** What the start page asks the window to do. */
    public interface Actions {
        void openPreset(String name);

        void newStack(int channels, int height, int width);
    }

    public StartPage(Actions actions) {
        setId("startPage");
        getStyleClass().add("start-page");
        Label title = new Label("Start a network");
        title.getStyleClass().add("view-title");
        Label caption = new Label("Pick a network from the course, or start from an empty stack and add layers from the palette.");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);

        Spinner<Integer> channels = spinner("newChannels", 1, 64, 1);
        Spinner<Integer> height = spinner("newHeight", 1, 1024, 28);
        Spinner<Integer> width = spinner("newWidth", 1, 1024, 28);
        Button create = new Button("Create");
        create.setId("newStack");
        create.setDefaultButton(false);
        create.setOnAction(e -> actions.newStack(channels.getValue(), height.getValue(), width.getValue()));
        Label emptyTitle = new Label("Empty stack");
        emptyTitle.getStyleClass().add("section-title");
        create.setMinWidth(Region.USE_PREF_SIZE);
        // a flow: in a narrow window the row wraps instead of squeezing "Create" to "..."
        FlowPane empty = new FlowPane(label("input height"), height, label("width"), width, label("channels"), channels, create);
        empty.setAlignment(Pos.CENTER_LEFT);
        empty.getStyleClass().add("new-stack-row");

        Label presetsTitle = new Label("Presets");
        presetsTitle.getStyleClass().add("section-title");
        FlowPane cards = new FlowPane();
        cards.setId("presetCards");
        cards.setRowValignment(javafx.geometry.VPos.TOP);
        for (String name : Presets.names()) {
            cards.getChildren().add(card(Presets.get(name), actions::openPreset));
        }
        getChildren().addAll(title, caption, emptyTitle, empty, presetsTitle, cards);
        Runnable scale = () -> {
            setSpacing(Theme.px(0.9));
            setPadding(new Insets(Theme.px(1.3)));
            empty.setHgap(Theme.px(0.5));
            empty.setVgap(Theme.px(0.4));
            cards.setHgap(Theme.px(0.8));
            cards.setVgap(Theme.px(0.8));
            for (javafx.scene.Node card : cards.getChildren()) {
                ((Button) card).setPrefWidth(Theme.px(CARD_EMS));
                ((Region) ((Button) card).getGraphic()).setPrefWidth(Theme.px(CARD_EMS - 1.8));
                ((Region) ((Button) card).getGraphic()).setMaxWidth(Theme.px(CARD_EMS - 1.8));
            }
            for (Spinner<Integer> sp : List.of(channels, height, width)) {
                sp.setPrefWidth(Theme.px(5.7));
            }
        };
        scale.run();
        Theme.onChange(this, scale);
    }

    /** A card's width in ems (19.5 em: 292 px at the default text size). */
    static final double CARD_EMS = 19.5;

    private static Button card(Preset p, Consumer<String> open) {
        Label title = new Label(p.title());
        title.getStyleClass().add("card-type");
        Label name = new Label(Presets.PREFIX + p.name());
        name.getStyleClass().add("card-output");
        Label description = new Label(firstSentence(p.description()));
        description.getStyleClass().add("card-summary");
        description.setWrapText(true);
        description.setMinHeight(Region.USE_PREF_SIZE); // the whole sentence, however many lines
        Label source = new Label(p.source());
        source.getStyleClass().add("preset-source");
        source.setWrapText(true);
        source.setMinHeight(Region.USE_PREF_SIZE);
        Label params = new Label(LayerText.count(ModelSummary.of(p.network()).totalParams()) + " parameters");
        params.getStyleClass().add("card-counts");
        params.setId("params-" + p.name());
        for (Label l : List.of(title, name)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox body = new VBox(4, title, name, description, source, params);
        body.setMinHeight(Region.USE_PREF_SIZE);
        // as tall as its own text wrapped at the card's width (the button's own rule measured the text
        // at another width and made every card as tall as a screen)
        Button card = new Button(null, body) {
            @Override
            protected double computePrefHeight(double width) {
                return body.prefHeight(body.getPrefWidth()) + snappedTopInset() + snappedBottomInset();
            }

            @Override
            protected double computeMinHeight(double width) {
                return computePrefHeight(width);
            }
        };
        card.setId("preset-" + p.name());
        card.getStyleClass().add("preset-card");
        card.setMnemonicParsing(false);
        card.setAlignment(Pos.TOP_LEFT);
        card.setMinHeight(Region.USE_PREF_SIZE);
        card.setMaxHeight(Region.USE_PREF_SIZE); // as tall as its own text, not the row's tallest card
        card.setMaxWidth(Double.MAX_VALUE);
        card.setOnAction(e -> open.accept(p.name()));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(p.description());
        tip.setWrapText(true);
        tip.setMaxWidth(Theme.px(33));
        card.setTooltip(tip);
        return card;
    }

    /** Up to the first ". " (the rest is in the preset's full description). */
    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId(id);
        s.setEditable(true);
        return s;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
