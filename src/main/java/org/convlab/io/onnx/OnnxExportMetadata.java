package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;

/**
 * The metadata_props ConvLab writes: {@code convlab.classes} (a JSON array of the class names),
 * {@code convlab.preprocessing} (the model file's {@code "preprocessing"} object, absent when the
 * model has none) and {@code convlab.version} ("1").
 */
final class OnnxExportMetadata {
    static final String CLASSES = "convlab.classes";
    static final String PREPROCESSING = "convlab.preprocessing";
    static final String VERSION = "convlab.version";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxExportMetadata() {}

    static List<StringStringEntryProto> of(NetworkSpec spec) {
        List<StringStringEntryProto> props = new ArrayList<>();
        ArrayNode classes = JSON.createArrayNode();
        spec.classes().forEach(classes::add);
        props.add(entry(CLASSES, json(classes)));
        if (spec.preprocessing() != null) {
            props.add(entry(PREPROCESSING, json(preprocessing(spec.preprocessing()))));
        }
        List<String> floor = OnnxLayerFlags.floorOn(spec.layers());
        if (!floor.isEmpty()) {
            ArrayNode names = JSON.createArrayNode();
            floor.forEach(names::add);
            props.add(entry(OnnxLayerFlags.FLOOR, json(names)));
        }
        List<String> ceil = OnnxLayerFlags.ceilOn(spec.layers());
        if (!ceil.isEmpty()) {
            ArrayNode names = JSON.createArrayNode();
            ceil.forEach(names::add);
            props.add(entry(OnnxLayerFlags.CEIL, json(names)));
        }
        props.add(entry(VERSION, "1"));
        return props;
    }

    /** As the model file writes it: normalize, resize, mean and std when standardizing, a sound model's spectrogram. */
    private static ObjectNode preprocessing(Preprocessing p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("normalize", p.normalize());
        o.put("resize", p.resize());
        if (p.mean() != null) {
            ArrayNode mean = o.putArray("mean");
            for (float v : p.mean()) {
                mean.add(v);
            }
            ArrayNode std = o.putArray("std");
            for (float v : p.std()) {
                std.add(v);
            }
        }
        if (p.spectrogram() != null) {
            o.putObject("spectrogram").put("window", p.spectrogram().window()).put("hop", p.spectrogram().hop());
        }
        return o;
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static String json(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
