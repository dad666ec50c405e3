package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.convlab.engine.ConvGeometry;
import org.convlab.trace.ChannelSum;
import org.convlab.trace.ConvStep;
import org.convlab.trace.SumText;
import org.convlab.trace.ValueFormat;

/**
 * The convolution step's arithmetic beside the maps: where the window is, the products added up
 * (one line per input channel), the channels' total, then {@code / 9} or {@code + bias}, the
 * output's size formula and the slides' rounding note. Ids: {@code #convWhere}, {@code #convSums},
 * {@code #convSum}, {@code #convTotal}, {@code #convFinish}, {@code #convFormula}.
 */
final class ConvArithmetic extends VBox {
    private final VBox sums = new VBox(2);
    private final List<Label> sumLines = new ArrayList<>();
    private final Label total = new Label();
    private final Label finish = new Label();
    private final Label where = new Label();
    private final Label note = new Label();
    private final Label formula = new Label();

    ConvArithmetic() {
        super(4);
        sums.setId("convSums");
        for (int k = 0; k < 7; k++) {
            Label line = new Label();
            line.getStyleClass().add("stepper-math");
            line.setWrapText(true);
            sumLines.add(line);
        }
        sumLines.get(0).setId("convSum");
        sums.getChildren().setAll(sumLines);
        total.setId("convTotal");
        finish.setId("convFinish");
        where.setId("convWhere");
        where.setWrapText(true);
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        formula.setId("convFormula");
        formula.getStyleClass().add("caption");
        formula.setWrapText(true);
        for (Label l : List.of(total, finish)) {
            l.getStyleClass().add("stepper-math");
            l.setWrapText(true);
        }
        finish.getStyleClass().add("stepper-result");
        getChildren().addAll(where, sums, total, finish, formula, note);
        setPadding(new Insets(4, 0, 4, 0));
    }

    /** The output's size formula (and what a floor drops), from the model's shape inference. */
    void setFormula(String text) {
        formula.setText(text);
    }

    /** Writes out {@code step} of a conv with geometry {@code g}, channel {@code c} in full. */
    void show(ConvStep step, ConvGeometry g, int c, ValueFormat f, boolean slidesConvention) {
        where.setText("Output row " + step.outRow() + ", column " + step.outCol() + ": window from input row "
                + step.windowTop() + ", column " + step.windowLeft() + " (stride " + g.stride() + ", dilation "
                + g.dilation() + ")");
        // a fixed set of labels, shown or hidden: adding nodes during a layout pass could leave them unlaid
        int shownChannels = Math.min(step.channels().size(), sumLines.size() - 1);
        for (int k = 0; k < sumLines.size(); k++) {
            Label line = sumLines.get(k);
            boolean used = k <= shownChannels && (k < shownChannels || step.channels().size() > shownChannels);
            line.setVisible(used);
            line.setManaged(used);
            if (k < shownChannels) {
                ChannelSum cs = step.channels().get(k);
                // many channels of large windows: the products written out for the channel shown, partial sums for the rest
                boolean brief = step.channels().size() > 1 && k != c && cs.terms().size() > 9;
                line.setText((step.channels().size() > 1 ? "channel " + k + ":  " : "")
                        + (brief ? "the " + cs.terms().size() + " products add up to " + f.term(cs.partialSum())
                        : SumText.channel(cs, f)));
            } else if (used) {
                line.setText("... " + (step.channels().size() - shownChannels) + " more channels");
            }
        }
        total.setVisible(step.channels().size() > 1);
        total.setManaged(step.channels().size() > 1);
        total.setText("sum of the channels:  " + SumText.total(step, f));
        finish.setText(SumText.finish(step, f));
        note.setText(slidesConvention && !f.showsFractions()
                ? "Values are cut to 2 decimals, as the slides print them (5/9 = 0.555... shows 0.55)."
                : "");
        // in presentation mode the teacher says it; the room needs the height for the numbers
        note.setVisible(!note.getText().isEmpty() && !org.convlab.ui.Theme.presenting());
        note.setManaged(note.isVisible());
        // the plain size formula too (the summary has it); a floor that drops rows is always said
        formula.setVisible(!org.convlab.ui.Theme.presenting() || formula.getText().contains("floor"));
        formula.setManaged(formula.isVisible());
    }
}
