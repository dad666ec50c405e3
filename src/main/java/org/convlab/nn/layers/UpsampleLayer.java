package org.convlab.nn.layers;

import org.convlab.engine.Shape;
import org.convlab.engine.Upsample;
import org.convlab.engine.UpsampleGeometry;
import org.convlab.engine.UpsampleReference;
import org.convlab.model.UpsampleSpec;

/** Upsampling by a whole factor, nearest or bilinear (PyTorch's nn.Upsample, align_corners=False); no parameters. */
public final class UpsampleLayer extends Layer {
    private final UpsampleSpec spec;
    private UpsampleGeometry geometry;

    UpsampleLayer(UpsampleSpec spec, Shape in, Shape out, Context ctx) {
        super(spec, in, out, ctx);
        this.spec = spec;
    }

    public UpsampleGeometry geometry() {
        return geometry;
    }

    @Override
    protected void onBatch(int batch) {
        geometry = new UpsampleGeometry(batch, in.channels(), in.height(), in.width(), spec.scale(),
                spec.mode() == UpsampleSpec.Mode.BILINEAR);
    }

    @Override
    public void forward(float[] x, boolean training) {
        if (ctx.reference()) {
            UpsampleReference.forward(y, x, geometry);
        } else {
            Upsample.forward(y, x, geometry);
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        if (dX == null) {
            return;
        }
        if (ctx.reference()) {
            UpsampleReference.backward(dX, dY, geometry);
        } else {
            Upsample.backward(dX, dY, geometry);
        }
    }
}
