package org.convlab.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/**
 * Writes a {@link NetworkSpec} as a model file that {@link ModelReader} reads back to an equal
 * spec. Every field is written (defaults too) so the file documents itself; tensors are written
 * as base64 little-endian float32 (exact and compact) unless readable arrays are asked for.
 */
public final class ModelWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final boolean readableTensors;

    private ModelWriter(boolean readableTensors) {
        this.readableTensors = readableTensors;
    }

    /** The model as pretty-printed JSON with base64 tensors. */
    public static String write(NetworkSpec net) {
        return write(net, false);
    }

    /** @param readableTensors write tensors as {"shape", "data": [numbers]} instead of base64 */
    public static String write(NetworkSpec net, boolean readableTensors) {
        try {
            return MAPPER.writeValueAsString(new ModelWriter(readableTensors).network(net)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private ObjectNode network(NetworkSpec net) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", ModelReader.FORMAT);
        root.put("version", ModelReader.VERSION);
        ObjectNode in = root.putObject("input");
        in.put("channels", net.input().channels());
        in.put("height", net.input().height());
        in.put("width", net.input().width());
        ArrayNode classes = root.putArray("classes");
        net.classes().forEach(classes::add);
        if (net.preprocessing() != null) {
            Preprocessing p = net.preprocessing();
            ObjectNode o = root.putObject("preprocessing");
            o.put("normalize", p.normalize());
            o.put("resize", p.resize());
            if (p.mean() != null) {
                ArrayNode mean = o.putArray("mean");
                ArrayNode std = o.putArray("std");
                for (float v : p.mean()) {
                    mean.add(v);
                }
                for (float v : p.std()) {
                    std.add(v);
                }
            }
        }
        root.set("layers", layers(net.layers()));
        return root;
    }

    private ArrayNode layers(List<LayerSpec> list) {
        ArrayNode a = MAPPER.createArrayNode();
        for (LayerSpec l : list) {
            a.add(layer(l));
        }
        return a;
    }

    private ObjectNode layer(LayerSpec l) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", l.type());
        if (l.name() != null) {
            o.put("name", l.name());
        }
        if (l instanceof ConvSpec c) {
            o.put("filters", c.filters());
            pair(o, "kernel", c.kernelHeight(), c.kernelWidth());
            o.put("stride", c.stride());
            padding(o, c.padding());
            o.put("dilation", c.dilation());
            o.put("normalize", c.normalize());
            o.put("floor", c.floor());
            tensor(o, "weight", c.weight());
            bias(o, c.bias(), c.biasData());
        } else if (l instanceof PoolSpec p) {
            pair(o, "window", p.windowHeight(), p.windowWidth());
            o.put("stride", p.stride());
            padding(o, p.padding());
            o.put("ceil", p.ceil());
        } else if (l instanceof ActivationSpec a && a.kind() == ActivationSpec.Kind.LEAKY_RELU) {
            o.put("slope", a.slope());
        } else if (l instanceof DenseSpec d) {
            o.put("units", d.units());
            tensor(o, "weight", d.weight());
            bias(o, d.bias(), d.biasData());
        } else if (l instanceof DropoutSpec d) {
            o.put("rate", d.rate());
        } else if (l instanceof BatchNormSpec b) {
            o.put("eps", b.eps());
            o.put("momentum", b.momentum());
            tensor(o, "weight", b.gamma());
            tensor(o, "bias", b.beta());
            tensor(o, "running_mean", b.runningMean());
            tensor(o, "running_var", b.runningVar());
        } else if (l instanceof LrnSpec r) {
            o.put("size", r.size());
            o.put("alpha", r.alpha());
            o.put("beta", r.beta());
            o.put("k", r.k());
        } else if (l instanceof InceptionSpec i) {
            ArrayNode b = o.putArray("branches");
            i.branches().forEach(branch -> b.add(layers(branch)));
        } else if (l instanceof ResidualSpec r) {
            o.set("branch", layers(r.branch()));
            o.put("projection", r.projection());
            if (r.skip() != null) {
                o.set("skip", layers(r.skip()));
            }
        }
        return o;
    }

    private static void pair(ObjectNode o, String field, int h, int w) {
        if (h == w) {
            o.put(field, h);
        } else {
            o.putArray(field).add(h).add(w);
        }
    }

    private static void padding(ObjectNode o, Padding p) {
        switch (p.kind()) {
            case VALID -> o.put("padding", "valid");
            case SAME -> o.put("padding", "same");
            case EXPLICIT -> pair(o, "padding", p.rows(), p.cols());
        }
    }

    private void bias(ObjectNode o, boolean on, ParamData data) {
        if (data != null) {
            tensor(o, "bias", data);
        } else {
            o.put("bias", on);
        }
    }

    private void tensor(ObjectNode o, String field, ParamData p) {
        if (p == null) {
            return;
        }
        ObjectNode t = o.putObject(field);
        ArrayNode shape = t.putArray("shape");
        for (int d : p.shape()) {
            shape.add(d);
        }
        float[] data = p.data();
        if (readableTensors) {
            ArrayNode a = t.putArray("data");
            for (float v : data) {
                a.add(v);
            }
        } else {
            ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(data);
            t.put("base64", Base64.getEncoder().encodeToString(buf.array()));
        }
    }
}
