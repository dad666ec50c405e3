package org.convlab.ui.stepper;

import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import org.convlab.trace.backward.LossGradient;

/**
 * Where backpropagation starts: for each class the probability p, the one-hot label y and
 * {@code dL/dlogit = p - y}, with the loss {@code L = -ln p[label]}. Ids: {@code #backLossTable},
 * {@code #backLossValue}, cells {@code #backLossGrad0}, {@code #backLossGrad1}...
 */
final class BackwardLossView extends BackwardPart {
    private final GridPane table = new GridPane();
    private final Label value = math("backLossValue");
    private final Label note = math("backLossNote");

    BackwardLossView(StepperSession session) {
        super(session);
        table.setId("backLossTable");
        table.setHgap(org.convlab.ui.Theme.px(1.5));
        table.setVgap(org.convlab.ui.Theme.px(0.3));
        getChildren().addAll(value, table, note);
    }

    @Override
    void redraw() {
        if (tracer() == null) {
            return;
        }
        LossGradient g = tracer().loss();
        List<String> classes = g.classes();
        float[] p = g.probabilities();
        float[] d = g.logitGradient();
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        // short heads, so that the table fits the step-through between the side panels at 1024 x 768
        String[] heads = {"class", "p", "y", "dL/dlogit = p - y"};
        for (int col = 0; col < heads.length; col++) {
            Label h = new Label(heads[col]);
            h.getStyleClass().add("section-title");
            table.add(h, col, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(col == 0 ? HPos.LEFT : HPos.RIGHT);
            cc.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            table.getColumnConstraints().add(cc);
        }
        int rows = Math.min(classes.size(), 100);
        for (int k = 0; k < rows; k++) {
            Label name = new Label(classes.get(k) + (k == g.label() ? "  (label)" : ""));
            Label prob = cellLabel(num(p[k]));
            Label y = cellLabel(Integer.toString(g.target(k)));
            Label grad = cellLabel(num(p[k]) + " - " + g.target(k) + " = " + num(d[k]));
            grad.setId("backLossGrad" + k);
            table.addRow(k + 1, name, prob, y, grad);
        }
        value.setText("L = -ln p[" + classes.get(g.label()) + "] = -ln " + num(p[g.label()]) + " = " + num(g.loss()));
        note.setText("p is the probability softmax gives each class, y the one-hot label (1 for the label, 0 for the"
                + " rest). Softmax and cross-entropy together have this simple gradient: the probability of each class,"
                + " minus 1 for the label. A negative dL/dlogit means \"raise this logit\": gradient descent moves"
                + " against the gradient."
                + (session.format().showsFractions() && session.fractionDivisor() > 1
                        ? " (Fractions are on, but p comes from e^x, so p and every gradient below it are decimals;"
                                + " the forward values stay exact.)" : ""));
    }

    private static Label cellLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stepper-math");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
