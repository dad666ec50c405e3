package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.Padding;
import org.convlab.model.ResidualSpec;
import org.convlab.model.Strides;

/**
 * Parallel branches: a tensor read by several nodes. Each branch is walked until it reaches a
 * join; all must reach the same one. An {@code Add} of two branches is a residual block: one
 * branch is the identity or a projection that fits {@link ResidualSpec}'s rule (a 1x1 conv
 * without bias whose stride is the branch's total stride, plus a batch norm exactly when the
 * branch has one: torchvision's downsample); a {@code Concat} on axis 1 is an inception block,
 * its branches in the Concat's input order.
 */
final class OnnxImportBlocks {
    private final OnnxImportWalk w;
    private final OnnxGraph g;
    private int forks;

    OnnxImportBlocks(OnnxImportWalk w) {
        this.w = w;
        this.g = w.g;
    }

    static boolean isJoin(OnnxGraph g, OnnxMl.NodeProto n) {
        return (n.getOpType().equals("Add") || n.getOpType().equals("Concat")) && g.dataInputs(n).size() >= 2;
    }

    void fork(OnnxImportWalk.Cursor c, List<OnnxMl.NodeProto> starts, List<LayerSpec> out) {
        if (++forks > g.graph.getNodeCount()) {
            throw new UserInputException("the graph has a cycle through \"" + c.tensor + "\", which ONNX does not allow");
        }
        OnnxMl.NodeProto join = null;
        List<String> ends = new ArrayList<>();
        List<List<LayerSpec>> branches = new ArrayList<>();
        for (OnnxMl.NodeProto s : starts) {
            OnnxImportWalk.Cursor b = c.copy();
            List<LayerSpec> layers = new ArrayList<>();
            OnnxMl.NodeProto j;
            if (isJoin(g, s)) {
                j = s; // the identity: the fork's tensor goes straight into the join
            } else {
                // walk from the branch's first node: the other readers of the fork are other branches
                j = walkFrom(s, b, layers);
            }
            if (j == null || (join != null && j != join)) {
                throw new UserInputException("\"" + c.tensor + "\" is read by " + starts.size() + " nodes whose paths do not"
                        + " meet again in one Add or Concat; ConvLab reads parallel branches only as residual or inception blocks");
            }
            join = j;
            ends.add(b.tensor);
            branches.add(layers);
        }
        List<String> inputs = g.dataInputs(join);
        if (inputs.size() != starts.size() || !inputs.containsAll(ends)) {
            throw new UserInputException(g.label(join) + ": joins " + inputs.size() + " tensors, but the fork at \"" + c.tensor
                    + "\" opened " + starts.size() + " branches; ConvLab reads blocks whose branches all start at one tensor");
        }
        // branches in the join's input order
        List<List<LayerSpec>> ordered = new ArrayList<>();
        for (String in : inputs) {
            int i = ends.indexOf(in);
            ordered.add(branches.get(i));
        }
        LayerSpec block = join.getOpType().equals("Add") ? residual(join, ordered) : inception(join, ordered);
        w.add(block, c, out, join);
    }

    private OnnxMl.NodeProto walkFrom(OnnxMl.NodeProto first, OnnxImportWalk.Cursor b, List<LayerSpec> layers) {
        w.stepOne(first, b, layers);
        return w.walk(b, layers);
    }

    private LayerSpec inception(OnnxMl.NodeProto join, List<List<LayerSpec>> branches) {
        long axis = OnnxGraph.intAttr(join, "axis", 1);
        if (axis != 1 && axis != -3) {
            throw new UserInputException(g.label(join) + ": concatenates on axis " + axis + "; an inception block joins its"
                    + " branches on the channels (axis 1)");
        }
        for (List<LayerSpec> b : branches) {
            if (b.isEmpty()) {
                throw new UserInputException(g.label(join) + ": one branch passes its input through unchanged; ConvLab's"
                        + " inception branches each need at least one layer");
            }
        }
        return new InceptionSpec(w.names.name(join, true, "inception"), branches);
    }

    private LayerSpec residual(OnnxMl.NodeProto join, List<List<LayerSpec>> branches) {
        if (branches.size() != 2) {
            throw new UserInputException(g.label(join) + ": adds " + branches.size() + " branches; a residual block adds two");
        }
        String name = w.names.name(join, true, "res");
        List<LayerSpec> a = branches.get(0);
        List<LayerSpec> b = branches.get(1);
        if (a.isEmpty() != b.isEmpty()) {
            return new ResidualSpec(name, a.isEmpty() ? b : a, false);
        }
        if (a.isEmpty()) {
            throw new UserInputException(g.label(join) + ": adds a tensor to itself; ConvLab cannot compute that");
        }
        // the skip is the branch that looks like a projection; with two candidates the shorter, else the second (y + skip)
        boolean aProj = looksLikeProjection(a);
        boolean bProj = looksLikeProjection(b);
        List<LayerSpec> branch = b;
        List<LayerSpec> skip = a;
        if (!aProj || (bProj && b.size() <= a.size())) {
            branch = a;
            skip = b;
        }
        ResidualSpec probe = new ResidualSpec(name, branch, true);
        ConvSpec conv = skip.get(0) instanceof ConvSpec cv ? cv : null;
        boolean fits = conv != null && conv.kernelHeight() == 1 && conv.kernelWidth() == 1 && !conv.bias()
                && !conv.normalize() && conv.dilation() == 1 && conv.resolvedPadding()[0] == 0
                && conv.resolvedPadding()[1] == 0 && conv.stride() == Strides.total(branch)
                && skip.size() == (probe.projectionNormalized() ? 2 : 1)
                && (skip.size() == 1 || skip.get(1) instanceof BatchNormSpec);
        if (!fits) {
            throw new UserInputException(g.label(join) + ": ConvLab's residual block adds a branch to the identity or to a"
                    + " projection: a 1x1 conv without bias, stride " + Strides.total(branch) + " (the branch's total stride)"
                    + (probe.projectionNormalized() ? ", then a batch norm (the branch has one)" : " and no batch norm (the branch has none)")
                    + "; here the skip path is " + describe(skip));
        }
        List<LayerSpec> named = new ArrayList<>();
        named.add(new ConvSpec(name + ".proj", conv.filters(), 1, 1, conv.stride(), Padding.VALID, 1, false,
                false, conv.weight(), null, true));
        if (skip.size() == 2) {
            named.add(skip.get(1).withName(name + ".proj_bn"));
        }
        return probe.withSkip(named);
    }

    private static boolean looksLikeProjection(List<LayerSpec> l) {
        return !l.isEmpty() && l.size() <= 2 && l.get(0) instanceof ConvSpec c && c.kernelHeight() == 1
                && c.kernelWidth() == 1 && (l.size() == 1 || l.get(1) instanceof BatchNormSpec);
    }

    private static String describe(List<LayerSpec> layers) {
        List<String> parts = new ArrayList<>();
        for (LayerSpec l : layers) {
            if (l instanceof ConvSpec c) {
                parts.add("a " + c.kernelHeight() + "x" + c.kernelWidth() + " conv, stride " + c.stride()
                        + (c.bias() ? ", with bias" : ""));
            } else {
                parts.add("a " + l.type());
            }
        }
        return String.join(", ", parts);
    }
}
