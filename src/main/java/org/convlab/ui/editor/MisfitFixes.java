package org.convlab.ui.editor;

import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.model.ConvSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.SummaryReport;

/**
 * Looks for a setting that makes a misfit conv or pool layer fit (or a transposed conv whose
 * padding cuts away its whole output: the largest padding that leaves some), by asking the model package's
 * shape inference about nearby settings: first another stride (the nearest below, then above),
 * then more padding at the same stride. The editor computes no sizes itself.
 */
final class MisfitFixes {
    private static final int MAX_PADDING = 5;

    private MisfitFixes() {}

    /** A setting that fits: apply it with {@code EditorModel.set(field, value)}; {@code text} says what it gives. */
    record Fix(String field, String value, String text) {}

    /** A suggestion ("stride 2 fits: output 3x3x6") or null when none is found. */
    static Fix suggest(Shape in, LayerSpec layer) {
        if (layer instanceof ConvSpec c) {
            return suggest(in, strideCandidates(c.stride()).stream().map(s -> (LayerSpec) conv(c, s, c.padding())).toList(),
                    strideCandidates(c.stride()), paddings(c.kernelHeight()).stream().map(p -> (LayerSpec) conv(c, c.stride(), p)).toList());
        }
        if (layer instanceof PoolSpec p) {
            List<LayerSpec> byStride = strideCandidates(p.stride()).stream()
                    .map(s -> (LayerSpec) new PoolSpec(p.name(), p.kind(), p.windowHeight(), p.windowWidth(), s, p.padding(), p.ceil()))
                    .toList();
            List<LayerSpec> byPadding = new ArrayList<>();
            for (Padding pad : paddings(p.windowHeight())) {
                try {
                    byPadding.add(new PoolSpec(p.name(), p.kind(), p.windowHeight(), p.windowWidth(), p.stride(), pad, p.ceil()));
                } catch (UserInputException e) {
                    // pool padding is limited to half the window: skip the rest
                }
            }
            return suggest(in, byStride, strideCandidates(p.stride()), byPadding);
        }
        if (layer instanceof org.convlab.model.ConvTransposeSpec t) {
            return lessCut(in, t);
        }
        if (layer instanceof org.convlab.model.DenseSpec d && d.weight() != null && d.weight().shape()[1] != in.size()) {
            // stored weights (preset:xo's votes) made for another input size: setting units drops them
            return new Fix("units", Integer.toString(d.units()), "drop the stored weights (made for " + d.weight().shape()[1]
                    + " inputs, not " + in.size() + "): new ones are drawn from the seed");
        }
        return null;
    }

    /** A transposed conv misfits when its padding cuts away the whole output: the largest padding that leaves some. */
    private static Fix lessCut(Shape in, org.convlab.model.ConvTransposeSpec t) {
        int[] pad = t.resolvedPadding();
        for (int p = Math.max(pad[0], pad[1]) - 1; p >= 0; p--) {
            LayerInfo fit = fit(in, new org.convlab.model.ConvTransposeSpec(t.name(), t.filters(), t.kernelHeight(),
                    t.kernelWidth(), t.stride(), Padding.of(Math.min(p, pad[0]), Math.min(p, pad[1])), t.outputPadRows(),
                    t.outputPadCols(), t.dilation(), t.bias(), t.weight(), t.biasData()));
            if (fit != null) {
                return new Fix("padding", Integer.toString(p), "padding " + p + " fits: output " + SummaryReport.shape(fit.output()));
            }
        }
        return null;
    }

    private static Fix suggest(Shape in, List<LayerSpec> byStride, List<Integer> strides, List<LayerSpec> byPadding) {
        for (int i = 0; i < byStride.size(); i++) {
            LayerInfo fit = fit(in, byStride.get(i));
            if (fit != null) {
                return new Fix("stride", Integer.toString(strides.get(i)),
                        "stride " + strides.get(i) + " fits: output " + SummaryReport.shape(fit.output()));
            }
        }
        for (LayerSpec l : byPadding) {
            LayerInfo fit = fit(in, l);
            if (fit != null) {
                return new Fix("padding", Integer.toString(fit.padding()[0]),
                        "padding " + fit.padding()[0] + " fits: output " + SummaryReport.shape(fit.output()));
            }
        }
        return null;
    }

    /** The nearest strides first: s-1, s+1, s-2, s+2, ... within 1..2s. */
    static List<Integer> strideCandidates(int stride) {
        List<Integer> out = new ArrayList<>();
        for (int d = 1; d <= stride; d++) {
            if (stride - d >= 1) {
                out.add(stride - d);
            }
            out.add(stride + d);
        }
        return out;
    }

    private static List<Padding> paddings(int kernel) {
        List<Padding> out = new ArrayList<>();
        for (int p = 1; p <= Math.min(MAX_PADDING, kernel); p++) {
            out.add(Padding.of(p));
        }
        return out;
    }

    private static ConvSpec conv(ConvSpec c, int stride, Padding padding) {
        return new ConvSpec(c.name(), c.filters(), c.kernelHeight(), c.kernelWidth(), stride, padding, c.dilation(),
                c.bias(), c.normalize(), c.weight(), c.biasData(), c.floor());
    }

    private static LayerInfo fit(Shape in, LayerSpec layer) {
        List<LayerInfo> infos = StackAnalysis.tryInfer(in, List.of(layer));
        return infos == null ? null : infos.get(0);
    }
}
