package org.convlab.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.UserInputException;
import org.convlab.model.ModelFiles;
import org.convlab.model.ModelReader;
import org.convlab.model.ModelWriter;
import org.convlab.model.NetworkSpec;

/**
 * Everything needed to continue a run exactly where it stopped, after {@code epoch} finished
 * epochs: the model with its weights, the optimizer's state buffers and step count (base64
 * little-endian float32, exact), the config, the RNG state (shuffling and augmentation are
 * functions of the seed and the epoch; {@code dropoutSeed} is the dropout generator's position),
 * the history so far, and the data options the command line used (opaque strings).
 * Written atomically as one JSON file: {@code {"format": "convlab-checkpoint", "version": 1, ...}}.
 */
public record Checkpoint(NetworkSpec model, TrainingConfig config, int epoch, Map<String, float[]> optimizerState,
                         long optimizerSteps, long dropoutSeed, List<EpochStats> history, Map<String, String> data) {
    public static final String FORMAT = "convlab-checkpoint";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Checkpoint {
        history = List.copyOf(history);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** The file name for the checkpoint after {@code epoch} in a checkpoint folder. */
    public static Path file(Path dir, int epoch) {
        return dir.resolve(String.format("checkpoint-epoch-%03d.json", epoch));
    }

    public void write(Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("epoch", epoch);
        ObjectNode rng = root.putObject("rng");
        rng.put("seed", config.seed());
        rng.put("dropout_seed", dropoutSeed);
        ObjectNode opt = root.putObject("optimizer");
        opt.put("kind", config.optimizer().id());
        opt.put("steps", optimizerSteps);
        ObjectNode state = opt.putObject("state");
        optimizerState.forEach((k, v) -> state.put(k, encode(v)));
        root.set("config", CheckpointJson.config(config));
        ArrayNode hist = root.putArray("history");
        history.forEach(h -> hist.add(CheckpointJson.stats(h)));
        ObjectNode d = root.putObject("data");
        data.forEach(d::put);
        root.set("model", MAPPER.readTree(ModelWriter.write(model)));
        ModelFiles.writeAtomically(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    public static Checkpoint read(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UserInputException(name + ": no such checkpoint file");
        } catch (IOException e) {
            throw new UserInputException(name + ": not a readable checkpoint (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new UserInputException(name + ": not a ConvLab checkpoint (\"format\" is not \"" + FORMAT + "\")");
        }
        try {
            NetworkSpec model = ModelReader.read(root.get("model").toString(), name + " (model)");
            TrainingConfig config = CheckpointJson.config(root.get("config"));
            Map<String, float[]> state = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.path("optimizer").path("state").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                state.put(e.getKey(), decode(e.getValue().asText()));
            }
            List<EpochStats> history = new ArrayList<>();
            for (JsonNode h : root.path("history")) {
                history.add(CheckpointJson.stats(h));
            }
            Map<String, String> data = new LinkedHashMap<>();
            root.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
            return new Checkpoint(model, config, root.get("epoch").asInt(), state,
                    root.path("optimizer").path("steps").asLong(), root.path("rng").path("dropout_seed").asLong(),
                    history, data);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new UserInputException(name + ": the checkpoint is incomplete or damaged (" + e.getMessage() + ")");
        }
    }

    static String encode(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    static float[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("base64 data is not a whole number of float32 values");
        }
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
