package org.convlab.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link NetworkSpec} as a model file that {@link ModelReader} reads back to an equal
 * spec. Every field is written (defaults too) so the file documents itself; tensors are written
 * as base64 little-endian float32 (exact and compact) unless readable arrays are asked for.
 *
 * <p>Everything streams through a {@link JsonGenerator}: no tree, and no tensor ever becomes one
 * string or one byte array ({@link TensorWriting}), so saving a VGG-16 takes a few kilobytes
 * beyond the weights themselves. {@link ModelFiles#write} streams to the file;
 * {@link #write(NetworkSpec)} builds a string for small models and tests.
 */
public final class ModelWriter {
    static final JsonFactory FACTORY = new JsonFactory();

    private final boolean readableTensors;
    private final JsonGenerator g;

    private ModelWriter(JsonGenerator g, boolean readableTensors) {
        this.g = g;
        this.readableTensors = readableTensors;
    }

    /** The model as pretty-printed JSON with base64 tensors (for small models: this is one string). */
    public static String write(NetworkSpec net) {
        return write(net, false);
    }

    /** @param readableTensors write tensors as {"shape", "data": [numbers]} instead of base64 */
    public static String write(NetworkSpec net, boolean readableTensors) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(g, net, readableTensors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to a string", e);
        }
        return out + "\n";
    }

    /**
     * Writes the model as one JSON object at the generator's position (the top of a file, or the
     * value of a checkpoint's {@code "model"} field).
     */
    public static void write(JsonGenerator g, NetworkSpec net, boolean readableTensors) throws IOException {
        new ModelWriter(g, readableTensors).network(net);
    }

    private void network(NetworkSpec net) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", ModelReader.FORMAT);
        g.writeNumberField("version", ModelReader.VERSION);
        g.writeObjectFieldStart("input");
        g.writeNumberField("channels", net.input().channels());
        g.writeNumberField("height", net.input().height());
        g.writeNumberField("width", net.input().width());
        g.writeEndObject();
        g.writeArrayFieldStart("classes");
        for (String c : net.classes()) {
            g.writeString(c);
        }
        g.writeEndArray();
        if (net.preprocessing() != null) {
            Preprocessing p = net.preprocessing();
            g.writeObjectFieldStart("preprocessing");
            g.writeStringField("normalize", p.normalize());
            g.writeStringField("resize", p.resize());
            if (p.mean() != null) {
                g.writeFieldName("mean");
                TensorWriting.numbers(g, p.mean());
                g.writeFieldName("std");
                TensorWriting.numbers(g, p.std());
            }
            if (p.spectrogram() != null) {
                g.writeObjectFieldStart("spectrogram");
                g.writeNumberField("window", p.spectrogram().window());
                g.writeNumberField("hop", p.spectrogram().hop());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeFieldName("layers");
        layers(net.layers());
        g.writeEndObject();
    }

    private void layers(List<LayerSpec> list) throws IOException {
        g.writeStartArray();
        for (LayerSpec l : list) {
            layer(l);
        }
        g.writeEndArray();
    }

    private void layer(LayerSpec l) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", l.type());
        if (l.name() != null) {
            g.writeStringField("name", l.name());
        }
        if (l instanceof ConvSpec c) {
            g.writeNumberField("filters", c.filters());
            pair("kernel", c.kernelHeight(), c.kernelWidth());
            g.writeNumberField("stride", c.stride());
            padding(c.padding());
            g.writeNumberField("dilation", c.dilation());
            g.writeBooleanField("normalize", c.normalize());
            g.writeBooleanField("floor", c.floor());
            tensor("weight", c.weight());
            bias(c.bias(), c.biasData());
        } else if (l instanceof PoolSpec p) {
            pair("window", p.windowHeight(), p.windowWidth());
            g.writeNumberField("stride", p.stride());
            padding(p.padding());
            g.writeBooleanField("ceil", p.ceil());
        } else if (l instanceof ActivationSpec a && a.kind() == ActivationSpec.Kind.LEAKY_RELU) {
            g.writeNumberField("slope", a.slope());
        } else if (l instanceof DenseSpec d) {
            g.writeNumberField("units", d.units());
            tensor("weight", d.weight());
            bias(d.bias(), d.biasData());
        } else if (l instanceof DropoutSpec d) {
            g.writeNumberField("rate", d.rate());
        } else if (l instanceof BatchNormSpec b) {
            g.writeNumberField("eps", b.eps());
            g.writeNumberField("momentum", b.momentum());
            tensor("weight", b.gamma());
            tensor("bias", b.beta());
            tensor("running_mean", b.runningMean());
            tensor("running_var", b.runningVar());
        } else if (l instanceof LrnSpec r) {
            g.writeNumberField("size", r.size());
            g.writeNumberField("alpha", r.alpha());
            g.writeNumberField("beta", r.beta());
            g.writeNumberField("k", r.k());
        } else if (l instanceof ConvTransposeSpec t) {
            g.writeNumberField("filters", t.filters());
            pair("kernel", t.kernelHeight(), t.kernelWidth());
            g.writeNumberField("stride", t.stride());
            padding(t.padding());
            pair("output_padding", t.outputPadRows(), t.outputPadCols());
            g.writeNumberField("dilation", t.dilation());
            tensor("weight", t.weight());
            bias(t.bias(), t.biasData());
        } else if (l instanceof UpsampleSpec u) {
            g.writeNumberField("scale", u.scale());
            g.writeStringField("mode", u.mode().text());
        } else if (l instanceof InceptionSpec i) {
            g.writeArrayFieldStart("branches");
            for (List<LayerSpec> branch : i.branches()) {
                layers(branch);
            }
            g.writeEndArray();
        } else if (l instanceof ResidualSpec r) {
            g.writeFieldName("branch");
            layers(r.branch());
            g.writeBooleanField("projection", r.projection());
            if (r.skip() != null) {
                g.writeFieldName("skip");
                layers(r.skip());
            }
        }
        g.writeEndObject();
    }

    private void pair(String field, int h, int w) throws IOException {
        if (h == w) {
            g.writeNumberField(field, h);
        } else {
            g.writeArrayFieldStart(field);
            g.writeNumber(h);
            g.writeNumber(w);
            g.writeEndArray();
        }
    }

    private void padding(Padding p) throws IOException {
        switch (p.kind()) {
            case VALID -> g.writeStringField("padding", "valid");
            case SAME -> g.writeStringField("padding", "same");
            case EXPLICIT -> pair("padding", p.rows(), p.cols());
        }
    }

    private void bias(boolean on, ParamData data) throws IOException {
        if (data != null) {
            tensor("bias", data);
        } else {
            g.writeBooleanField("bias", on);
        }
    }

    /** {"shape": [...], "base64": "..."}: the shape first, so a reader can allocate the values once. */
    private void tensor(String field, ParamData p) throws IOException {
        if (p == null) {
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeArrayFieldStart("shape");
        for (int d : p.shape()) {
            g.writeNumber(d);
        }
        g.writeEndArray();
        if (readableTensors) {
            g.writeFieldName("data");
            TensorWriting.numbers(g, p.values());
        } else {
            g.writeFieldName("base64");
            TensorWriting.base64(g, p.values());
        }
        g.writeEndObject();
    }
}
