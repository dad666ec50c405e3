package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Why convolution, in numbers (issue 16 item 2). Expected values are the slides' own: "8x8 image,
 * 3x3 filter, stride 1: total connections? 6x6x1 x 3x3x1. What would it have been fully connected?
 * Total unique parameters? 3x3x1 + bias", and "a 256x256 RGB image and 1,000 classes: a single
 * dense layer has 3 x 256 x 256 x 1,000 = 196,608,000 parameters"; the rest by hand below.
 */
class WhyConvolutionTest {
    private static NetworkSpec model(int c, int h, int w, String layers) {
        return ModelReader.read("{\"input\": {\"channels\": " + c + ", \"height\": " + h + ", \"width\": " + w
                + "}, \"layers\": " + layers + "}", "m.json");
    }

    private static final String SLIDES_8X8 = "[{\"type\": \"conv\", \"name\": \"conv1\", \"filters\": 1, \"kernel\": 3,"
            + " \"stride\": 1, \"padding\": \"valid\", \"bias\": true}]";

    @Test
    void theSlides8x8ImageWithA3x3Filter() {
        ModelSummary s = ModelSummary.of(model(1, 8, 8, SLIDES_8X8));
        WhyConvolution w = WhyConvolution.of(s).get(0);
        assertEquals(6 * 6 * 1, w.outputs());
        assertEquals(3 * 3 * 1, w.window());
        assertEquals(6 * 6 * 1 * 3 * 3 * 1, w.connections()); // 324
        assertEquals(3 * 3 * 1 + 1, w.params()); // 10 unique parameters
        assertEquals(64 * 36, w.denseWeights()); // 2,304 fully connected
        assertEquals(230.4, w.ratio(), 1e-12);
        String table = SummaryReport.table(s);
        assertTrue(java.util.regex.Pattern.compile("conv1  connections 36 outputs x 9 = 324, params 10\n +dense: 64 x 36 = 2,304 weights, 230x the params").matcher(table).find(),
                table);
    }

    @Test
    void aSingleDenseLayerOnA256x256RgbImageFor1000ClassesHas196608000Weights() {
        ModelSummary s = ModelSummary.of(model(3, 256, 256,
                "[{\"type\": \"flatten\"}, {\"type\": \"dense\", \"name\": \"fc\", \"units\": 1000, \"bias\": false}]"));
        assertEquals(196_608_000L, s.totalWeights());
        // and the conv that keeps the volume (3x3, 16 filters, same padding) against a dense layer doing the same
        ModelSummary conv = ModelSummary.of(model(3, 256, 256, "[{\"type\": \"conv\", \"name\": \"c\", \"filters\": 16,"
                + " \"kernel\": 3, \"padding\": \"same\", \"bias\": true}]"));
        WhyConvolution w = WhyConvolution.of(conv).get(0);
        long in = 3L * 256 * 256;
        long out = 16L * 256 * 256;
        assertEquals(out * 27, w.connections());
        assertEquals(16 * 27 + 16, w.params());
        assertEquals(in * out, w.denseWeights()); // 206,158,430,208
    }

    @Test
    void totalsAddEveryConvIncludingThoseInsideBlocksAndTheJsonCarriesThem() throws Exception {
        // conv1 8x8x1 -> 6x6x2 (3x3), then a residual block whose branch convs keep 6x6x2 (3x3 same, no bias)
        ModelSummary s = ModelSummary.of(model(1, 8, 8, "[{\"type\": \"conv\", \"name\": \"conv1\", \"filters\": 2,"
                + " \"kernel\": 3, \"bias\": true}, {\"type\": \"residual\", \"name\": \"res\", \"branch\": [{\"type\":"
                + " \"conv\", \"name\": \"a\", \"filters\": 2, \"kernel\": 3, \"padding\": \"same\", \"bias\": false}]}]"));
        List<WhyConvolution> convs = WhyConvolution.of(s);
        assertEquals(2, convs.size());
        long c1 = 72L * 9;      // 6x6x2 outputs x 3x3x1 window
        long c2 = 72L * 18;     // 6x6x2 outputs x 3x3x2 window
        long d1 = 64L * 72;
        long d2 = 72L * 72;
        WhyConvolution t = WhyConvolution.total(convs);
        assertEquals(c1 + c2, t.connections());
        assertEquals(20 + 36, t.params());
        assertEquals(d1 + d2, t.denseWeights());
        JsonNode json = new ObjectMapper().readTree(SummaryReport.json(s));
        assertEquals(c1 + c2, json.get("total_conv_connections").asLong());
        assertEquals(56, json.get("total_conv_params").asLong());
        assertEquals(d1 + d2, json.get("total_dense_equivalent_weights").asLong());
        assertEquals(c1, json.get("layers").get(0).get("connections").asLong());
        assertEquals(d1, json.get("layers").get(0).get("dense_equivalent_weights").asLong());
        assertTrue(SummaryReport.table(s).contains("total"));
    }

    @Test
    void aDenseEquivalentPast2To63IsSaidAsMoreThanRatherThanWrapped() {
        WhyConvolution w = WhyConvolution.layer("huge", 1L << 40, 9, 1L << 40, 10);
        assertEquals(Long.MAX_VALUE, w.denseWeights());
        assertEquals("more than 9,223,372,036,854,775,806", WhyConvolution.count(w.denseWeights()));
        assertEquals("no params to compare", WhyConvolution.ratioText(WhyConvolution.layer("n", 4, 9, 16, 0).ratio()));
        assertEquals("1.0x", WhyConvolution.ratioText(1.0));
        assertEquals("1,024x", WhyConvolution.ratioText(1024.0));
    }
}
