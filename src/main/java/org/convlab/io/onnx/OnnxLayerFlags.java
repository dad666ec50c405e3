package org.convlab.io.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.convlab.model.ConvSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;

/**
 * Two switches of a ConvLab layer that an ONNX graph cannot show when they change nothing: a
 * conv's {@code floor} (ONNX always floors) and a pool's {@code ceil} where ceil and floor give
 * the same size (the exporter then writes ceil_mode 0, which every runtime agrees on). The
 * exporter lists the layers that have them on in metadata_props ({@code convlab.floor},
 * {@code convlab.ceil}, JSON arrays of layer names), and the importer turns them back on, so an
 * export followed by an import gives back the model file itself, not just its numbers.
 */
final class OnnxLayerFlags {
    static final String FLOOR = "convlab.floor";
    static final String CEIL = "convlab.ceil";

    private OnnxLayerFlags() {}

    /** Names of the convs with floor on, at any depth, in order. */
    static List<String> floorOn(List<LayerSpec> layers) {
        List<String> names = new ArrayList<>();
        visit(layers, l -> {
            if (l instanceof ConvSpec c && c.floor()) {
                names.add(c.name());
            }
        });
        return names;
    }

    /** Names of the pools with ceil on, at any depth, in order. */
    static List<String> ceilOn(List<LayerSpec> layers) {
        List<String> names = new ArrayList<>();
        visit(layers, l -> {
            if (l instanceof PoolSpec p && p.ceil()) {
                names.add(p.name());
            }
        });
        return names;
    }

    /** {@code layers} with floor turned on for the convs in {@code floor} and ceil for the pools in {@code ceil}. */
    static List<LayerSpec> restore(List<LayerSpec> layers, Set<String> floor, Set<String> ceil) {
        List<LayerSpec> out = new ArrayList<>(layers.size());
        for (LayerSpec l : layers) {
            out.add(restore(l, floor, ceil));
        }
        return out;
    }

    private static LayerSpec restore(LayerSpec l, Set<String> floor, Set<String> ceil) {
        if (l instanceof ConvSpec c && floor.contains(c.name())) {
            return c.withFloor(true);
        }
        if (l instanceof PoolSpec p && ceil.contains(p.name())) {
            return p.withCeil(true);
        }
        if (l instanceof InceptionSpec i) {
            List<List<LayerSpec>> branches = new ArrayList<>();
            for (List<LayerSpec> b : i.branches()) {
                branches.add(restore(b, floor, ceil));
            }
            return new InceptionSpec(i.name(), branches);
        }
        if (l instanceof ResidualSpec r) {
            return new ResidualSpec(r.name(), restore(r.branch(), floor, ceil), r.projection(),
                    r.skip() == null ? null : restore(r.skip(), floor, ceil));
        }
        return l;
    }

    private static void visit(List<LayerSpec> layers, java.util.function.Consumer<LayerSpec> action) {
        for (LayerSpec l : layers) {
            action.accept(l);
            if (l instanceof InceptionSpec i) {
                i.branches().forEach(b -> visit(b, action));
            } else if (l instanceof ResidualSpec r) {
                visit(r.branch(), action);
                if (r.skip() != null) {
                    visit(r.skip(), action);
                }
            }
        }
    }
}
