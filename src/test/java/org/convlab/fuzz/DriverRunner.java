package org.convlab.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link FuzzDriver} in a JVM with a small heap and collects one {@link Result} per case.
 * When the driver halts (after a hang) or dies (an error outside the case's thread), a new one is
 * started from the next case, and the case it was on is reported with the driver's last words.
 */
final class DriverRunner {
    /** What one case did. status: EXIT, HANG, OOM, THROWN or DIED. */
    record Result(String status, int exit, String out, String err, String thrown) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private final String heap;
    private final long timeoutMs;
    int driversStarted;

    DriverRunner(Path work, String heap, long timeoutMs) {
        this.work = work;
        this.heap = heap;
        this.timeoutMs = timeoutMs;
    }

    List<Result> run(List<FuzzCase> cases) throws IOException, InterruptedException {
        Path list = work.resolve("cases.jsonl");
        List<String> lines = new ArrayList<>();
        for (FuzzCase c : cases) {
            lines.add(JSON.writeValueAsString(java.util.Map.of("id", c.id(), "args", c.args())));
        }
        Files.write(list, lines, StandardCharsets.UTF_8);
        Result[] results = new Result[cases.size()];
        int next = 0;
        while (next < cases.size()) {
            next = batch(list, next, results);
        }
        return List.of(results);
    }

    /** Runs one driver from {@code start}; returns the index to go on from. */
    private int batch(Path list, int start, Result[] results) throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("home"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path driverErr = work.resolve("driver-stderr.txt");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-modules", "jdk.incubator.vector",
                "-Dconvlab.home=" + home, "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp,
                "-Djava.awt.headless=true", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-cp", System.getProperty("java.class.path"),
                FuzzDriver.class.getName(), list.toString(), String.valueOf(start), String.valueOf(timeoutMs)));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.to(driverErr.toFile()));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        driversStarted++;
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    queue.add(line);
                }
            } catch (IOException ignored) {
                // the driver died: handled below
            } finally {
                queue.add("EOF");
            }
        }, "fuzz-driver-reader");
        reader.setDaemon(true);
        reader.start();
        int current = -1;
        try {
            while (true) {
                // the driver times each case itself; this is only a guard against a driver that stops answering
                String line = queue.poll(timeoutMs + 60_000, TimeUnit.MILLISECONDS);
                if (line == null) {
                    p.destroyForcibly().waitFor();
                    return died(results, current, start, "the driver stopped answering", driverErr);
                }
                if (line.startsWith("START ")) {
                    current = Integer.parseInt(line.substring(6).trim());
                } else if (line.startsWith("RESULT ")) {
                    JsonNode r = JSON.readTree(line.substring(7));
                    int i = r.get("index").asInt();
                    results[i] = new Result(r.get("status").asText(), r.path("exit").asInt(-1),
                            r.path("out").asText(""), r.path("err").asText(""), r.path("thrown").asText(""));
                    if (r.get("status").asText().equals("HANG")) {
                        p.waitFor(30, TimeUnit.SECONDS);
                        p.destroyForcibly().waitFor();
                        return i + 1;
                    }
                } else if (line.equals("DONE")) {
                    p.waitFor(30, TimeUnit.SECONDS);
                    return results.length;
                } else if (line.equals("EOF")) {
                    p.waitFor(30, TimeUnit.SECONDS);
                    return died(results, current, start, "the driver JVM ended (exit " + exitOf(p) + ")", driverErr);
                }
                // other lines: output of a thread the CLI left running, written to the real stdout; ignored
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static String exitOf(Process p) {
        return p.isAlive() ? "still running" : String.valueOf(p.exitValue());
    }

    private static int died(Result[] results, int current, int start, String why, Path driverErr) throws IOException {
        int i = current >= 0 ? current : start;
        if (results[i] == null) {
            String tail = Files.exists(driverErr) ? Files.readString(driverErr, StandardCharsets.UTF_8) : "";
            if (tail.length() > 4000) {
                tail = tail.substring(tail.length() - 4000);
            }
            results[i] = new Result("DIED", -1, "", tail, why);
        }
        return i + 1;
    }
}
