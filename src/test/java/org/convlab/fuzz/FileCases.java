package org.convlab.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Cases that mutate a valid file: models, checkpoints, images, IDX, CSV, .npy, JSON tensors. Each
 * case writes its file into a folder of its own (named after kind and seed) under the same name as
 * the valid one, so the refusal must name that file.
 */
final class FileCases {
    private final Fixtures fx;
    private final Path root;

    FileCases(Fixtures fx, Path root) {
        this.fx = fx;
        this.root = root;
    }

    static long mix(String kind, long seed) {
        long h = seed * 0x9E3779B97F4A7C15L ^ kind.hashCode();
        return h ^ (h >>> 31);
    }

    private Path caseDir(String kind, long seed) throws IOException {
        return Files.createDirectories(root.resolve(kind + "-" + seed));
    }

    private static List<String> names(Path file, List<String> more) {
        List<String> n = new ArrayList<>(more);
        n.add(file.getFileName().toString());
        return n;
    }

    /** Model files: the command cycles through summary, forward and eval; 1 in 5 is a targeted break. */
    List<FuzzCase> models(String kind, Path valid, int count) throws IOException {
        List<FuzzCase> out = new ArrayList<>();
        byte[] original = Files.readAllBytes(valid);
        for (long s = 0; s < count; s++) {
            Mutator m = new Mutator(mix(kind, s));
            List<String> touched = new ArrayList<>();
            Mutator.Mutant mu = s % 5 == 4 ? targetedModel(m, original) : new JsonMutator(m).mutate(original, touched);
            Path file = caseDir(kind, s).resolve(valid.getFileName());
            Files.write(file, mu.bytes());
            touched.addAll(layerNames(original));
            List<String> args = switch ((int) (s % 3)) {
                case 0 -> List.of("summary", file.toString());
                case 1 -> List.of("forward", file.toString(), "--input", fx.jsonTensor.toString());
                default -> List.of("eval", file.toString(), "--data", "csv:" + fx.csv, "--threads", "1");
            };
            // summary reads no weights' values: NaN there is for forward and eval to refuse
            boolean refuse = mu.mustRefuse() && !(args.get(0).equals("summary") && mu.what().contains("weight value"));
            out.add(new FuzzCase(kind, s, mu.what(), args, names(file, touched), refuse));
        }
        return out;
    }

    /** A break the issue names: NaN or Inf in a weight, one class name too many, trailing data. */
    private static Mutator.Mutant targetedModel(Mutator m, byte[] original) {
        JsonNode tree = JsonMutator.parse(original);
        int op = m.below(4);
        if (op == 3) {
            ArrayNode classes = (ArrayNode) tree.get("classes");
            if (classes != null) {
                classes.add("one too many");
                return JsonMutator.mutant(JsonMutator.write(tree), "classes: one name more than output units", true);
            }
        }
        List<ObjectNode> tensors = new ArrayList<>();
        collectTensors(tree, tensors);
        ObjectNode t = tensors.get(m.below(tensors.size()));
        float bad = op == 0 ? Float.NaN : op == 1 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        if (t.has("base64")) {
            byte[] b = Base64.getDecoder().decode(t.get("base64").asText());
            int i = m.below(b.length / 4);
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(4 * i, bad);
            t.put("base64", Base64.getEncoder().encodeToString(b));
            return JsonMutator.mutant(JsonMutator.write(tree), "weight value " + i + " set to " + bad + " (base64)", true);
        }
        ArrayNode data = (ArrayNode) t.get("data");
        int i = m.below(data.size());
        String token = bad != bad ? "NaN" : bad > 0 ? "Infinity" : "-Infinity";
        String text = JsonMutator.withRaw(tree, new JsonMutator.Slot(data, null, i, "$.data[" + i + "]"), token);
        return JsonMutator.mutant(text, "weight value " + i + " set to " + token, true);
    }

    private static void collectTensors(JsonNode n, List<ObjectNode> into) {
        if (n instanceof ObjectNode o && o.has("shape") && (o.has("base64") || o.has("data"))) {
            into.add(o);
        }
        n.forEach(c -> collectTensors(c, into));
    }

