package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void vggTableHasTotalsWithSeparatorsAndFits100Columns() {
        Run r = run("summary", "preset:vgg16");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("138,357,544"), r.out());
        assertTrue(r.out().contains("138,344,128"), r.out());
        assertTrue(r.out().contains("15,237,608"), r.out());
        r.out().lines().forEach(l -> assertTrue(l.length() <= 100, l.length() + ": " + l));
    }

    @Test
    void alexNetTableShowsConv1WithItsFormula() {
        Run r = run("summary", "preset:alexnet");
        String conv1 = r.out().lines().filter(l -> l.startsWith("conv1 ")).findFirst().orElseThrow();
        assertTrue(conv1.contains("55x55x96") && conv1.contains("34,944") && conv1.contains("(227 - 11 + 2*0)/4 + 1 = 55"), conv1);
    }

    @Test
    void jsonIsOneObjectWithTheIssuesFields() throws Exception {
        Run r = run("summary", "preset:mnist1d", "--json");
        assertEquals(0, r.exit(), r.err());
        String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        JsonNode j = new ObjectMapper().readTree(last);
        assertEquals(2050, j.get("total_params").asLong());
        JsonNode conv1 = j.get("layers").get(0);
        for (String f : new String[] {"name", "type", "output_shape", "params", "weights", "biases", "activations", "formula"}) {
            assertTrue(conv1.has(f), f);
        }
        assertEquals("[15,1,19]", conv1.get("output_shape").toString());
        assertEquals(45, conv1.get("weights").asInt());
        assertEquals(15, conv1.get("biases").asInt());
        assertTrue(j.has("total_weights") && j.has("total_activations"));
    }

    @Test
    void badModelFileExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"input\": {\"channels\": 1, \"height\": 7, \"width\": 7},"
                + " \"layers\": [{\"type\": \"conv\", \"filters\": 1, \"kernel\": 3, \"stride\": 3}]}");
        Run r = run("summary", f.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("(7 - 3)/3 + 1 = 2.33"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownPresetAndMissingFileExitTwo() {
        Run r = run("summary", "preset:nope");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("available: xo"), r.err());
        Run m = run("summary", "no-such-model.json");
        assertEquals(2, m.exit());
        assertTrue(m.err().contains("no-such-model.json: no such model file"), m.err());
    }
}
