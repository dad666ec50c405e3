package org.convlab.trace;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;
import org.convlab.model.PoolSpec;
import org.convlab.model.SoftmaxSpec;

/**
 * Which input pixels one unit sees: its window is walked back layer by layer (a conv or pool
 * output row r reads input rows r*stride - pad .. r*stride - pad + (k-1)*dilation), clipped to each
 * layer's input, since padding is not a pixel. A dense, softmax or global pool unit sees the whole
 * input; a flattened unit sees one cell. Blocks take the union of their branches.
 */
public final class ReceptiveField {
    private ReceptiveField() {}

    /**
     * @param infos   the network's top-level layer infos ({@code Network.layerInfos()})
     * @param layer   index of the layer whose output holds the unit
     * @param channel the unit's channel (the index for a flat output)
     */
    public static Region of(List<LayerInfo> infos, int layer, int channel, int row, int col) {
        LayerInfo info = infos.get(layer);
        Shape out = info.output();
        if (channel < 0 || channel >= out.channels() || row < 0 || row >= out.height() || col < 0 || col >= out.width()) {
            throw new IllegalArgumentException("unit (" + channel + ", " + row + ", " + col + ") is outside "
                    + info.name() + "'s output " + out);
        }
        Region r = new Region(row, col, row, col);
        int flatIndex = out.isFlat() ? channel : -1;
        for (int i = layer; i >= 0; i--) {
            LayerInfo l = infos.get(i);
            if (l.spec() instanceof FlattenSpec && flatIndex >= 0) {
                Shape in = l.input();
                int h = (flatIndex % in.plane()) / in.width();
                int w = flatIndex % in.width();
                r = new Region(h, w, h, w);
                flatIndex = -1;
                continue;
            }
            r = back(l, r);
            flatIndex = -1;
        }
        return r;
    }

    /** The input region of layer l that its output region r reads. */
    private static Region back(LayerInfo l, Region r) {
        Shape in = l.input();
        LayerSpec spec = l.spec();
        Region all = new Region(0, 0, in.height() - 1, in.width() - 1);
        if (spec instanceof ConvSpec c) {
            int[] p = l.padding();
            return window(r, c.stride(), c.stride(), p[0], p[1], c.kernelHeight(), c.kernelWidth(), c.dilation(), in);
        }
        if (spec instanceof PoolSpec p) {
            int[] pad = l.padding();
            return window(r, p.stride(), p.stride(), pad[0], pad[1], p.windowHeight(), p.windowWidth(), 1, in);
        }
        if (spec instanceof org.convlab.model.ConvTransposeSpec t) { // input rows whose stamps reach the region
            int[] p = l.padding();
            return new Region(Math.floorDiv(r.top() + p[0] - t.dilation() * (t.kernelHeight() - 1) + t.stride() - 1, t.stride()),
                    Math.floorDiv(r.left() + p[1] - t.dilation() * (t.kernelWidth() - 1) + t.stride() - 1, t.stride()),
                    Math.floorDiv(r.bottom() + p[0], t.stride()), Math.floorDiv(r.right() + p[1], t.stride()))
                    .clip(in.height(), in.width());
        }
        if (spec instanceof org.convlab.model.UpsampleSpec u) { // nearest: one source; bilinear: also the next one
            int s = u.scale(), next = u.mode() == org.convlab.model.UpsampleSpec.Mode.BILINEAR ? 1 : 0;
            float back = next == 1 ? 0.5f : 0f; // bilinear reads around (o + 0.5)/s - 0.5
            return new Region((int) Math.max(0, Math.floor((r.top() + 0.5f) / s - back)),
                    (int) Math.max(0, Math.floor((r.left() + 0.5f) / s - back)),
                    (int) Math.floor((r.bottom() + 0.5f) / s - back) + next,
                    (int) Math.floor((r.right() + 0.5f) / s - back) + next).clip(in.height(), in.width());
        }
        if (spec instanceof DenseSpec || spec instanceof SoftmaxSpec || spec instanceof GlobalAvgPoolSpec
                || spec instanceof FlattenSpec) {
            return all;
        }
        if (!l.branches().isEmpty()) {
            Region union = null;
            for (List<LayerInfo> branch : l.branches()) {
                Region b = r;
                for (int i = branch.size() - 1; i >= 0; i--) {
                    b = back(branch.get(i), b);
                }
                union = union == null ? b : union.union(b);
            }
            return union.clip(in.height(), in.width());
        }
        return r.clip(in.height(), in.width()); // element-wise layers keep the position
    }

    private static Region window(Region r, int strideH, int strideW, int padH, int padW, int kh, int kw, int dilation,
                                 Shape in) {
        return new Region(r.top() * strideH - padH, r.left() * strideW - padW,
                r.bottom() * strideH - padH + (kh - 1) * dilation, r.right() * strideW - padW + (kw - 1) * dilation)
                .clip(in.height(), in.width());
    }
}
