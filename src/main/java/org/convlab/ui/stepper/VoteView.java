package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.ClassVotes;
import org.convlab.trace.ValueFormat;
import org.convlab.trace.Vote;
import org.convlab.trace.VoteLedger;

/**
 * The fully connected votes: per class a ledger of every input value x weight, largest first,
 * votes for in orange and against in purple (the colour map's two sides), the running total, the
 * bias and the logit; then the softmax probabilities as bars, the winner named. The slides:
 * "every value gets a vote". Ids: {@code #voteLedger} (canvas), {@code #voteAnswer}.
 */
public final class VoteView extends VBox {
    private static final Color FOR = Color.web("#e66101");
    private static final Color AGAINST = Color.web("#5e3c99");
    private static final int SHOWN = 12;
    private static final int BARS = 10;

    private final StepperSession session;
    private final List<Integer> denseLayers = new ArrayList<>();
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final Canvas ledgerCanvas = new Canvas(900, 420);
    private final Label answer = new Label();
    private final Label note = new Label();
    private VoteLedger ledger;
    private int layer = -1;
    private boolean updating;

    public VoteView(StepperSession session) {
        this.session = session;
        setMinWidth(0); // take the width the region offers; the grids size themselves to it
        getStyleClass().add("stepper-view");
        List<Layer> layers = session.network().layers();
        LayerChoices.fill(layers, DenseLayer.class, denseLayers, layerChoice);
        layerChoice.setId("voteLayer");
        layerChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                configure(denseLayers.get(layerChoice.getItems().indexOf(b)));
            }
        });
        HBox bar = new HBox(8, new Label("Layer"), layerChoice);
        bar.setAlignment(Pos.CENTER_LEFT);
        ledgerCanvas.setId("voteLedger");
        answer.setId("voteAnswer");
        answer.getStyleClass().add("stepper-result");
        session.snapshotProperty().addListener((o, a, b) -> redraw());
        // a plain pane lets the view shrink below the canvas's width: the canvas is redrawn to fit instead
        javafx.scene.layout.Pane holder = new javafx.scene.layout.Pane(ledgerCanvas);
        widthProperty().addListener((o, a, b) -> redraw());
        note.setId("voteNote");
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        getChildren().addAll(bar, note, holder, answer);
        setSpacing(10);
        setPadding(new Insets(12));
        if (!denseLayers.isEmpty()) {
            configure(denseLayers.get(denseLayers.size() - 1));
        }
    }

    public void configure(int layerIndex) {
        updating = true;
        layer = layerIndex;
        layerChoice.setValue(layerIndex + ": " + session.network().layers().get(layerIndex).name());
        updating = false;
        redraw();
    }

    public VoteLedger ledger() {
        return ledger;
    }

    private void redraw() {
        if (layer < 0) {
            return;
        }
        ledger = session.tracer().votes(session.snapshot(), layer);
        ValueFormat f = session.format().withFractions(false);
        List<ClassVotes> classes = ledger.classes();
        double room = getWidth() > 0 ? getWidth() - 24 : 900;
        int shownClasses = Math.max(1, Math.min(Math.min(classes.size(), 4), (int) (room / 270)));
        double avail = getWidth() > 0 ? getWidth() - 24 : 900;
        double colW = Math.max(290, Math.min(320, avail / shownClasses));
        double rowH = 22;
        double barsTop = 70 + (Math.min(SHOWN, classes.get(0).votes().size()) + 4) * rowH;
        // many classes: the ledgers of the likeliest (the winner first); up to 10 bars, in class order when they all fit
        List<ClassVotes> likeliest = new ArrayList<>(classes);
        likeliest.sort(java.util.Comparator.comparingDouble((ClassVotes c) -> -c.probability())
                .thenComparingInt(ClassVotes::index));
        List<ClassVotes> ledgers = classes.size() <= shownClasses ? classes : likeliest.subList(0, shownClasses);
        List<ClassVotes> bars = classes.size() <= BARS ? classes : likeliest.subList(0, BARS);
        int barRows = bars.size() + (classes.size() > BARS ? 1 : 0);
        note.setText(ledgers.size() < classes.size() ? "Ledgers of the " + ledgers.size() + " likeliest of "
                + classes.size() + " classes, the winner first; each lists its " + SHOWN + " largest votes." : "");
        note.setManaged(!note.getText().isEmpty());
        double barW = Math.max(160, Math.min(400, avail - 300));
        ledgerCanvas.setWidth(Math.max(shownClasses * colW + 10, 300 + barW));
        ledgerCanvas.setHeight(barsTop + 30 + barRows * 28);
        GraphicsContext g = ledgerCanvas.getGraphicsContext2D();
        g.clearRect(0, 0, ledgerCanvas.getWidth(), ledgerCanvas.getHeight());
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < ledgers.size(); k++) {
            drawLedger(g, ledgers.get(k), 10 + k * colW, colW - 20, rowH, f);
        }
        drawBars(g, barsTop, bars, classes.size() - bars.size(), f, barW);
        ClassVotes best = classes.get(ledger.winner());
        answer.setText("The answer: " + best.label() + " (" + pct(best.probability()) + ")");
        StringBuilder a11y = new StringBuilder("Vote ledger.");
        for (ClassVotes c : classes) {
            a11y.append(' ').append(c.label()).append(": logit ").append(f.decimal(c.logit())).append(", probability ")
                    .append(pct(c.probability())).append('.');
        }
        ledgerCanvas.setAccessibleText(a11y.toString());
    }

    private void drawLedger(GraphicsContext g, ClassVotes c, double x, double w, double rowH, ValueFormat f) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#1f3a5f"));
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 17));
        g.fillText("Votes for " + c.label(), x, 14);
        g.setFont(Font.font("DejaVu Sans", 13));
        g.setFill(Color.web("#333a44"));
        g.fillText("value x weight = vote      running total", x, 38);
        double max = 1e-9;
        for (Vote v : c.votes()) {
            max = Math.max(max, Math.abs(v.product()));
        }
        g.setFont(Font.font("DejaVu Sans Mono", 13));
        int n = Math.min(SHOWN, c.votes().size());
        double y = 60;
        for (int i = 0; i < n; i++) {
            Vote v = c.votes().get(i);
            double barW = 44 * Math.abs(v.product()) / max;
            g.setFill(v.product() >= 0 ? FOR : AGAINST);
            g.fillRect(x, y - 8, barW, 16);
            g.setFill(Color.web("#1b1b1b"));
            g.fillText(f.decimal(v.value()) + " x " + f.decimal(v.weight()) + " = " + f.decimal(v.product()), x + 50, y);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(f.decimal(v.runningTotal()), x + w, y);
            g.setTextAlign(TextAlignment.LEFT);
            y += rowH;
        }
        g.setFill(Color.web("#333a44"));
        if (c.votes().size() > n) {
            float rest = c.votesTotal() - c.votes().get(n - 1).runningTotal();
            g.fillText("\u2026 " + (c.votes().size() - n) + " more votes: " + f.decimal(rest), x + 50, y);
            y += rowH;
        }
        g.setFill(Color.web("#1b1b1b"));
        String bias = !c.hasBias() ? "" : (c.bias() < 0 ? " - " : " + ") + f.decimal(Math.abs(c.bias())) + " (bias)";
        g.fillText("votes " + f.decimal(c.votesTotal()) + bias, x, y);
        y += rowH;
        g.setFont(Font.font("DejaVu Sans Mono", FontWeight.BOLD, 14));
        g.fillText("= " + f.decimal(c.logit()) + "  (logit)", x, y);
    }

    private void drawBars(GraphicsContext g, double top, List<ClassVotes> rows, int hidden, ValueFormat f, double barW) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 17));
        g.setFill(Color.web("#1f3a5f"));
        g.fillText("Softmax: the votes as probabilities", 10, top);
        g.setFont(Font.font("DejaVu Sans", 15));
        double y = top + 30;
        int winner = ledger.winner();
        for (ClassVotes c : rows) {
            g.setFill(Color.web("#1b1b1b"));
            g.fillText(c.label(), 10, y, 105);
            g.setFill(Color.web("#e6eaf0"));
            g.fillRect(120, y - 10, barW, 20);
            g.setFill(c.index() == winner ? Color.web("#0072b2") : Color.web("#8a94a3"));
            g.fillRect(120, y - 10, barW * c.probability(), 20);
            g.setFill(Color.web("#1b1b1b"));
            g.fillText(pct(c.probability()) + "  (logit " + f.decimal(c.logit()) + ")", 130 + barW, y);
            y += 28;
        }
        if (hidden > 0) {
            g.setFill(Color.web("#333a44"));
            g.fillText("\u2026 " + hidden + " more, less likely", 10, y);
        }
    }

    private static String pct(float p) {
        return String.format("%.1f%%", 100.0 * p);
    }
}
