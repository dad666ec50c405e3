package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convlab.UserInputException;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.model.ShapeInference;

/**
 * What ConvLab's exporter keeps in metadata_props: {@code convlab.classes} (a JSON array of class
 * names) and {@code convlab.preprocessing} (the model file's {@code "preprocessing"} object).
 * Class names come from there, else from the caller (--classes), else 0..K-1; an empty list
 * there (a model exported without class names) stays empty unless the caller names them.
 */
final class OnnxImportMetadata {
    static final String CLASSES = "convlab.classes";
    static final String PREPROCESSING = "convlab.preprocessing";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> props = new HashMap<>();

    OnnxImportMetadata(OnnxMl.ModelProto model) {
        for (OnnxMl.StringStringEntryProto e : model.getMetadataPropsList()) {
            props.put(e.getKey(), e.getValue());
        }
    }

    /** The class names for {@code k} outputs. */
    List<String> classes(List<String> given, long k) {
        String json = props.get(CLASSES);
        if (json != null) {
            List<String> names = new ArrayList<>();
            JsonNode node = parse(json, CLASSES);
            if (!node.isArray()) {
                throw new UserInputException("metadata " + CLASSES + ": must be a JSON array of class names, got " + shorten(json));
            }
            node.forEach(n -> names.add(n.asText()));
            if (!names.isEmpty()) {
                check(names, k, "metadata " + CLASSES);
                return names;
            }
            if (given == null || given.isEmpty()) {
                return List.of(); // the exported model had no class names (a preset's shapes): keep it so
            }
        }
        if (given != null && !given.isEmpty()) {
            check(given, k, "--classes");
            return given;
        }
        List<String> names = new ArrayList<>();
        for (long i = 0; i < k; i++) {
            names.add(Long.toString(i));
        }
        return names;
    }

    /**
     * {@code net} with the floor and ceil switches ConvLab's exporter listed (see
     * {@link OnnxLayerFlags}) turned back on; unchanged when that would change any layer's
     * output size, since then the list does not belong to this graph (edited by another tool).
     */
    NetworkSpec restoreFlags(NetworkSpec net) {
        java.util.Set<String> floor = names(OnnxLayerFlags.FLOOR);
        java.util.Set<String> ceil = names(OnnxLayerFlags.CEIL);
        if (floor.isEmpty() && ceil.isEmpty()) {
            return net;
        }
        NetworkSpec flagged = new NetworkSpec(net.input(), net.classes(),
                OnnxLayerFlags.restore(net.layers(), floor, ceil), net.preprocessing());
        try {
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            ShapeInference.infer(net).forEach(i -> i.forEachDeep(d -> before.add(d.outputDims().toString())));
            ShapeInference.infer(flagged).forEach(i -> i.forEachDeep(d -> after.add(d.outputDims().toString())));
            return before.equals(after) ? flagged : net;
        } catch (UserInputException e) {
            return net;
        }
    }

    private java.util.Set<String> names(String key) {
        String json = props.get(key);
        java.util.Set<String> names = new java.util.HashSet<>();
        if (json != null) {
            JsonNode node = parse(json, key);
            if (node.isArray()) {
                node.forEach(n -> names.add(n.asText()));
            }
        }
        return names;
    }

    /** The preprocessing the model was trained with, or null when the file does not say. */
    Preprocessing preprocessing() {
        String json = props.get(PREPROCESSING);
        if (json == null) {
            return null;
        }
        JsonNode p = parse(json, PREPROCESSING);
        if (!p.isObject() || !p.path("normalize").isTextual()) {
            throw new UserInputException("metadata " + PREPROCESSING + ": must be an object with \"normalize\", got " + shorten(json));
        }
        Preprocessing read = new Preprocessing(p.get("normalize").asText(),
                p.path("resize").isTextual() ? p.get("resize").asText() : null, floats(p.get("mean")), floats(p.get("std")));
        JsonNode s = p.get("spectrogram");
        if (s == null || s.isNull()) {
            return read;
        }
        if (!s.isObject() || !s.path("window").canConvertToInt() || !s.path("hop").canConvertToInt()) {
            throw new UserInputException("metadata " + PREPROCESSING + ": spectrogram must be {\"window\": N, \"hop\": N},"
                    + " got " + shorten(s.toString()));
        }
        return read.withSpectrogram(s.get("window").asInt(), s.get("hop").asInt());
    }

    private static float[] floats(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new UserInputException("metadata " + PREPROCESSING + ": mean and std must be arrays of numbers");
        }
        float[] out = new float[n.size()];
        for (int i = 0; i < out.length; i++) {
            if (!n.get(i).isNumber()) {
                throw new UserInputException("metadata " + PREPROCESSING + ": mean and std must be arrays of numbers");
            }
            out[i] = (float) n.get(i).asDouble();
        }
        return out;
    }

    private static void check(List<String> names, long k, String where) {
        if (names.size() != k) {
            throw new UserInputException(where + " gives " + names.size() + " class name" + (names.size() == 1 ? "" : "s")
                    + ", but the model has " + k + " outputs");
        }
    }

    private static JsonNode parse(String json, String key) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UserInputException("metadata " + key + ": is not valid JSON: " + shorten(json));
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
