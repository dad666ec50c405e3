package org.convlab.ui.stepper;

import java.util.List;
import java.util.Locale;
import org.convlab.engine.PoolGeometry;
import org.convlab.engine.Shape;
import org.convlab.trace.backward.BackwardTracer;
import org.convlab.trace.backward.GradientTrace;
import org.convlab.trace.backward.LossGradient;
import org.convlab.trace.backward.PoolRouting;
import org.convlab.trace.backward.ReluGate;

/**
 * The sentences of the lesson's backward steps, made from one {@link BackwardTracer} of the
 * current input against its true class: nothing typed in, so a flipped pixel or another input
 * changes the words with the views. Gradients print as the Backward tab prints them
 * ({@link BackwardPart#num}, 3 significant digits); pooled activations follow the session's
 * fractions switch (7/9), since they are exact; anything that passed through softmax is not.
 */
final class LessonBackwardNumbers {
    /** Said once per step when fractions are on. */
    static final String NOT_A_FRACTION = " (p comes from e^x, so it is not a fraction: gradients print as decimals.)";

    private final StepperSession session;
    private final BackwardTracer t;
    private final int relu;
    private final int pool;
    private final int dense;

    LessonBackwardNumbers(StepperSession session, BackwardTracer tracer, int relu, int pool, int dense) {
        this.session = session;
        this.t = tracer;
        this.relu = relu;
        this.pool = pool;
        this.dense = dense;
    }

    /** The class the backward steps want the net surer of: the lesson input's true class (the net's answer for a drawn input). */
    static int label(StepperSession session, LessonInputs inputs) {
        List<String> classes = session.classes();
        int chosen = inputs.chosen();
        if (chosen < 0) {
            float[] p = session.snapshot().probabilities();
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            return best;
        }
        return Math.max(0, classes.indexOf(chosen == 2 ? "O" : "X"));
    }

    BackwardTracer tracer() {
        return t;
    }

    int label() {
        return t.label();
    }

    private String className(int k) {
        return session.classes().get(k);
    }

    private String note() {
        return session.fractionsProperty().get() ? NOT_A_FRACTION : "";
    }

    /** A pooled (or ReLU) activation: a whole number of ninths, "7/9" with fractions on. */
    String activation(float v) {
        return Grids.ratioText(v, session.fractionDivisor(), session.format());
    }

    static String num(float v) {
        return BackwardPart.num(v);
    }

    /** The loss step. */
    String lossSentence() {
        LossGradient g = t.loss();
        float[] p = g.probabilities();
        int y = g.label();
        int answer = 0;
        for (int k = 1; k < p.length; k++) {
            answer = p[k] > p[answer] ? k : answer;
        }
        StringBuilder b = new StringBuilder();
        b.append(answer == y ? "The net said " + className(y) + ", " + percent(p[y]) + " sure. What if we want it surer?"
                : "The net said " + className(answer) + ", but this is an " + className(y) + ". What if we want it right?");
        b.append(" Measure how far from sure it is: the loss L = -ln p = -ln ").append(num(p[y])).append(" = ")
                .append(num(g.loss())).append(" (0 only when p = 1). Backpropagation starts at dL/dlogit = p - y, with y the"
                + " one-hot label:");
        float[] d = g.logitGradient();
        for (int k = 0; k < p.length; k++) {
            b.append(k == 0 ? " " : ", ").append(className(k)).append(' ').append(num(p[k])).append(" - ")
                    .append(g.target(k)).append(" = ").append(num(d[k]));
        }
        return b.append('.').append(note()).toString();
    }

