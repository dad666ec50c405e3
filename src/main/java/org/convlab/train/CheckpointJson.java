package org.convlab.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.convlab.data.Augmentation;

/** JSON form of a {@link TrainingConfig} and of {@link EpochStats} inside a checkpoint. */
final class CheckpointJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CheckpointJson() {}

    static ObjectNode config(TrainingConfig c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("epochs", c.epochs());
        o.put("batch", c.batchSize());
        o.put("lr", c.learningRate());
        o.put("momentum", c.momentum());
        o.put("nesterov", c.nesterov());
        o.put("optimizer", c.optimizer().id());
        o.put("weight_decay", c.weightDecay());
        o.put("schedule", c.schedule().toString());
        o.put("seed", c.seed());
        o.put("threads", c.threads());
        o.put("val_split", c.validationSplit());
        ObjectNode aug = o.putObject("augment");
        aug.put("shift", c.augmentation().maxShift());
        aug.put("flip", c.augmentation().horizontalFlip());
        aug.put("rotate", c.augmentation().maxRotationDegrees());
        ArrayNode frozen = o.putArray("frozen");
        c.frozen().stream().sorted().forEach(frozen::add);
        return o;
    }

    static TrainingConfig config(JsonNode o) {
        JsonNode aug = o.path("augment");
        Set<String> frozen = new HashSet<>();
        o.path("frozen").forEach(f -> frozen.add(f.asText()));
        return new TrainingConfig(o.get("epochs").asInt(), o.get("batch").asInt(), o.get("lr").asDouble(),
                o.get("momentum").asDouble(), o.get("nesterov").asBoolean(),
                OptimizerKind.parse(o.get("optimizer").asText()), o.get("weight_decay").asDouble(),
                Schedule.parse(o.get("schedule").asText()), o.get("seed").asLong(), o.path("threads").asInt(),
                o.path("val_split").asDouble(),
                new Augmentation(aug.path("shift").asInt(), aug.path("flip").asBoolean(), aug.path("rotate").asDouble()),
                frozen);
    }

    static ObjectNode stats(EpochStats s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("epoch", s.epoch());
        o.put("epochs", s.epochs());
        o.put("train_loss", s.trainLoss());
        o.put("train_accuracy", s.trainAccuracy());
        o.put("val_loss", s.validationLoss());
        o.put("val_accuracy", s.validationAccuracy());
        o.put("images_per_second", s.imagesPerSecond());
        o.put("lr", s.learningRate());
        o.put("elapsed", s.elapsedSeconds());
        o.put("eta", s.etaSeconds());
        return o;
    }

    static EpochStats stats(JsonNode o) {
        return new EpochStats(o.get("epoch").asInt(), o.get("epochs").asInt(), num(o, "train_loss"),
                num(o, "train_accuracy"), num(o, "val_loss"), num(o, "val_accuracy"), num(o, "images_per_second"),
                num(o, "lr"), num(o, "elapsed"), num(o, "eta"));
    }

    /** NaN is written by Jackson as the string "NaN"; read it back. */
    private static double num(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        return v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText());
    }
}
