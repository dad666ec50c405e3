package org.convlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.convlab.UserInputException;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test (issue 13, item 6): a child JVM saves a 4 MB model to one path again and again and
 * is killed with SIGKILL at random moments, many times. After every kill the file must read back
 * as one of the versions written, bit for bit; and after the next successful save no temporary
 * file of the killed saves may be left in the folder. Seeded: the seed is printed with a failure.
 */
class KillSaveTest {
    @TempDir
    Path dir;

    @Test
    void aSaveKilledAtAnyMomentLeavesAWholeModelAndNoLitter() throws Exception {
        boolean longMode = "long".equals(System.getProperty("convlab.fuzz"));
        int kills = longMode ? 200 : 16;
        long seed = Long.getLong("convlab.fuzz.killSeed", 20261207L);
        SplittableRandom rng = new SplittableRandom(seed);
        Path target = dir.resolve("model.json");
        ModelFiles.write(target, KillModels.version(0));
        int midSave = 0;
        int caughtWriting = 0;
        java.util.Set<Integer> versionsSeen = new java.util.TreeSet<>();
        int maxLitter = 0;
        List<String> log = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            // half the kills at a random time after start-up, half the moment a temp file shows (mid-write)
            boolean atWrite = k % 2 == 1;
            long delayMs = atWrite ? rng.nextLong(0, 3) : rng.nextLong(0, 800);
            String when = atWrite ? delayMs + " ms after a temp file appeared" : delayMs + " ms after start-up";
            boolean sawTemp = killAt(target, k % KillModels.VERSIONS, atWrite, delayMs);
            NetworkSpec read;
            try {
                read = ModelFiles.read(target);
            } catch (UserInputException e) {
                fail("seed " + seed + ", kill " + k + " " + when + ": "
                        + "the model no longer reads: " + e.getMessage());
                return;
            }
            int v = KillModels.which(read);
            assertTrue(v >= 0, "seed " + seed + ", kill " + k + " " + when + ": the file reads but is none of the "
                    + KillModels.VERSIONS + " versions written");
            int litter = tempFiles(target).size();
            if (litter > maxLitter) {
                maxLitter = litter;
            }
            if (litter > 0) {
                midSave++;
            }
            versionsSeen.add(v);
            if (sawTemp) {
                caughtWriting++;
            }
            log.add("kill " + k + " " + when + ": version " + v + " read back, temp files left " + litter);
        }
        ModelFiles.write(target, KillModels.version(1)); // the next successful save to the same place
        List<Path> left = tempFiles(target);
        String summary = "kill test: " + kills + " kills (seed " + seed + "), every file read back whole (versions seen "
                + versionsSeen + "); "
                + caughtWriting + " kills hit a save while its temp file was there; " + midSave + " kills left a temp file beside it (up to " + maxLitter + " at once); after the next save: "
                + left.size() + " temp files left\n";
        Path repo = Path.of(System.getProperty("convlab.repo", "."));
        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/fuzz-kill-report.txt"), summary + String.join("\n", log) + "\n");
        System.out.println(summary);
        assertEquals(KillModels.which(ModelFiles.read(target)), 1);
        assertTrue(caughtWriting > 0, "seed " + seed + ": no kill hit a save in its write: the test proved nothing");
        assertTrue(left.isEmpty(), () -> "seed " + seed + ": the temp files of killed saves pile up; after the next successful"
                + " save " + left.size() + " are still there, e.g. " + left.get(0).getFileName());
    }

    /**
     * Starts a saver and waits until it is ready; then kills it {@code delayMs} later, or, with
     * {@code atWrite}, that long after a temp file appears beside the target. Returns whether a temp
     * file was there at the kill.
     */
    private boolean killAt(Path target, int firstVersion, boolean atWrite, long delayMs) throws IOException, InterruptedException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector",
                "-Djava.io.tmpdir=" + dir, "-Duser.home=" + dir, "-Dconvlab.home=" + dir,
                "-cp", System.getProperty("java.class.path"), KillSaver.class.getName(), target.toString(),
                String.valueOf(firstVersion));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine(), "the saver did not start");
            List<Path> stale = tempFiles(target); // left by earlier kills: only a new one means this saver writes
            if (atWrite) {
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (stale.containsAll(tempFiles(target)) && System.nanoTime() < giveUp) {
                    Thread.onSpinWait();
                }
            }
            Thread.sleep(delayMs);
            boolean temp = !stale.containsAll(tempFiles(target));
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
            p.waitFor(30, TimeUnit.SECONDS);
            return temp;
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The temporary files saves to {@code target} leave beside it: any hidden file or any name with
     * "tmp" in the folder, which holds nothing else (a file beside the model that a save means to keep,
     * such as a tensor file, is neither).
     */
    private static List<Path> tempFiles(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.filter(f -> !f.equals(target))
                    .filter(f -> f.getFileName().toString().startsWith(".") || f.getFileName().toString().toLowerCase().contains("tmp"))
                    .toList();
        }
    }
}