    private static List<String> layerNames(byte[] model) {
        List<String> names = new ArrayList<>();
        JsonMutator.parse(model).findValues("name").forEach(v -> {
            if (v.isTextual() && !v.asText().isEmpty()) {
                names.add(v.asText());
            }
        });
        return names;
    }

    /** Checkpoints, resumed by train; 1 in 4 sets epoch or version to a value out of range. */
    List<FuzzCase> checkpoints(int count) throws IOException {
        String kind = "checkpoint";
        List<FuzzCase> out = new ArrayList<>();
        byte[] original = Files.readAllBytes(fx.checkpoint);
        for (long s = 0; s < count; s++) {
            Mutator m = new Mutator(mix(kind, s));
            List<String> touched = new ArrayList<>();
            Mutator.Mutant mu;
            if (s % 4 == 3) {
                ObjectNode tree = (ObjectNode) JsonMutator.parse(original);
                String field = m.rng().nextBoolean() ? "epoch" : "version";
                String value = m.pick(new String[] {"-5", "0", "99", "2147483648", "2147483647", "1.5", "-2147483648"});
                touched.add(field);
                String text = JsonMutator.withRaw(tree, new JsonMutator.Slot(tree, field, -1, "$." + field), value);
                mu = JsonMutator.mutant(text, field + " = " + value, true);
            } else {
                mu = new JsonMutator(m).mutate(original, touched);
            }
            Path dir = caseDir(kind, s);
            Path file = dir.resolve(fx.checkpoint.getFileName());
            Files.write(file, mu.bytes());
            List<String> args = List.of("train", "preset:mnist1d", "--data", "csv:" + fx.csv, "--resume", file.toString(),
                    "--epochs", "2", "--out", dir.resolve("out.json").toString());
            // A changed weight can still be a valid checkpoint whose training then diverges: the one-line
            // "training stopped ... the weights became infinite or NaN ... Saved those weights to out.json"
            // names the file it saved, which is a clean answer too. (Which bytes a mutation hits depends
            // on the paths inside the checkpoint, so it differs from one clone of the repo to another.)
            List<String> names = names(file, touched);
            names.add(dir.resolve("out.json").toString());
            out.add(new FuzzCase(kind, s, mu.what(), args, names, mu.mustRefuse()));
        }
        return out;
    }

    /** Images given to forward: bytes mutated, cut (a cut image must be refused), or huge declared sizes. */
    List<FuzzCase> images(String kind, Path valid, int count) throws IOException {
        List<FuzzCase> out = new ArrayList<>();
        byte[] original = Files.readAllBytes(valid);
        boolean png = valid.toString().endsWith(".png");
        for (long s = 0; s < count; s++) {
            Mutator m = new Mutator(mix(kind, s));
            Mutator.Mutant mu = switch ((int) (s % 4)) {
                case 0 -> m.truncate(original);
                case 1 -> png ? ImageHeaders.pngSize(m, original) : ImageHeaders.jpegSize(m, original);
                default -> m.anyBytes(original);
            };
            Path file = caseDir(kind, s).resolve(valid.getFileName());
            Files.write(file, mu.bytes());
            List<String> args = List.of("forward", "preset:xo", "--input", file.toString());
            out.add(new FuzzCase(kind, s, mu.what(), args, names(file, List.of()), mu.mustRefuse()));
        }
        return out;
    }

