package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.convlab.trace.backward.DenseGradLedger;
import org.convlab.ui.Theme;

/**
 * The lesson's votes' gradients: the Backward tab's ledger {@code dL/dw = x * dL/dy}, cut to the
 * pooled values that count most (the largest first, as the forward votes step lists
 * {@link XoLessonSequence#LEDGER_ROWS} rows), both classes side by side, so the step fits one
 * screen; the rest are summed up in one line. Id: {@code #lessonVoteGrads}.
 */
final class LessonVoteGradients extends VBox {
    private final StepperSession session;
    private final Supplier<LessonBackwardNumbers> numbers;
    private final Label ledger = BackwardPart.math("lessonVoteGrads");

    LessonVoteGradients(StepperSession session, Supplier<LessonBackwardNumbers> numbers, LessonRoom room) {
        this.session = session;
        this.numbers = numbers;
        ledger.setWrapText(false);
        ledger.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ledger.getStyleClass().add("lesson-ledger");
        getChildren().add(ledger);
        setSpacing(Theme.px(0.4));
        session.snapshotProperty().addListener((o, a, b) -> {
            if (getScene() != null) {
                redraw();
            }
        });
        session.fractionsProperty().addListener((o, a, b) -> redraw());
    }

    void redraw() {
        LessonBackwardNumbers n = numbers.get();
        int dense = n.tracer().network().layers().size() - 1;
        while (!(n.tracer().network().layers().get(dense) instanceof org.convlab.nn.layers.DenseLayer)) {
            dense--;
        }
        DenseGradLedger d = n.tracer().dense(dense);
        float[] x = d.input();
        float[] up = d.upstream();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(x[j])).thenComparingInt(j -> j));
        int shown = Math.min(XoLessonSequence.LEDGER_ROWS + 1, x.length);
        StringBuilder b = new StringBuilder("dL/dy:");
        for (int k = 0; k < up.length; k++) {
            b.append("  ").append(session.classes().get(k)).append(' ').append(BackwardPart.num(up[k]));
        }
        b.append('\n').append(String.format("%-18s %5s", "pooled value", "x"));
        for (int k = 0; k < up.length; k++) {
            b.append(String.format("  %-10s", "dL/dw[" + session.classes().get(k) + "]"));
        }
        b.append('\n');
        for (int i = 0; i < shown; i++) {
            int j = order.get(i);
            String name = n.pooledName(j).replaceFirst("^the ", "").replace(" map's", "");
            b.append(String.format("%-18s %5s", name, n.activation(x[j])));
            for (int k = 0; k < up.length; k++) {
                b.append(String.format("  %-10s", BackwardPart.num(d.weightGradient(k, j))));
            }
            b.append('\n');
        }
        int zeros = 0;
        for (float v : x) {
            zeros += v == 0 ? 1 : 0;
        }
        b.append("... ").append(x.length - shown).append(" more").append(zeros == 0 ? ", none of them 0"
                : ", " + zeros + " of them 0 (their votes stay)");
        ledger.setText(b.toString());
    }
}
