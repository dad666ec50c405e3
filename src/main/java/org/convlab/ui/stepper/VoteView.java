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
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.ClassVotes;
import org.convlab.trace.PrintedLedger;
import org.convlab.trace.ValueFormat;
import org.convlab.trace.Vote;
import org.convlab.trace.VoteLedger;
import org.convlab.ui.Theme;

/**
 * The fully connected votes: per class a ledger of every input value x weight, largest first,
 * votes for in orange and against in purple (the diverging map's two ends), printed so that they
 * add up as printed ({@link PrintedLedger}: 3 significant digits, running totals the exact sums of
 * the printed votes), the bias and the engine's logit; sized in ems, redrawn when the scale changes; then the softmax probabilities as bars, the winner named. The slides:
 * "every value gets a vote". Ids: {@code #voteLedger} (canvas), {@code #voteAnswer}.
 */
public final class VoteView extends VBox {
    private static final String HEADING = "value x weight = vote";
    private static final String RUNNING = "running total";
    /** The widest vote bar, ems. */
    private static final double BAR_EMS = 2.5;
    private int shown = 12;
    private boolean ledgersOnly;
    private final HBox bar = new HBox();
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
        bar.getChildren().addAll(new Label("Layer"), layerChoice);
        bar.setAlignment(Pos.CENTER_LEFT);
        ledgerCanvas.setId("voteLedger");
        answer.setId("voteAnswer");
        answer.getStyleClass().add("stepper-result");
        session.snapshotProperty().addListener((o, a, b) -> redraw());
        // a plain pane lets the view shrink below the canvas's width: the canvas is redrawn to fit instead
        javafx.scene.layout.Pane holder = new javafx.scene.layout.Pane(ledgerCanvas);
        widthProperty().addListener((o, a, b) -> redraw());
        session.fractionsProperty().addListener((o, a, b) -> redraw());
        Theme.onChange(this, () -> {
            space();
            redraw();
        });
        space();
        note.setId("voteNote");
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap onto more lines rather than end in "..."
        getChildren().addAll(bar, note, holder, answer);
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

    /** How many votes each ledger lists (the largest; the rest are summed on one line). */
    public void setShown(int votes) {
        shown = Math.max(1, votes);
        redraw();
    }

    /**
     * Only the ledgers: no layer choice, no softmax bars, no answer line (the guided lesson shows
     * softmax and the answer on its next step, and needs the height).
     */
    public void setLedgersOnly(boolean on) {
        ledgersOnly = on;
        for (javafx.scene.Node n : new javafx.scene.Node[] {bar, answer}) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        redraw();
    }

    private void space() {
        bar.setSpacing(Theme.px(0.5));
        setSpacing(Theme.px(0.6));
        setPadding(new Insets(Theme.px(0.8)));
    }

    /** The ledger of class {@code k} as printed now (for tests and the accessible text). */
    public PrintedLedger printed(int k) {
        return PrintedLedger.of(ledger.forClass(k), shown, session.format(), session.fractionDivisor());
    }

