package org.convlab.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases on the command line itself: every numeric option of train, eval, forward and render set to
 * the extremes (0, -1, 2^31-1, 2^31, 2^63, 1e-320, NaN, Infinity, "", garbage), and model or output
 * paths that are not regular files (a device, a pipe, a folder, a loop of links, bad UTF-8).
 */
final class OptionCases {
    static final String[] EXTREMES = {"0", "-1", "2147483647", "2147483648", "9223372036854775808", "1e-320", "NaN",
            "Infinity", "", "garbage"};

    private final Fixtures fx;
    private final Path root;

    OptionCases(Fixtures fx, Path root) {
        this.fx = fx;
        this.root = root;
    }

    /** One option's rules: which of the extremes are certainly out of its range. */
    private record Opt(String command, String name, List<String> refused, List<String> skipped) {}

    private static final List<String> NOT_A_NUMBER = List.of("NaN", "Infinity", "", "garbage");
    private static final List<String> BAD_COUNT = List.of("-1", "2147483648", "9223372036854775808", "1e-320", "NaN",
            "Infinity", "", "garbage");

    private static List<Opt> rules() {
        List<String> badRate = List.of("-1", "NaN", "Infinity", "", "garbage");
        return List.of(
                new Opt("train", "--batch", plus(BAD_COUNT, "0"), List.of()),
                // 2^31-1 epochs on good data is a long run, not a bug: it cannot finish within a case's timeout
                new Opt("train", "--epochs", plus(BAD_COUNT, "0"), List.of("2147483647")),
                new Opt("train", "--lr", badRate, List.of()),
                new Opt("train", "--momentum", plus(badRate, "2147483647", "2147483648", "9223372036854775808"), List.of()),
                new Opt("train", "--weight-decay", badRate, List.of()),
                new Opt("train", "--threads", BAD_COUNT, List.of()),
                new Opt("train", "--seed", List.of("9223372036854775808", "1e-320", "NaN", "Infinity", "", "garbage"), List.of()),
                new Opt("train", "--val-split", plus(badRate, "2147483647", "2147483648", "9223372036854775808"), List.of()),
                new Opt("train", "--augment=shift:", plus(BAD_COUNT), List.of()),
                new Opt("train", "--augment=rotate:", badRate, List.of()),
                new Opt("eval", "--batch", plus(BAD_COUNT, "0"), List.of()),
                new Opt("eval", "--threads", BAD_COUNT, List.of()),
                new Opt("eval", "--seed", List.of("9223372036854775808", "1e-320", "NaN", "Infinity", "", "garbage"), List.of()),
                new Opt("forward", "--seed", List.of("9223372036854775808", "1e-320", "NaN", "Infinity", "", "garbage"), List.of()),
                new Opt("forward", "--pixels", List.of("-1", "2147483647", "NaN", "Infinity", "", "garbage"), List.of()),
                new Opt("render", "--width", List.of(EXTREMES), List.of()),
                new Opt("render", "--channel", BAD_COUNT, List.of()),
                new Opt("render", "--step", BAD_COUNT, List.of()),
                new Opt("render", "--layer", BAD_COUNT, List.of()));
    }

    private static List<String> plus(List<String> base, String... more) {
        List<String> l = new ArrayList<>(base);
        l.addAll(List.of(more));
        return l;
    }

    List<FuzzCase> options() throws IOException {
        List<FuzzCase> out = new ArrayList<>();
        long seed = 0;
        for (Opt o : rules()) {
            for (String v : EXTREMES) {
                if (o.skipped().contains(v)) {
                    continue;
                }
                String kind = "option";
                Path dir = Files.createDirectories(root.resolve(kind + "-" + seed));
                List<String> args = new ArrayList<>();
                String option = o.name().endsWith(":") ? o.name().substring(0, o.name().indexOf('=')) : o.name();
                switch (o.command()) {
                    case "train" -> args.addAll(List.of("train", "preset:mnist1d", "--data", "csv:" + fx.csv,
                            "--epochs", "1", "--out", dir.resolve("out.json").toString()));
                    case "eval" -> args.addAll(List.of("eval", "preset:mnist1d", "--data", "csv:" + fx.csv));
                    case "forward" -> args.addAll(List.of("forward", "preset:xo", "--input", fx.png.toString()));
                    default -> args.addAll(List.of("render", "preset:xo", "--input", fx.png.toString(), "--view",
                            o.name().equals("--width") ? "conv" : "maps", "--out",
                            dir.resolve(o.name().equals("--width") ? "r.png" : "r.csv").toString()));
                }
                if (o.name().endsWith(":")) {
                    args.add(o.name() + v);
                } else if (args.contains(o.name())) {
                    args.set(args.indexOf(o.name()) + 1, v);
                } else {
                    args.add(o.name());
                    args.add(v);
                }
                out.add(new FuzzCase(kind, seed++, o.command() + " " + option + " '" + v + "'", args,
                        List.of(option), o.refused().contains(v)));
            }
        }
        return out;
    }

    /** Paths that are not regular files, as the model and as --out; returns no case for a path this system lacks. */
    List<FuzzCase> paths() throws IOException, InterruptedException {
        String kind = "path";
        List<FuzzCase> out = new ArrayList<>();
        Path dir = Files.createDirectories(root.resolve("paths"));
        Path fifo = dir.resolve("pipe.json");
        Files.deleteIfExists(fifo);
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        Path loop = dir.resolve("loop.json");
        Files.deleteIfExists(loop);
        Files.createSymbolicLink(loop, loop.getFileName());
        Path folder = Files.createDirectories(dir.resolve("folder.json"));
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"format\": \"convlab-model\", \"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        Path empty = dir.resolve("empty.json");
        Files.write(empty, new byte[0]);
        Path regular = dir.resolve("regular.txt");
        Files.writeString(regular, "a file, not a folder");
        List<Path> models = new ArrayList<>(List.of(Path.of("/dev/zero"), loop, folder, latin1, empty,
                dir.resolve("missing.json")));
        if (haveFifo) {
            models.add(1, fifo);
        }
        long seed = 0;
        for (Path p : models) {
            for (String command : List.of("summary", "forward")) {
                List<String> args = new ArrayList<>(List.of(command, p.toString()));
                if (command.equals("forward")) {
                    args.addAll(List.of("--input", fx.jsonTensor.toString()));
                }
                out.add(new FuzzCase(kind, seed++, "model path " + p.getFileName(), args,
                        List.of(p.getFileName().toString()), true));
            }
            out.add(new FuzzCase(kind, seed++, "input path " + p.getFileName(),
                    List.of("forward", "preset:mnist1d", "--input", p.toString()), List.of(p.getFileName().toString()), true));
        }
        // a finished run whose --out cannot be written: exit 2 naming the path (and the fallback copy), never exit 0 or 1
        for (String target : List.of(folder.toString(), regular.resolve("out.json").toString(), "")) {
            List<String> args = List.of("train", "preset:mnist1d", "--data", "csv:" + fx.csv, "--epochs", "1", "--out", target);
            out.add(new FuzzCase(kind, seed++, "--out '" + target + "'", args,
                    List.of(target.isEmpty() ? "--out" : Path.of(target).getFileName().toString()), true));
        }
        return out;
    }
}
