package org.convlab.ui.editor;

import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.SummaryReport;

/** The short texts on a card: key settings in the slides' notation ({@code conv 6@5x5 s1 same}) and counts. */
public final class LayerText {
    private LayerText() {}

    public static String settings(LayerSpec l) {
        if (l instanceof ConvSpec c) {
            return "conv " + c.filters() + "@" + c.kernelHeight() + "x" + c.kernelWidth() + " s" + c.stride() + " "
                    + padding(c.padding()) + (c.dilation() > 1 ? " d" + c.dilation() : "") + (c.normalize() ? " norm" : "");
        }
        if (l instanceof PoolSpec p) {
            return p.type() + " " + p.windowHeight() + "x" + p.windowWidth() + " s" + p.stride()
                    + (p.padding().kind() == org.convlab.model.Padding.Kind.VALID ? "" : " " + padding(p.padding()))
                    + (p.ceil() ? " ceil" : "");
        }
        if (l instanceof org.convlab.model.ConvTransposeSpec t) {
            boolean a = t.outputPadRows() != 0 || t.outputPadCols() != 0;
            return "convT " + t.filters() + "@" + t.kernelHeight() + "x" + t.kernelWidth() + " s" + t.stride() + " "
                    + padding(t.padding()) + (a ? " a" + (t.outputPadRows() == t.outputPadCols() ? Integer.toString(t.outputPadRows())
                    : t.outputPadRows() + "x" + t.outputPadCols()) : "") + (t.dilation() > 1 ? " d" + t.dilation() : "")
                    + (t.bias() ? "" : " no bias");
        }
        if (l instanceof org.convlab.model.UpsampleSpec u) {
            return "upsample x" + u.scale() + " " + u.mode().text();
        }
        if (l instanceof DenseSpec d) {
            return "dense " + d.units() + (d.bias() ? "" : " no bias");
        }
        if (l instanceof DropoutSpec d) {
            return "dropout " + d.rate();
        }
        if (l instanceof ActivationSpec a && a.kind() == ActivationSpec.Kind.LEAKY_RELU) {
            return "leakyrelu " + a.slope();
        }
        if (l instanceof LrnSpec n) {
            return "lrn size " + n.size();
        }
        if (l instanceof BatchNormSpec) {
            return "batchnorm";
        }
        if (l instanceof InceptionSpec i) {
            return "inception, " + i.branches().size() + " branches";
        }
        if (l instanceof ResidualSpec r) {
            return "residual, " + r.branch().size() + " layers" + (r.projection() ? " + projection" : "");
        }
        return l.type();
    }

    /** valid, same, p2 (explicit: rows and columns on each side), p1x2. */
    static String padding(org.convlab.model.Padding p) {
        return switch (p.kind()) {
            case VALID -> "valid";
            case SAME -> "same";
            case EXPLICIT -> "p" + (p.rows() == p.cols() ? Integer.toString(p.rows()) : p.rows() + "x" + p.cols());
        };
    }

    /** 34,944 */
    public static String count(long n) {
        return SummaryReport.thousands(n);
    }
}