    private static String percent(float p) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * p);
    }

    /** The pooled value j of the votes' input, named: "the diagonal map's (1, 2)". */
    String pooledName(int j) {
        Shape s = t.network().layers().get(pool).outputShape();
        int plane = s.height() * s.width();
        int f = j / plane;
        return "the " + LessonPictures.name(f) + " map's (" + (j % plane) / s.width() + ", " + j % s.width() + ")";
    }

    /** The votes step. */
    String voteSentence() {
        float[] x = t.layerInput(dense);
        float[] up = t.upstream(dense);
        int y = t.label();
        int biggest = 0;
        int zeros = 0;
        for (int j = 0; j < x.length; j++) {
            biggest = Math.abs(x[j]) > Math.abs(x[biggest]) ? j : biggest;
            zeros += x[j] == 0 ? 1 : 0;
        }
        StringBuilder b = new StringBuilder("Each vote's gradient is dL/dw = x \u00D7 dL/dy: its pooled value times its"
                + " class's dL/dlogit. Learning moves every weight against its gradient (w \u2190 w - lr \u00B7 dL/dw).");
        for (int k = 0; k < up.length; k++) {
            b.append(" For ").append(className(k)).append(", dL/dy = ").append(num(up[k])).append(up[k] < 0
                    ? ", negative: the " + className(k) + " votes of the lit pooled values get stronger."
                    : up[k] > 0 ? ", positive: the " + className(k) + " votes get weaker." : ": no change.");
        }
        int ties = 0;
        for (float v : x) {
            ties += v == x[biggest] ? 1 : 0;
        }
        b.append(" The largest pooled value").append(ties > 1 ? "s (" + ties + " of them, " : " (")
                .append(pooledName(biggest)).append(ties > 1 ? " first)" : ")").append(" = ").append(activation(x[biggest]))
                .append(": ").append(activation(x[biggest])).append(" \u00D7 ").append(num(up[y])).append(" = ")
                .append(num(t.dense(dense).weightGradient(y, biggest))).append(" for the ").append(className(y))
                .append(" vote.").append(zeros == 0 ? " No pooled value is 0, so every vote moves."
                        : " " + zeros + " of the " + x.length + " pooled values are 0: their votes do not change.");
        return b.append(note()).toString();
    }

    /**
     * The conv weight the weight-sharing step shows, {filter, row, col} (channel 0): the one with
     * the largest gradient, the weight whose change would change the loss the most.
     */
    int[] weight() {
        var g = ((org.convlab.nn.layers.ConvLayer) t.network().layers().get(0)).geometry();
        int[] best = {0, 0, 0};
        float most = -1;
        for (int f = 0; f < g.outChannels(); f++) {
            for (int r = 0; r < g.kernelHeight(); r++) {
                for (int c = 0; c < g.kernelWidth(); c++) {
                    float v = Math.abs(t.convWeight(0, f, 0, r, c).value());
                    if (v > most) {
                        most = v;
                        best = new int[] {f, r, c};
                    }
                }
            }
        }
        return best;
    }

    /** The pooled window (row, col) of the weight's feature whose gradient is the largest. */
    int[] busiestWindow() {
        PoolRouting r = t.pool(pool);
        PoolGeometry g = r.geometry();
        int f = weight()[0];
        float[] up = r.upstream();
        int best = f * g.outPlane();
        for (int o = f * g.outPlane(); o < (f + 1) * g.outPlane(); o++) {
            best = Math.abs(up[o]) > Math.abs(up[best]) ? o : best;
        }
        int in = best - f * g.outPlane();
        return new int[] {in / g.outWidth(), in % g.outWidth()};
    }

    /** The pooling step. */
    String poolSentence() {
        PoolRouting r = t.pool(pool);
        PoolGeometry g = r.geometry();
        int f = weight()[0];
        java.util.Set<Integer> cells = new java.util.TreeSet<>();
        for (int o = f * g.outPlane(); o < (f + 1) * g.outPlane(); o++) {
            cells.add(r.winner()[o]);
        }
        int[] w = busiestWindow();
        int o = f * g.outPlane() + w[0] * g.outWidth() + w[1];
        int win = r.winner()[o] - f * g.inPlane();
        return "Going down, each pooled value's gradient goes back through its 2 x 2 window to the cell that won the"
                + " max; the other cells get 0, since nudging them would not change the max. In the "
                + LessonPictures.name(f) + " map " + g.outPlane() + " windows send their gradient to " + cells.size()
                + " of the " + g.inPlane() + " cells (ties: the first in reading order). Outlined: window (" + w[0] + ", "
                + w[1] + "), won by " + activation(r.input()[r.winner()[o]]) + " at (" + win / g.inWidth() + ", "
                + win % g.inWidth() + "), which gets dL/dy = " + num(r.upstream()[o]) + "." + note();
    }

    /** The ReLU step. */
    String reluSentence() {
        ReluGate gate = t.relu(relu);
        Shape s = gate.shape();
        int f = weight()[0];
        float[] up = gate.upstream();
        int positive = 0;
        int received = 0;
        int pass = 0;
        for (int i = f * s.plane(); i < (f + 1) * s.plane(); i++) {
            positive += gate.open(i) ? 1 : 0;
            received += up[i] != 0 ? 1 : 0;
            pass += up[i] != 0 && gate.open(i) ? 1 : 0;
        }
        return "ReLU's gate: the gradient passes where the map's value was positive and stops where ReLU made it 0 "
                + "(a value clipped to 0 does not move the answer). In the " + LessonPictures.name(f) + " map " + positive
                + " of the " + s.plane() + " values were positive; of the " + received + " cells that got a gradient from"
                + " pooling, " + pass + " pass it on to the convolution." + note();
    }

    /** The weight-sharing step. */
    String weightSentence() {
        int[] w = weight();
        GradientTrace g = t.convWeight(0, w[0], 0, w[1], w[2]);
        return "Weight sharing: one feature weight is used in every window, so its gradient is the sum over all of them."
                + " Take the " + LessonPictures.name(w[0]) + " feature's weight at row " + w[1] + ", column " + w[2]
                + " (w[" + w[0] + "][0][" + w[1] + "][" + w[2] + "]): of all 27 it has the largest gradient, so changing it"
                + " changes the loss most. It touched the input in " + g.terms().size() + " windows: the sum of "
                + g.terms().size() + " products pixel \u00D7 dL/dy, then / " + g.divisor() + " as the forward pass divided: ("
                + num(g.sum()) + ")/" + g.divisor() + " = " + num(g.value()) + ". Step back through the windows to watch"
                + " the sum grow." + note();
    }
}
