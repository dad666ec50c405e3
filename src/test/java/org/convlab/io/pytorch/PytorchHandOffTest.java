package org.convlab.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convlab.cli.ConvLabCommand;
import org.convlab.io.ModelFormats;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 4: the hand-off for real. Exports preset:lenet5, trains it one epoch on
 * sample-images/shapes with {@code torchrun --standalone --nproc_per_node=2 train.py} (two
 * processes, DistributedDataParallel over gloo), imports the weights back, and checks that
 * ConvLab's {@code eval} gives the accuracy train.py printed. Runs only where a python3 with
 * torch exists (Debian's /usr/bin/python3 with python3-torch, or python3 on the PATH); skipped
 * with a message otherwise. It takes about 20 seconds.
 */
class PytorchHandOffTest {
    private static final Pattern ACCURACY = Pattern.compile("accuracy (\\d+\\.\\d+) \\((\\d+)/(\\d+)\\)");

    @Test
    void torchrunTrainsTheExportAndConvLabEvaluatesTheSameAccuracy(@TempDir Path dir) throws Exception {
        String python = pythonWithTorch();
        assumeTrue(python != null, "skipped: no python3 with torch here (tried /usr/bin/python3 and python3 on the PATH)");
        Path repo = Path.of(System.getProperty("convlab.repo", ".")).toAbsolutePath();
        Path shapes = repo.resolve("sample-images").resolve("shapes");
        assertTrue(Files.isDirectory(shapes), shapes.toString());

        Path project = dir.resolve("lenet5");
        ModelFormats.exportPytorch(ModelFormats.load("preset:lenet5"), 1, project);

        // torch.distributed.run is torchrun, from the same python as the torch found; "--redirects 1
        // --tee 1" works round PyTorch 1.13's launcher on Python 3.11, which fails on the default "0"
        List<String> command = new ArrayList<>(List.of(python, "-m", "torch.distributed.run", "--standalone",
                "--nproc_per_node=2", "--redirects", "1", "--tee", "1",
                "train.py", "--data", shapes.toString(), "--epochs", "1"));
        Path log = dir.resolve("torchrun.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(done, "torchrun did not finish in 5 minutes:\n" + output);
        assertEquals(0, p.exitValue(), output);
        // PyTorch's own strict check accepted ConvLab's file: every name, shape and buffer
        assertTrue(output.contains("load_state_dict(strict=True) accepted all 10 tensors"), output);
        assertTrue(output.contains("training on 2 processes (gloo)"), output);
        Matcher m = ACCURACY.matcher(output);
        assertTrue(m.find(), output);
        long correct = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        assertEquals(1000, total);

        NetworkSpec trained = StateDictImport.apply(ModelFormats.load("preset:lenet5"), project.resolve("weights.safetensors"));
        assertEquals(List.of("circle", "cross", "square", "star", "triangle"), trained.classes());
        Path model = dir.resolve("trained.json");
        ModelFiles.write(model, trained);
        JsonNode eval = eval(model.toString(), "--data", shapes.toString(), "--json");
        long convlabCorrect = Math.round(eval.get("accuracy").asDouble() * eval.get("samples").asLong());
        System.out.println("PyTorch DDP (2 processes) printed " + m.group(0) + "; ConvLab eval: " + convlabCorrect
                + "/" + eval.get("samples").asLong());
        assertEquals(total, eval.get("samples").asLong());
        assertEquals(correct, convlabCorrect, "train.py printed " + m.group(0) + "\n" + output);
    }

    /** The eval command's JSON line, run in this JVM. */
    private static JsonNode eval(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "eval";
            System.arraycopy(args, 0, all, 1, args.length);
            code = ConvLabCommand.run(all);
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        List<String> lines = text.lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    /** Debian's python3 first (it has python3-torch), then python3 on the PATH; null when neither imports torch. */
    static String pythonWithTorch() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import torch, numpy, PIL")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (java.io.IOException e) {
                // not installed: try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
