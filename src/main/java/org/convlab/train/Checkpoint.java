package org.convlab.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.model.DecodedFloats;
import org.convlab.model.ModelFiles;
import org.convlab.model.ModelReader;
import org.convlab.model.ModelWriter;
import org.convlab.model.NetworkSpec;
import org.convlab.model.TensorParser;
import org.convlab.model.TensorWriting;

/**
 * Everything needed to continue a run exactly where it stopped, after {@code epoch} finished
 * epochs: the model with its weights, the optimizer's state buffers and step count (base64
 * little-endian float32, exact), the config, the RNG state (shuffling and augmentation are
 * functions of the seed and the epoch; {@code dropoutSeed} is the dropout generator's position),
 * the history so far, and the data options the command line used (opaque strings).
 * Written atomically as one JSON file: {@code {"format": "convlab-checkpoint", "version": 1, ...}},
 * the model embedded as in a model file. Written and read streaming, like model files
 * ({@link ModelFiles}), so a checkpoint of any model that fits in memory reads back; every field
 * is checked against its range when read.
 */
public record Checkpoint(NetworkSpec model, TrainingConfig config, int epoch, Map<String, float[]> optimizerState,
                         long optimizerSteps, long dropoutSeed, List<EpochStats> history, Map<String, String> data) {
    public static final String FORMAT = "convlab-checkpoint";
    public static final int VERSION = 1;

    /** Tensors of a checkpoint: the model's, and the optimizer's state buffers. */
    private static final TensorParser.Place TENSORS = (where, field) -> TensorParser.MODEL.holdsFloats(where, field)
            || isOptimizerState(where);

    public Checkpoint {
        history = List.copyOf(history);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    private static boolean isOptimizerState(JsonStreamContext where) {
        JsonStreamContext state = where.getParent();
        JsonStreamContext optimizer = state == null ? null : state.getParent();
        JsonStreamContext root = optimizer == null ? null : optimizer.getParent();
        return root != null && root.inRoot() && "state".equals(state.getCurrentName())
                && "optimizer".equals(optimizer.getCurrentName());
    }

    /** The file name for the checkpoint after {@code epoch} in a checkpoint folder. */
    public static Path file(Path dir, int epoch) {
        return dir.resolve(String.format("checkpoint-epoch-%03d.json", epoch));
    }

    /**
     * Writes the checkpoint atomically, streaming (no tensor is ever one string).
     *
     * @throws IOException whose message is the reason in plain words
     */
    public void write(Path file) throws IOException {
        ModelFiles.writeAtomically(file, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 JsonGenerator g = TensorParser.FACTORY.createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                write(g);
                g.writeRaw('\n');
            }
        });
    }

    private void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeNumberField("epoch", epoch);
        g.writeObjectFieldStart("rng");
        g.writeNumberField("seed", config.seed());
        g.writeNumberField("dropout_seed", dropoutSeed);
        g.writeEndObject();
        g.writeObjectFieldStart("optimizer");
        g.writeStringField("kind", config.optimizer().id());
        g.writeNumberField("steps", optimizerSteps);
        g.writeObjectFieldStart("state");
        for (Map.Entry<String, float[]> e : optimizerState.entrySet()) {
            g.writeFieldName(e.getKey());
            TensorWriting.base64(g, e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeFieldName("config");
        CheckpointJson.config(g, config);
        g.writeArrayFieldStart("history");
        for (EpochStats h : history) {
            CheckpointJson.stats(g, h);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("data");
        for (Map.Entry<String, String> e : data.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeFieldName("model");
        ModelWriter.write(g, model, false);
        g.writeEndObject();
    }

    /** Reads a checkpoint, streaming; every problem is one line naming the file and the field. */
    public static Checkpoint read(Path file) {
        String name = file.toString();
        if (Files.notExists(file)) {
            throw new UserInputException(name + ": no such checkpoint file");
        }
        long length = UserFiles.requireReadableFile(file, "checkpoint");
        MemoryGuard.require(length / 4 * 3, "reading the checkpoint " + name, null);
        JsonNode root;
        try (InputStream in = UserFiles.open(file, "checkpoint");
             JsonParser p = new TensorParser(TensorParser.FACTORY.createParser(in), name, length, TENSORS)) {
            root = TensorParser.MAPPER.readTree(p);
        } catch (JsonProcessingException e) {
            throw ModelReader.notJson(e, name, "checkpoint");
        } catch (IOException e) {
            throw UserFiles.problem(file, "checkpoint", e);
        } catch (OutOfMemoryError e) {
            throw MemoryGuard.refusal(length / 4 * 3, "reading the checkpoint " + name, null);
        }
        if (root == null || !root.isObject() || !root.path("format").isTextual() || !FORMAT.equals(root.path("format").textValue())) {
            throw new UserInputException(name + ": not a ConvLab checkpoint (\"format\" is not \"" + FORMAT + "\")");
        }
        return of(new CheckpointFields(root, "", name), name);
    }

    private static Checkpoint of(CheckpointFields top, String name) {
        JsonNode version = top.required("version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != VERSION) {
            throw top.error("version", "is " + CheckpointFields.describe(version) + ", but this ConvLab reads checkpoint version "
                    + VERSION + " only");
        }
        NetworkSpec model = ModelReader.read(top.required("model"), name + " (model)");
        int maxShift = Math.max(model.input().height(), model.input().width());
        TrainingConfig config;
        try {
            config = CheckpointJson.config(top.object("config"), maxShift);
        } catch (UserInputException e) {
            if (e.getMessage().startsWith(name + ": the checkpoint")) {
                throw e;
            }
            throw CheckpointJson.unexpected(name, e);
        }
        int epoch = top.wholeInt("epoch", 1, config.epochs(), "the run's \"config.epochs\"");
        CheckpointFields rng = top.object("rng");
        rng.anyLong("seed");
        long dropoutSeed = rng.anyLong("dropout_seed");
        CheckpointFields opt = top.object("optimizer");
        OptimizerKind kind = CheckpointJson.optimizer(opt, "kind");
        if (kind != config.optimizer()) {
            throw opt.error(opt.at("kind"), "is " + kind.id() + " but \"config.optimizer\" is " + config.optimizer().id());
        }
        long steps = opt.whole("steps", 0, Long.MAX_VALUE, null);
        Map<String, float[]> state = optimizerState(opt.object("state"));
        List<EpochStats> history = new ArrayList<>();
        JsonNode h = top.raw("history");
        if (h != null && !h.isNull()) {
            if (!h.isArray() || h.size() > epoch) {
                throw top.error("history", "must be a list of at most " + epoch + " epochs, got " + CheckpointFields.describe(h)
                        + (h.isArray() ? " of " + h.size() : ""));
            }
            for (int i = 0; i < h.size(); i++) {
                history.add(CheckpointJson.stats(new CheckpointFields(h.get(i), "history[" + i + "]", name), epoch));
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (top.has("data")) {
            CheckpointFields d = top.object("data");
            Iterator<String> keys = top.raw("data").fieldNames();
            while (keys.hasNext()) {
                String k = keys.next();
                data.put(k, d.text(k));
            }
        }
        return new Checkpoint(model, config, epoch, state, steps, dropoutSeed, history, data);
    }

    private static Map<String, float[]> optimizerState(CheckpointFields state) {
        Map<String, float[]> out = new LinkedHashMap<>();
        JsonNode node = state.node();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            DecodedFloats f = DecodedFloats.of(node.get(k));
            String where = state.at(k);
            if (f == null) {
                throw state.error(where, "must be base64 little-endian float32, got " + CheckpointFields.describe(node.get(k)));
            }
            if (f.bytes() % 4 != 0 || f.values() == null) {
                throw state.error(where, "holds " + f.bytes() + " bytes, not a whole number of float32 values");
            }
            float[] v = f.values();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw state.error(where, "value " + (i + 1) + " of " + v.length + " is " + v[i] + " (must be finite)");
                }
            }
            out.put(k, v);
        }
        return out;
    }
}