    private void redraw() {
        if (layer < 0) {
            return;
        }
        ledger = session.tracer().votes(session.snapshot(), layer);
        ValueFormat f = session.format();
        List<ClassVotes> classes = ledger.classes();
        double em = Theme.em();
        double rowH = Theme.px(1.6);
        double avail = getWidth() > 0 ? getWidth() - 2 * em : Theme.px(60);
        // many classes: the ledgers of the likeliest (the winner first); up to 10 bars, in class order when they all fit
        List<ClassVotes> likeliest = new ArrayList<>(classes);
        likeliest.sort(java.util.Comparator.comparingDouble((ClassVotes c) -> -c.probability())
                .thenComparingInt(ClassVotes::index));
        List<PrintedLedger> printed = new ArrayList<>();
        double colW = 0;
        for (ClassVotes c : likeliest.subList(0, Math.min(4, likeliest.size()))) {
            PrintedLedger p = PrintedLedger.of(c, shown, f, session.fractionDivisor());
            printed.add(p);
            colW = Math.max(colW, columnWidth(c, p));
        }
        int shownClasses = Math.max(1, Math.min(printed.size(), (int) (avail / colW)));
        List<ClassVotes> ledgers = classes.size() <= shownClasses ? classes : likeliest.subList(0, shownClasses);
        List<ClassVotes> bars = classes.size() <= BARS ? classes : likeliest.subList(0, BARS);
        int barRows = bars.size() + (classes.size() > BARS ? 1 : 0);
        note.setText(ledgers.size() < classes.size() ? "Ledgers of the " + ledgers.size() + " likeliest of "
                + classes.size() + " classes, the winner first; each lists its " + shown + " largest votes." : "");
        note.setManaged(!note.getText().isEmpty());
        int rows = Math.min(shown, classes.get(0).votes().size());
        double ledgerH = Theme.px(3.6) + (rows + 4) * rowH;
        double barW = Math.max(Theme.px(8), Math.min(Theme.px(24), avail - Theme.px(22)));
        ledgerCanvas.setWidth(Math.max(shownClasses * colW + em, Theme.px(22) + barW));
        ledgerCanvas.setHeight(ledgersOnly ? ledgerH : ledgerH + Theme.px(2.4) + barRows * rowH * 1.2);
        GraphicsContext g = ledgerCanvas.getGraphicsContext2D();
        g.clearRect(0, 0, ledgerCanvas.getWidth(), ledgerCanvas.getHeight());
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < ledgers.size(); k++) {
            ClassVotes c = ledgers.get(k);
            drawLedger(g, c, PrintedLedger.of(c, shown, f, session.fractionDivisor()), k * colW, colW - em, rowH);
        }
        // logits are sums of floats, not ninths: rounded, never cut (0.99999994 shows 1.00)
        if (!ledgersOnly) {
            drawBars(g, ledgerH + Theme.px(0.8), bars, classes.size() - bars.size(), ValueFormat.decimals(), barW, rowH * 1.2);
        }
        ClassVotes best = classes.get(ledger.winner());
        answer.setText("The answer: " + best.label() + " (" + pct(best.probability()) + ")");
        StringBuilder a11y = new StringBuilder("Vote ledger.");
        for (ClassVotes c : classes) {
            a11y.append(' ').append(c.label()).append(": logit ").append(ValueFormat.decimals().decimal(c.logit())).append(", probability ")
                    .append(pct(c.probability())).append('.');
        }
        ledgerCanvas.setAccessibleText(a11y.toString());
    }

    /** The width one class's ledger needs at the current scale: its longest lines, measured. */
    private double columnWidth(ClassVotes c, PrintedLedger p) {
        double products = 0;
        double totals = 0;
        for (PrintedLedger.Row r : p.rows()) {
            products = Math.max(products, width(r.product(), Theme.mono(1)));
            totals = Math.max(totals, width(r.running(), Theme.mono(1)));
        }
        double rows = Theme.px(BAR_EMS + 0.5) + products + Theme.px(1.5) + totals;
        double head = Theme.px(BAR_EMS + 0.5) + width(HEADING, Theme.font(0.9)) + Theme.px(1.5) + width(RUNNING, Theme.font(0.9));
        double foot = Math.max(width(restLine(p), Theme.mono(1)) + Theme.px(BAR_EMS + 0.5),
                width(logitLine(p), Theme.monoBold(1)));
        double total = width(totalLine(p), Theme.mono(1)) + Theme.px(1.5) + width(p.totalWithBias(), Theme.mono(1));
        return Math.max(Math.max(rows, head), Math.max(foot, total)) + Theme.px(2);
    }

    private static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static String restLine(PrintedLedger p) {
        return "\u2026 " + p.hidden() + " more votes: " + p.hiddenSum();
    }

    private static String totalLine(PrintedLedger p) {
        return "sum of the votes" + (p.bias() == null ? "" : " + bias " + p.bias());
    }

    private static String logitLine(PrintedLedger p) {
        return "logit " + p.logit() + " (the same sum, unrounded)";
    }

    private void drawLedger(GraphicsContext g, ClassVotes c, PrintedLedger p, double x, double w, double rowH) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Theme.ACCENT);
        g.setFont(Theme.bold(1.15));
        g.fillText("Votes for " + c.label(), x, Theme.px(0.8));
        g.setFont(Theme.font(0.9));
        g.setFill(Theme.TEXT_MUTED);
        g.fillText(HEADING, x + Theme.px(BAR_EMS + 0.5), Theme.px(2.3));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(RUNNING, x + w, Theme.px(2.3));
        g.setTextAlign(TextAlignment.LEFT);
        double max = 1e-9;
        for (Vote v : c.votes()) {
            max = Math.max(max, Math.abs(v.product()));
        }
        g.setFont(Theme.mono(1));
        double text = x + Theme.px(BAR_EMS + 0.5);
        double y = Theme.px(3.6) + rowH / 2;
        for (int i = 0; i < p.rows().size(); i++) {
            PrintedLedger.Row r = p.rows().get(i);
            double barW = Theme.px(BAR_EMS) * Math.abs(c.votes().get(i).product()) / max;
            g.setFill(r.against() ? Theme.NEGATIVE : Theme.POSITIVE);
            g.fillRect(x, y - rowH * 0.35, barW, rowH * 0.7);
            g.setFill(Theme.TEXT);
            g.fillText(r.product(), text, y);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(r.running(), x + w, y);
            g.setTextAlign(TextAlignment.LEFT);
            y += rowH;
        }
        if (p.hidden() > 0) {
            g.setFill(Theme.TEXT_MUTED);
            g.fillText(restLine(p), text, y);
            y += rowH;
        }
        g.setStroke(Theme.LINES);
        g.strokeLine(x, y - rowH / 2, x + w, y - rowH / 2);
        g.setFill(Theme.TEXT);
        g.fillText(totalLine(p), x, y);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(p.totalWithBias(), x + w, y);
        g.setTextAlign(TextAlignment.LEFT);
        y += rowH;
        g.setFont(Theme.monoBold(1));
        g.fillText(logitLine(p), x, y);
    }

    private void drawBars(GraphicsContext g, double top, List<ClassVotes> rows, int hidden, ValueFormat f, double barW,
                          double rowH) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Theme.bold(1.15));
        g.setFill(Theme.ACCENT);
        g.fillText("Softmax: the votes as probabilities", 0, top);
        g.setFont(Theme.font(1));
        double labelW = Theme.px(7);
        double y = top + rowH * 1.3;
        int winner = ledger.winner();
        for (ClassVotes c : rows) {
            g.setFill(Theme.TEXT);
            g.fillText(c.label(), 0, y, labelW - Theme.px(0.5));
            g.setFill(Theme.EMPTY);
            g.fillRect(labelW, y - rowH * 0.38, barW, rowH * 0.76);
            g.setFill(c.index() == winner ? Theme.WINNER : Theme.LINES);
            g.fillRect(labelW, y - rowH * 0.38, barW * c.probability(), rowH * 0.76);
            g.setFill(Theme.TEXT);
            g.fillText(pct(c.probability()) + "  (logit " + f.decimal(c.logit()) + ")", labelW + barW + Theme.px(0.6), y);
            y += rowH;
        }
        if (hidden > 0) {
            g.setFill(Theme.TEXT_MUTED);
            g.fillText("\u2026 " + hidden + " more, less likely", 0, y);
        }
    }

    private static String pct(float p) {
        return String.format("%.1f%%", 100.0 * p);
    }
}