    /** IDX folders (plain or gzip) for eval: header fields set to extremes, cuts, flipped bytes. */
    List<FuzzCase> idx(boolean gz, int count) throws IOException {
        String kind = gz ? "idx-gz" : "idx";
        List<FuzzCase> out = new ArrayList<>();
        for (long s = 0; s < count; s++) {
            Mutator m = new Mutator(mix(kind, s));
            boolean images = m.rng().nextBoolean();
            byte[] raw = images ? fx.idxImages : fx.idxLabels;
            int fields = images ? 4 : 2;
            Mutator.Mutant mu;
            int op = m.below(gz ? 4 : 3);
            if (op == 0) {
                int f = m.below(fields);
                long v = m.pick(Mutator.EXTREME_INTS);
                int now = ByteBuffer.wrap(raw).getInt(4 * f);
                boolean changes = (int) v != now;
                // magic and count must match; a row or column size may shrink (then the file is too long) but
                // one that is zero, negative or larger than the bytes there must be refused
                boolean broken = changes && (f < 2 || (int) v <= 0 || (int) v > now);
                mu = new Mutator.Mutant(Mutator.putInt(raw, 4 * f, v, true), "header field " + f + " = " + v, broken);
            } else if (op == 1) {
                mu = m.truncate(raw);
            } else {
                mu = m.anyBytes(raw);
            }
            byte[] bytes = mu.bytes();
            if (gz) {
                bytes = Fixtures.gzip(bytes);
                if (op == 3) { // the compressed stream itself broken
                    Mutator.Mutant z = m.anyBytes(Fixtures.gzip(raw));
                    bytes = z.bytes();
                    mu = new Mutator.Mutant(bytes, "gzip stream: " + z.what(), z.what().startsWith("cut"));
                }
            }
            Path dir = caseDir(kind, s);
            String suffix = gz ? ".gz" : "";
            Path imagesFile = dir.resolve("train-images-idx3-ubyte" + suffix);
            Path labelsFile = dir.resolve("train-labels-idx1-ubyte" + suffix);
            Files.write(imagesFile, images ? bytes : gz ? Fixtures.gzip(fx.idxImages) : fx.idxImages);
            Files.write(labelsFile, images ? (gz ? Fixtures.gzip(fx.idxLabels) : fx.idxLabels) : bytes);
            Path mutated = images ? imagesFile : labelsFile;
            List<String> args = List.of("eval", "preset:xo", "--data", "idx:" + dir, "--threads", "1");
            out.add(new FuzzCase(kind, s, mutated.getFileName() + ": " + mu.what(), args,
                    names(mutated, List.of(dir.getFileName().toString())), mu.mustRefuse()));
        }
        return out;
    }

