package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.convlab.data.sound.SoundSamples;
import org.convlab.data.sound.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV folders and files through the command line: training end to end, and every refusal as one line with exit 2. */
class SoundCommandsTest {
    @Test
    void trainsTheSound1dPresetOnGeneratedClipsWellAboveChance(@TempDir Path dir) throws IOException {
        Path train = dir.resolve("train");
        Path test = dir.resolve("test");
        SoundSamples.write(train, 16, 3);
        SoundSamples.write(test, 10, 4); // other clips: a fair test
        CliRun r = CliRun.of("train", "preset:sound1d", "--data", train.toString(), "--test", test.toString(),
                "--resize", "crop", "--epochs", "12", "--val-split", "0.25", "--threads", "2",
                "--out", dir.resolve("m.json").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sound: each clip is a waveform of 2048 values: centre cropped or zero padded to the"
                + " input length, keeping the time scale (--resize crop)"), r.out());
        assertTrue(r.out().contains("data: 60 training, 20 validation, 50 test samples of 1x2048x1 in 5 classes"), r.out());
        String[] lines = r.out().strip().split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
        // five classes: chance is 20 %; this run reaches about 84 %
        assertTrue(result.get("test_accuracy").asDouble() >= 0.5, lines[lines.length - 1]);

        // eval prepares clips as the model was trained (crop, stored in the model file)
        CliRun e = CliRun.of("eval", dir.resolve("m.json").toString(), "--data", test.toString(), "--json");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("(--resize crop)"), e.out());
        String[] el = e.out().strip().split("\n");
        assertEquals(result.get("test_accuracy").asDouble(), new ObjectMapper().readTree(el[el.length - 1]).get("accuracy").asDouble(), 1e-9);
    }

    /**
     * A model trained on spectrograms keeps its window and hop in the model file, so eval and
     * forward make the same picture of a clip without being told again; it reads back as written.
     */
    @Test
    void aSpectrogramModelRemembersItsWindowAndHop(@TempDir Path dir) throws IOException {
        Path train = dir.resolve("train");
        SoundSamples.write(train, 4, 5);
        Path net = dir.resolve("net.json");
        Files.writeString(net, "{\"input\": {\"channels\": 1, \"height\": 16, \"width\": 16}, \"layers\": ["
                + "{\"type\": \"conv\", \"filters\": 4, \"kernel\": 3}, {\"type\": \"relu\"},"
                + " {\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 5}]}");
        Path m = dir.resolve("m.json");
        CliRun t = CliRun.of("train", net.toString(), "--data", train.toString(), "--spectrogram", "--window", "64",
                "--hop", "32", "--resize", "stretch", "--epochs", "1", "--val-split", "0", "--out", m.toString());
        assertEquals(0, t.code(), t.err());
        JsonNode stored = new ObjectMapper().readTree(m.toFile()).get("preprocessing").get("spectrogram");
        assertEquals(64, stored.get("window").asInt());
        assertEquals(32, stored.get("hop").asInt());
        assertEquals(org.convlab.model.ModelFiles.read(m), org.convlab.model.ModelReader.read(
                org.convlab.model.ModelWriter.write(org.convlab.model.ModelFiles.read(m)), "again.json"));

        CliRun told = CliRun.of("eval", m.toString(), "--data", train.toString(), "--spectrogram", "--window", "64",
                "--hop", "32", "--json");
        CliRun untold = CliRun.of("eval", m.toString(), "--data", train.toString(), "--json");
        assertEquals(0, untold.code(), untold.err());
        assertTrue(untold.out().contains("Hann window 64, hop 32"), untold.out());
        assertEquals(told.out().strip().lines().reduce((a, b) -> b).orElseThrow(),
                untold.out().strip().lines().reduce((a, b) -> b).orElseThrow());

        Path clip = Files.list(Files.list(train).sorted().findFirst().orElseThrow()).sorted().findFirst().orElseThrow();
        CliRun f = CliRun.of("forward", m.toString(), "--input", clip.toString());
        assertEquals(0, f.code(), f.err());
        assertTrue(f.err().contains("Hann window 64, hop 32") && f.err().contains("as the model was trained"), f.err());
    }

    @Test
    void eachBadWavFileIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        byte[] good = WavWriter.mono16(new double[] {0.5, -0.5, 0.25, 0}, 8000);
        byte[] mulaw = good.clone();
        mulaw[20] = 7;
        byte[] rate0 = good.clone();
        ByteBuffer.wrap(rate0).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 0);
        byte[] pastEnd = good.clone();
        ByteBuffer.wrap(pastEnd).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 4000);
        Map<String, byte[]> cases = Map.of(
                "mulaw.wav", mulaw,
                "truncated.wav", Arrays.copyOf(good, good.length - 3),
                "empty.wav", WavWriter.mono16(new double[0], 8000),
                "rate0.wav", rate0,
                "past-end.wav", pastEnd);
        Map<String, String> reasons = Map.of(
                "mulaw.wav", "is \u00b5-law, not PCM or float: convert it to 16-bit PCM",
                "truncated.wav", "truncated: its data chunk claims 8 bytes but only 5 follow",
                "empty.wav", "is a clip of zero length (its data chunk holds no whole sample)",
                "rate0.wav", "says its sample rate is 0 Hz",
                "past-end.wav", "damaged: its 'fmt' chunk claims 4000 bytes, past the end of the file (52 bytes)");
        for (var c : cases.entrySet()) {
            Path f = dir.resolve(c.getKey());
            Files.write(f, c.getValue());
            CliRun r = CliRun.of("forward", "preset:sound1d", "--input", f.toString());
            assertEquals(2, r.code(), c.getKey() + ": " + r.err());
            assertEquals("error: " + f + ": " + reasons.get(c.getKey()), r.lastErrLine());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("error")).count(), r.err());
        }
    }

    @Test
    void aFolderOfOnlyBadClipsAndWrongOptionsAreOneLineEach(@TempDir Path dir) throws IOException {
        byte[] mulaw = WavWriter.mono16(new double[] {0.5, -0.5}, 8000);
        mulaw[20] = 7;
        for (String c : new String[] {"a", "b"}) {
            Files.createDirectories(dir.resolve(c));
            Files.write(dir.resolve(c).resolve("1.wav"), mulaw);
        }
        CliRun bad = CliRun.of("train", "preset:sound1d", "--data", dir.toString(), "--out", dir.resolve("m.json").toString());
        assertEquals(2, bad.code()); // two files, then their two classes left out
        assertTrue(bad.lastErrLine().startsWith("error: no usable clips in " + dir + " (skipped 4 entries, e.g. "
                + dir.resolve("a/1.wav") + ": is \u00b5-law"), bad.lastErrLine());

        Files.write(dir.resolve("a/2.wav"), WavWriter.mono16(new double[] {0.5, -0.5}, 8000));
        Files.write(dir.resolve("b/2.wav"), WavWriter.mono16(new double[] {0.5, -0.5}, 8000));
        String out = dir.resolve("m.json").toString();
        assertEquals("error: --window must be a power of two (the FFT halves it again and again), such as 128, 256 or 512,"
                + " got 100", CliRun.of("train", "preset:sound1d", "--data", dir.toString(), "--spectrogram", "--window", "100",
                        "--out", out).lastErrLine());
        assertEquals("error: --hop belongs with --spectrogram: add --spectrogram, or leave it out to use the waveform",
                CliRun.of("train", "preset:sound1d", "--data", dir.toString(), "--hop", "64", "--out", out).lastErrLine());
        CliRun twoD = CliRun.of("train", "preset:sound1d", "--data", dir.toString(), "--spectrogram", "--out", out);
        assertEquals(2, twoD.code());
        assertTrue(twoD.lastErrLine().startsWith("error: --spectrogram makes a 2D picture of each clip, but the model's input"),
                twoD.lastErrLine());
        CliRun lenet = CliRun.of("eval", "preset:lenet5", "--data", dir.toString());
        assertEquals(2, lenet.code());
        assertTrue(lenet.lastErrLine().startsWith("error: a sound clip is 1D, but the model's input"), lenet.lastErrLine());
    }
}
