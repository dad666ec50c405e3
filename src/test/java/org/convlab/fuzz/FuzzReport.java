package org.convlab.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The run's figures per kind, and every failure grouped by cause, with seed, command line and output. */
final class FuzzReport {
    /** A judged case. verdict is null when it passed. */
    record Judged(FuzzCase c, DriverRunner.Result r, String verdict) {}

    private static final Pattern THROWABLE = Pattern.compile("([A-Za-z_$][\\w$]*\\.)*[A-Z][\\w$]*(Exception|Error)\\b");

    private FuzzReport() {}

    /** The cause a failure is filed under: the verdict's first words and the exception class, if one shows. */
    static String cause(Judged j) {
        String v = j.verdict();
        int cut = v.length();
        for (String sep : new String[] {":", " ("}) {
            int i = v.indexOf(sep);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        String head = v.substring(0, cut);
        Matcher m = THROWABLE.matcher(j.r().thrown() + "\n" + j.r().err());
        return m.find() ? head + ": " + m.group() : head + " [" + j.c().kind() + "]";
    }

    static String write(Path file, List<Judged> all, String mode, long millis, int drivers, String heap) throws IOException {
        Map<String, int[]> perKind = new LinkedHashMap<>();
        Map<String, List<Judged>> byCause = new TreeMap<>();
        for (Judged j : all) {
            int[] n = perKind.computeIfAbsent(j.c().kind(), k -> new int[2]);
            n[0]++;
            if (j.verdict() != null) {
                n[1]++;
                byCause.computeIfAbsent(cause(j), k -> new ArrayList<>()).add(j);
            }
        }
        StringBuilder b = new StringBuilder();
        int failed = (int) all.stream().filter(j -> j.verdict() != null).count();
        b.append("ConvLab fuzz run (").append(mode).append(" mode): ").append(all.size()).append(" cases, ")
                .append(all.size() - failed).append(" passed, ").append(failed).append(" failed, in ")
                .append(millis / 1000).append(" s; driver JVMs started: ").append(drivers).append(", -Xmx").append(heap)
                .append("\n\n");
        b.append(String.format("%-16s %6s %6s %6s%n", "kind", "cases", "passed", "failed"));
        perKind.forEach((k, n) -> b.append(String.format("%-16s %6d %6d %6d%n", k, n[0], n[0] - n[1], n[1])));
        b.append("\nReproduce one case: ./mvnw -B -q -o test -Dtest='org.convlab.fuzz.CliFuzzTest' -Dconvlab.fuzz.case=KIND:SEED\n");
        if (!byCause.isEmpty()) {
            b.append("\nFailures by cause (").append(byCause.size()).append(" causes):\n");
        }
        for (Map.Entry<String, List<Judged>> e : byCause.entrySet()) {
            List<Judged> js = e.getValue();
            b.append("\n== ").append(e.getKey()).append(" -- ").append(js.size()).append(" case(s)\n");
            for (Judged j : js) {
                b.append("  - ").append(j.c().id()).append(" [").append(j.c().what()).append("]: ").append(j.verdict()).append('\n');
                b.append("      $ ").append(j.c().commandLine()).append('\n');
                b.append(indent(excerpt(j.r()), "      | "));
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return b.toString();
    }

    /** The first lines of what the case printed on stderr (or what escaped), enough to see the cause. */
    static String excerpt(DriverRunner.Result r) {
        String text = r.status().equals("EXIT") ? "exit " + r.exit() + "\n" + r.err() : r.status() + " " + r.thrown() + "\n" + r.err();
        List<String> lines = text.strip().lines().limit(6).toList();
        return String.join("\n", lines.stream().map(l -> l.length() > 300 ? l.substring(0, 300) + "..." : l).toList());
    }

    static String indent(String text, String prefix) {
        StringBuilder b = new StringBuilder();
        text.lines().forEach(l -> b.append(prefix).append(l).append('\n'));
        return b.toString();
    }
}
