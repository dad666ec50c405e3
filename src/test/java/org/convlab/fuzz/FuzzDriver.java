package org.convlab.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.convlab.cli.ConvLabCommand;

/**
 * Runs fuzz cases in-process through {@link ConvLabCommand#run}, in a JVM of its own with a small
 * heap, started once per batch by {@link DriverRunner}. For each case it prints "START id" and then
 * one "RESULT " line of JSON (exit code, captured stdout and stderr, or what escaped). A case that
 * does not finish within the timeout is reported as a hang and the JVM halts, since its thread
 * cannot be stopped; the runner starts a new driver from the next case.
 *
 * <p>Arguments: the cases file (one JSON object a line: {"id", "args"}), the index to start at, and
 * the timeout per case in milliseconds.
 */
public final class FuzzDriver {
    /** Exit code of a driver that halted after a hang. */
    static final int HALTED_AFTER_HANG = 3;
    private static final int KEEP = 16 * 1024;

    private FuzzDriver() {}

    public static void main(String[] a) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Path.of(a[0]), StandardCharsets.UTF_8);
        int start = Integer.parseInt(a[1]);
        long timeoutMs = Long.parseLong(a[2]);
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        for (int i = start; i < lines.size(); i++) {
            JsonNode c = json.readTree(lines.get(i));
            List<String> args = new ArrayList<>();
            c.get("args").forEach(n -> args.add(n.asText()));
            protocol.println("START " + i);
            Bounded out = new Bounded();
            Bounded err = new Bounded();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            AtomicReference<Integer> exit = new AtomicReference<>();
            AtomicReference<Throwable> escaped = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    exit.set(ConvLabCommand.run(args.toArray(String[]::new)));
                } catch (Throwable e) { // an OutOfMemoryError or anything else the CLI let through
                    escaped.set(e);
                }
            }, "fuzz-case-" + i);
            t.setDaemon(true);
            t.start();
            t.join(timeoutMs);
            ObjectNode r = json.createObjectNode();
            r.put("index", i);
            if (t.isAlive()) {
                r.put("status", "HANG");
            } else if (escaped.get() != null) {
                Throwable e = escaped.get();
                r.put("status", e instanceof OutOfMemoryError ? "OOM" : "THROWN");
                r.put("thrown", String.valueOf(e));
            } else {
                r.put("status", "EXIT");
                r.put("exit", exit.get());
            }
            System.out.flush();
            System.err.flush();
            r.put("out", out.text());
            r.put("err", err.text());
            protocol.println("RESULT " + json.writeValueAsString(r));
            if (t.isAlive()) {
                protocol.flush();
                Runtime.getRuntime().halt(HALTED_AFTER_HANG);
            }
            out.reset();
            err.reset();
        }
        protocol.println("DONE");
        protocol.flush();
        Runtime.getRuntime().halt(0); // threads the CLI left behind (pools) must not keep the JVM up
    }

    /** Keeps the first 16 KB written (a runaway printer must not fill the small heap) and counts the rest. */
    static final class Bounded extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long dropped;

        @Override
        public synchronized void write(int b) {
            if (kept.size() < KEEP) {
                kept.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, Math.min(len, KEEP - kept.size()));
            kept.write(b, off, room);
            dropped += len - room;
        }

        synchronized String text() {
            String s = kept.toString(StandardCharsets.UTF_8);
            return dropped == 0 ? s : s + "\n[... " + dropped + " more bytes]";
        }

        synchronized void reset() {
            kept.reset();
            dropped = 0;
        }
    }
}
