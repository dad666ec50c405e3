package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} and {@code import} refuse what they cannot do with one line and exit 2, before any work. */
class ExchangeCommandsRefusalTest {
    @TempDir
    Path dir;

    private static void refused(CliRun run, String expected) {
        assertEquals(2, run.code(), run.err());
        assertEquals("error: " + expected, run.lastErrLine());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @Test
    void onnxExportNeedsAnOnnxName() {
        Path out = dir.resolve("lenet.json");
        refused(CliRun.of("export", "preset:lenet5", "--format", "onnx", "--out", out.toString()),
                "--out " + out + ": an ONNX file's name ends in .onnx");
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownFormatIsNamed() {
        CliRun run = CliRun.of("export", "preset:lenet5", "--format", "keras", "--out", dir.resolve("x").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("keras") && run.err().contains("onnx, pytorch"), run.err());
    }

    @Test
    void safetensorsNeedsTheArchitecture() throws Exception {
        Path weights = Files.write(dir.resolve("w.safetensors"), new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '});
        refused(CliRun.of("import", weights.toString(), "--out", dir.resolve("m.json").toString()),
                weights + ": safetensors holds only weights; give the architecture they belong to with --model MODEL");
    }

    @Test
    void onnxBringsItsOwnArchitecture() {
        Path onnx = dir.resolve("net.onnx");
        refused(CliRun.of("import", onnx.toString(), "--model", "preset:lenet5", "--out", dir.resolve("m.json").toString()),
                "--model belongs with a .safetensors file; " + onnx + " is an ONNX graph and brings its own architecture");
    }

    @Test
    void otherFilesAreNamed() {
        Path json = dir.resolve("model.json");
        refused(CliRun.of("import", json.toString(), "--out", dir.resolve("m.json").toString()),
                json + ": import reads .onnx or .safetensors files (a ConvLab .json model needs no import)");
    }

    @Test
    void aFolderIsNotAnOutputFile() {
        CliRun run = CliRun.of("export", "preset:lenet5", "--format", "onnx", "--out", dir.toString() + "/");
        assertEquals(2, run.code(), run.err());
    }
}
