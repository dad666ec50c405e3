package org.convlab.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.convlab.UserInputException;
import org.convlab.data.Augmentation;

/**
 * JSON form of a {@link TrainingConfig} and of {@link EpochStats} inside a checkpoint. Reading
 * checks every field against its range (the same ranges the command line allows) and names the
 * field as the checkpoint spells it, never as a command-line flag.
 */
final class CheckpointJson {
    /** More threads than this is no setting anybody chose on purpose. */
    static final int MAX_THREADS = 1024;

    private CheckpointJson() {}

    static void config(JsonGenerator g, TrainingConfig c) throws IOException {
        g.writeStartObject();
        g.writeNumberField("epochs", c.epochs());
        g.writeNumberField("batch", c.batchSize());
        g.writeNumberField("lr", c.learningRate());
        g.writeNumberField("momentum", c.momentum());
        g.writeBooleanField("nesterov", c.nesterov());
        g.writeStringField("optimizer", c.optimizer().id());
        g.writeNumberField("weight_decay", c.weightDecay());
        g.writeStringField("schedule", c.schedule().toString());
        g.writeNumberField("seed", c.seed());
        g.writeNumberField("threads", c.threads());
        g.writeNumberField("val_split", c.validationSplit());
        g.writeObjectFieldStart("augment");
        g.writeNumberField("shift", c.augmentation().maxShift());
        g.writeBooleanField("flip", c.augmentation().horizontalFlip());
        g.writeNumberField("rotate", c.augmentation().maxRotationDegrees());
        g.writeEndObject();
        g.writeArrayFieldStart("frozen");
        for (String f : c.frozen().stream().sorted().toList()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * @param maxShift the largest augmentation shift that makes sense: the model input's larger side
     */
    static TrainingConfig config(CheckpointFields o, int maxShift) {
        int epochs = o.wholeInt("epochs", 1, Integer.MAX_VALUE, null);
        int batch = o.wholeInt("batch", 1, Integer.MAX_VALUE, null);
        double lr = o.number("lr", 0, true, Double.POSITIVE_INFINITY, false);
        if ((float) lr == 0f) {
            throw o.error(o.at("lr"), "must be a number above 0 that a float can hold (at least 1.4e-45), got " + lr);
        }
        double momentum = o.number("momentum", 0, false, 1, true);
        boolean nesterov = o.bool("nesterov");
        OptimizerKind kind = optimizer(o, "optimizer");
        if (nesterov && (kind != OptimizerKind.SGD || momentum == 0)) {
            throw o.error(o.at("nesterov"), "can be true only with the sgd optimizer and a momentum above 0");
        }
        double weightDecay = o.number("weight_decay", 0, false, Double.POSITIVE_INFINITY, false);
        Schedule schedule = schedule(o);
        long seed = o.anyLong("seed");
        int threads = o.has("threads") ? o.wholeInt("threads", 0, MAX_THREADS, "0 keeps the machine's default") : 0;
        double valSplit = o.has("val_split") ? o.number("val_split", 0, false, 1, true) : 0;
        Augmentation aug = Augmentation.NONE;
        if (o.has("augment")) {
            CheckpointFields a = o.object("augment");
            aug = new Augmentation(a.wholeInt("shift", 0, maxShift, "up to the input's larger side"), a.bool("flip"),
                    a.number("rotate", 0, false, 180, false));
        }
        Set<String> frozen = new HashSet<>();
        JsonNode f = o.raw("frozen");
        if (f != null && !f.isNull()) {
            if (!f.isArray()) {
                throw o.error(o.at("frozen"), "must be a list of layer names, got " + CheckpointFields.describe(f));
            }
            for (int i = 0; i < f.size(); i++) {
                if (!f.get(i).isTextual()) {
                    throw o.error(o.at("frozen") + "[" + i + "]", "must be a layer name, got " + CheckpointFields.describe(f.get(i)));
                }
                frozen.add(f.get(i).textValue());
            }
        }
        return new TrainingConfig(epochs, batch, lr, momentum, nesterov, kind, weightDecay, schedule, seed, threads,
                valSplit, aug, frozen);
    }

    static OptimizerKind optimizer(CheckpointFields o, String field) {
        String id = o.text(field);
        for (OptimizerKind k : OptimizerKind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw o.error(o.at(field), "must be one of sgd, adam, got \"" + id + "\"");
    }

    private static Schedule schedule(CheckpointFields o) {
        String s = o.text("schedule").trim().toLowerCase(Locale.ROOT);
        if (s.equals("constant") || s.equals("cosine")) {
            return Schedule.parse(s);
        }
        if (s.startsWith("step:")) {
            try {
                int every = Integer.parseInt(s.substring(5).trim());
                if (every >= 1) {
                    return Schedule.step(every);
                }
            } catch (NumberFormatException e) {
                // the message below
            }
        }
        throw o.error(o.at("schedule"), "must be constant, cosine or step:N with N from 1 to 2147483647, got \"" + s + "\"");
    }

    static void stats(JsonGenerator g, EpochStats s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("epoch", s.epoch());
        g.writeNumberField("epochs", s.epochs());
        g.writeNumberField("train_loss", s.trainLoss());
        g.writeNumberField("train_accuracy", s.trainAccuracy());
        g.writeNumberField("val_loss", s.validationLoss());
        g.writeNumberField("val_accuracy", s.validationAccuracy());
        g.writeNumberField("images_per_second", s.imagesPerSecond());
        g.writeNumberField("lr", s.learningRate());
        g.writeNumberField("elapsed", s.elapsedSeconds());
        g.writeNumberField("eta", s.etaSeconds());
        g.writeEndObject();
    }

    /** One entry of the history, which must lie within the checkpoint's {@code epochsDone}. */
    static EpochStats stats(CheckpointFields o, int epochsDone) {
        int epoch = o.wholeInt("epoch", 1, epochsDone, "the epochs done so far");
        int epochs = o.wholeInt("epochs", epoch, Integer.MAX_VALUE, null);
        return new EpochStats(epoch, epochs, o.statistic("train_loss"), o.statistic("train_accuracy"),
                o.statistic("val_loss"), o.statistic("val_accuracy"), o.statistic("images_per_second"),
                o.statistic("lr"), o.statistic("elapsed"), o.statistic("eta"));
    }

    /** The checkpoint's own messages, never the command line's ("--lr must be ..."). */
    static UserInputException unexpected(String file, RuntimeException e) {
        return new UserInputException(file + ": the checkpoint holds values that do not fit together (" + e.getMessage() + ")");
    }
}