    /** CSV signals for eval or a 1-epoch train: numbers set to extremes, rows cut or repeated, a very long line. */
    List<FuzzCase> csv(int count, int longLineBytes) throws IOException {
        String kind = "csv";
        List<FuzzCase> out = new ArrayList<>();
        String original = Files.readString(fx.csv);
        for (long s = 0; s < count; s++) {
            Mutator m = new Mutator(mix(kind, s));
            Mutator.Mutant mu;
            int op = m.below(6);
            if (op <= 1) {
                String[] cells = original.split(",", -1);
                int i = m.below(cells.length);
                String token = m.pick(new String[] {"2147483648", "NaN", "1.5", "9999", "-1", "1e999", "", "x",
                        "Infinity", "9223372036854775808", "1e-320"});
                String cell = cells[i];
                int nl = cell.indexOf('\n');
                cells[i] = nl >= 0 ? (op == 0 ? cell.substring(0, nl + 1) + token : token + cell.substring(nl)) : token;
                mu = JsonMutator.mutant(String.join(",", cells), "cell " + i + " = '" + token + "'", false);
            } else if (op == 2) {
                StringBuilder line = new StringBuilder("1");
                while (line.length() < longLineBytes) {
                    line.append(",0.5");
                }
                mu = JsonMutator.mutant(original + line + "\n", "a line of " + line.length() + " characters", false);
            } else {
                mu = m.anyBytes(original.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                mu = new Mutator.Mutant(mu.bytes(), mu.what(), false); // a cut at a line's end is still a valid CSV
            }
            Path dir = caseDir(kind, s);
            Path file = dir.resolve(fx.csv.getFileName());
            Files.write(file, mu.bytes());
            List<String> args = s % 2 == 0
                    ? List.of("eval", "preset:mnist1d", "--data", "csv:" + file, "--threads", "1")
                    : List.of("train", "preset:mnist1d", "--data", "csv:" + file, "--epochs", "1", "--threads", "1",
                            "--out", dir.resolve("out.json").toString());
            out.add(new FuzzCase(kind, s, mu.what(), args, names(file, List.of()), false));
        }
        return out;
    }

    /** .npy inputs for forward: header length and shape set to extremes, other dtypes, cuts. */
    List<FuzzCase> npy(int version, int count) throws IOException {
        String kind = "npy-v" + version;
        Path valid = version == 1 ? fx.npyV1 : fx.npyV2;
        byte[] original = Files.readAllBytes(valid);
        List<FuzzCase> out = new ArrayList<>();
        for (long s = 0; s < count; s++) {
            Mutator m = new Mutator(mix(kind, s));
            Mutator.Mutant mu = switch (m.below(5)) {
                case 0 -> m.truncate(original);
                case 1 -> {
                    long v = m.pick(version == 1 ? new long[] {0, 1, 0xffff, 0x8000, 7} : Mutator.EXTREME_INTS);
                    byte[] b = original.clone();
                    if (version == 1) {
                        b[8] = (byte) v;
                        b[9] = (byte) (v >>> 8);
                    } else {
                        b = Mutator.putInt(original, 8, v, false);
                    }
                    yield new Mutator.Mutant(b, "header length = " + v, v != headerLength(original, version));
                }
                case 2 -> {
                    String shape = m.pick(new String[] {"(2147483647, 40)", "(18446744073709551617,)", "(-1,)", "(0,)",
                            "(4611686018427387904, 4)", "(40, 1, 1, 1, 1, 1, 1, 1, 1)", "()", "(1, 1, 41)", "(x,)"});
                    String descr = m.pick(new String[] {"<f4", "<f4", "<f8", ">f4", "|b1", "<i4", "<U3", "O"});
                    float[] values = new float[40];
                    ByteBuffer.wrap(original, original.length - 160, 160).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                    // 40 values with sizes of 1 around them are the model's [1, 1, 40] input: sizes of 1
                    // carry no layout, and the reader documents that [1, C, H, W], [H, W] and [T] fit
                    boolean sameValues = shape.equals("(40, 1, 1, 1, 1, 1, 1, 1, 1)");
                    boolean changed = !(shape.equals("(1, 1, 41)") || sameValues) || !descr.equals("<f4");
                    yield new Mutator.Mutant(Fixtures.npy(version, descr, shape, values),
                            "descr " + descr + ", shape " + shape, changed);
                }
                default -> m.anyBytes(original);
            };
            Path file = caseDir(kind, s).resolve(valid.getFileName());
            Files.write(file, mu.bytes());
            List<String> args = List.of("forward", "preset:mnist1d", "--input", file.toString());
            out.add(new FuzzCase(kind, s, mu.what(), args, names(file, List.of()), mu.mustRefuse()));
        }
        return out;
    }

    private static long headerLength(byte[] npy, int version) {
        ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        return version == 1 ? b.getShort(8) & 0xffff : b.getInt(8) & 0xffffffffL;
    }

    /** JSON tensors for forward: tree mutations, and a shape of 2^64+1 (which must not wrap to 1). */
    List<FuzzCase> jsonTensors(int count) throws IOException {
        String kind = "json-tensor";
        byte[] original = Files.readAllBytes(fx.jsonTensor);
        List<FuzzCase> out = new ArrayList<>();
        for (long s = 0; s < count; s++) {
            Mutator m = new Mutator(mix(kind, s));
            List<String> touched = new ArrayList<>(List.of("shape", "data"));
            Mutator.Mutant mu;
            if (s % 6 == 5) {
                String shape = m.pick(new String[] {"[18446744073709551617]", "[1, 1, 18446744073709551657]",
                        "[4294967297, 40]", "[-1, -40]", "[2147483648, 0]"});
                String text = new String(original, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("[1, 1, 40]", shape);
                mu = JsonMutator.mutant(text, "shape = " + shape, true);
            } else {
                mu = new JsonMutator(m).mutate(original, touched);
            }
            Path file = caseDir(kind, s).resolve(fx.jsonTensor.getFileName());
            Files.write(file, mu.bytes());
            List<String> args = List.of("forward", "preset:mnist1d", "--input", file.toString());
            out.add(new FuzzCase(kind, s, mu.what(), args, names(file, touched), mu.mustRefuse()));
        }
        return out;
    }
}
