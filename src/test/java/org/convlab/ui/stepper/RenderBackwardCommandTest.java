package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.convlab.cli.ConvLabCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --view backward-loss|backward-dense|backward-pool|backward-relu|backward-conv|learning-step}
 * (issue 15): each view of the Backward tab is drawn headless for the X/O net and the canonical X,
 * and for LeNet-5 and a drawn digit, as a PNG of the asked width that shows something (a fair share of
 * the picture is not white); --scale 2 doubles it; every bad option exits 2 with one line naming it,
 * and no PNG is written. With {@code -Dconvlab.shots=DIR} the pictures are kept there to look at.
 */
class RenderBackwardCommandTest {
    static final String X_IMAGE = "sample-images/xo/x/x-01-canonical.png";
    static final String[] VIEWS = {"backward-loss", "backward-dense", "backward-pool", "backward-relu", "backward-conv",
        "learning-step"};

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private Run render(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "render";
            System.arraycopy(args, 0, all, 1, args.length);
            int code = ConvLabCommand.run(all);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    /** A 28x28 grey "7" for LeNet-5 (white ink on black, as MNIST). */
    private Path digit() throws Exception {
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 28, 28);
        g.setColor(Color.WHITE);
        g.setStroke(new java.awt.BasicStroke(3));
        g.drawLine(6, 6, 22, 6);
        g.drawLine(22, 6, 11, 23);
        g.dispose();
        Path p = dir.resolve("seven.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** The share of the picture's pixels that are not white. */
    private static double inked(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        return n / (double) ((long) img.getWidth() * img.getHeight());
    }

    /** Renders, checks the PNG and keeps a copy under -Dconvlab.shots when asked. */
    private BufferedImage drawn(String name, String... args) throws Exception {
        return drawnWithLabel(name, null, args);
    }

    /** As above; {@code label} the label line the command must print first (null: any). */
    private BufferedImage drawnWithLabel(String name, String label, String... args) throws Exception {
        Path out = dir.resolve(name + ".png");
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        Run r = render(all);
        assertEquals(0, r.code(), name + ": " + r.err());
        java.util.List<String> lines = r.out().strip().lines().toList();
        assertEquals(2, lines.size(), r.out());
        if (label != null) {
            assertEquals(label, lines.get(0), name);
        }
        assertEquals("wrote " + out, lines.get(1), name);
        assertTrue(Files.size(out) > 0, name);
        BufferedImage img = ImageIO.read(out.toFile());
        String shots = System.getProperty("convlab.shots");
        if (shots != null) {
            Files.createDirectories(Path.of(shots));
            Files.copy(out, Path.of(shots, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        return img;
    }

    @Test
    void everyBackwardViewOfTheXoNetIsDrawn() throws Exception {
        for (String view : VIEWS) {
            BufferedImage img = drawnWithLabel("xo-" + view, "drew the loss against label X (the class the input's folder is named"
                    + " for; --label picks another)", "preset:xo", "--input", X_IMAGE, "--view", view, "--width", "1000");
            assertEquals(1000, img.getWidth(), view);
            assertTrue(img.getHeight() >= 150 && img.getHeight() <= 3000, view + " height " + img.getHeight());
            double ink = inked(img);
            assertTrue(ink > 0.03, view + ": only " + ink + " of the picture is not white");
        }
    }

    @Test
    void everyBackwardViewOfLenet5IsDrawn() throws Exception {
        Path seven = digit();
        for (String view : VIEWS) {
            String[] extra = view.equals("learning-step") ? new String[] {"--layer", "0", "--lr", "0.1", "--steps", "2"}
                    : view.equals("backward-conv") ? new String[] {"--layer", "3", "--weight", "5,4,0,4", "--step", "7"}
                    : view.equals("backward-pool") ? new String[] {"--channel", "5", "--step", "20"}
                    : new String[0];
            String[] args = new String[7 + extra.length];
            String[] base = {"preset:lenet5", "--input", seven.toString(), "--view", view, "--width", "1000"};
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(extra, 0, args, base.length, extra.length);
            args = java.util.Arrays.copyOf(args, base.length + extra.length);
            BufferedImage img = drawn("lenet5-" + view, args);
            assertEquals(1000, img.getWidth(), view);
            assertTrue(img.getHeight() >= 150 && img.getHeight() <= 4000, view + " height " + img.getHeight());
            double ink = inked(img);
            assertTrue(ink > 0.02, view + ": only " + ink + " of the picture is not white");
        }
    }

    /** The label: as given, else the input's folder (sample-images/xo/o is an O), else the network's answer. */
    @Test
    void theLabelIsGivenOrTheFoldersOrThePredictedClass() throws Exception {
        drawnWithLabel("xo-o-loss", "drew the loss against label O (the class the input's folder is named for; --label picks"
                + " another)", "preset:xo", "--input", "sample-images/xo/o/o-01-canonical.png", "--view", "backward-loss");
        drawnWithLabel("xo-o-loss-as-x", "drew the loss against label X", "preset:xo", "--input",
                "sample-images/xo/o/o-01-canonical.png", "--view", "backward-loss", "--label", "0");
        // a file outside a class folder: the X/O net's slides' weights call the canonical X an X
        Path x = dir.resolve("x.png");
        Files.copy(Path.of(X_IMAGE), x);
        drawnWithLabel("xo-predicted", "drew the loss against label X (the class the network predicts; --label picks another)",
                "preset:xo", "--input", x.toString(), "--view", "backward-loss");
        Path o = dir.resolve("o.png");
        Files.copy(Path.of("sample-images/xo/o/o-01-canonical.png"), o);
        drawnWithLabel("xo-predicted-o", "drew the loss against label O (the class the network predicts; --label picks another)",
                "preset:xo", "--input", o.toString(), "--view", "backward-loss");
    }

    /**
     * What the command hands the views is what they draw: the learning step at the rate, on the
     * layer and as many times as asked (the picture alone could not tell 0.1 from 0.5), the conv
     * weight at the step asked, the dense layer's unit of the label.
     */
    @Test
    void theViewsAreSetAsAsked() throws Exception {
        drawn("start-fx", "preset:xo", "--input", X_IMAGE, "--view", "backward-loss"); // JavaFX up, headless
        org.convlab.nn.Network net = org.convlab.nn.Network.build(org.convlab.io.ModelFormats.load("preset:xo",
                java.util.List.of()), 1);
        float[] x = new float[81];
        int[][] grid = org.convlab.data.xo.XoLesson.load().x();
        for (int i = 0; i < 81; i++) {
            x[i] = grid[i / 9][i % 9];
        }
        StepperSession session = new StepperSession(net, x, true);
        java.util.concurrent.CompletableFuture<String> seen = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                LearningStepView learn = (LearningStepView) BackwardFigure.build(session, ViewRenderer.View.LEARNING_STEP,
                        0, 0, 0, new ViewRenderer.Backward(1, null, 0.1, 2));
                BackwardConvView conv = (BackwardConvView) BackwardFigure.build(session, ViewRenderer.View.BACKWARD_CONV,
                        0, 0, 7, new ViewRenderer.Backward(0, new int[] {2, 0, 0, 1}, Double.NaN, 1));
                seen.complete(learn.learner().steps() + " " + learn.lastStep().layer() + " " + learn.lastStep().learningRate()
                        + " label " + learn.lastStep().before().label() + " | " + conv.trace().target() + " step "
                        + conv.controls().step());
            } catch (Throwable t) {
                seen.completeExceptionally(t);
            }
        });
        assertEquals("2 conv1 0.1 label 1 | conv1:w[2][0][0][1] step 7", seen.get(1, java.util.concurrent.TimeUnit.MINUTES));
    }

    @Test
    void scaleTwoDoublesTheFigure() throws Exception {
        BufferedImage one = drawn("xo-pool-scale1", "preset:xo", "--input", X_IMAGE, "--view", "backward-pool",
                "--width", "800");
        BufferedImage two = drawn("xo-pool-scale2", "preset:xo", "--input", X_IMAGE, "--view", "backward-pool",
                "--width", "800", "--scale", "2");
        assertEquals(2 * one.getWidth(), two.getWidth());
        assertTrue(Math.abs(two.getHeight() - 2 * one.getHeight()) <= 2, one.getHeight() + " -> " + two.getHeight());
    }

    /** One line on stderr, exit 2, no PNG. */
    private void refused(String expected, String... args) throws Exception {
        Path out = dir.resolve("refused.png");
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        Run r = render(all);
        String what = String.join(" ", args) + "\n" + r.err();
        assertEquals(2, r.code(), what);
        assertEquals(1, r.err().strip().lines().count(), what);
        assertTrue(r.err().startsWith("error: "), what);
        assertTrue(r.err().contains(expected), what);
        assertFalse(Files.exists(out), what);
    }

    @Test
    void badOptionsExitTwoWithOneLine() throws Exception {
        // a network without a dense layer: a 3x3 conv of two filters gives the two classes' logits directly
        Path noDense = dir.resolve("no-dense.json");
        Files.writeString(noDense, "{\"format\": \"convlab-model\", \"version\": 1,"
                + " \"input\": {\"channels\": 1, \"height\": 3, \"width\": 3}, \"classes\": [\"a\", \"b\"],"
                + " \"layers\": [{\"type\": \"conv\", \"name\": \"conv1\", \"filters\": 2, \"kernel\": 3,"
                + " \"weight\": {\"shape\": [2, 1, 3, 3], \"data\": [1,0,1,0,1,0,1,0,1, 0,1,0,1,0,1,0,1,0]},"
                + " \"bias\": {\"shape\": [2], \"data\": [0, 0]}},"
                + " {\"type\": \"flatten\", \"name\": \"flat\"}]}");
        Path tensor = dir.resolve("t.json");
        Files.writeString(tensor, "{\"shape\": [1, 3, 3], \"data\": [1,0,1,0,1,0,1,0,1]}");
        refused("--view backward-dense needs a dense layer, and " + noDense + " has none",
                noDense.toString(), "--input", tensor.toString(), "--view", "backward-dense");
        String[] xo = {"preset:xo", "--input", X_IMAGE, "--view"};
        refused("--label must be a class index from 0 to 1 or a class name (X, O), got 'Q'", cat(xo, "backward-loss",
                "--label", "Q"));
        refused("--label must be a class index from 0 to 1 or a class name (X, O), got 2", cat(xo, "backward-loss",
                "--label", "2"));
        refused("--weight 0,0,3,0 is outside conv1's filters w[3][1][3][3]: filter F 0..2, channel C 0..0, row R 0..2,"
                + " col K 0..2", cat(xo, "backward-conv", "--weight", "0,0,3,0"));
        refused("--weight 3,0,0,0 is outside conv1's filters", cat(xo, "backward-conv", "--weight", "3,0,0,0"));
        refused("--weight must be four whole numbers F,C,R,K", cat(xo, "backward-conv", "--weight", "1,1"));
        refused("--weight must be", cat(xo, "backward-conv", "--weight", "0,0,-1,0"));
        refused("--step 50 is past the end: w[0][0][1][1] of conv1 touched the input in 49 windows, so --step goes 0..49",
                cat(xo, "backward-conv", "--step", "50"));
        refused("--step 16 is past the end: layer 2 (pool1) has 16 windows per channel (0..15",
                cat(xo, "backward-pool", "--step", "16"));
        refused("--layer 0 (conv1) is a conv layer, not a pooling layer: --view backward-pool takes 2 (",
                cat(xo, "backward-pool", "--layer", "0"));
        refused("--layer 0 (conv1) is a conv layer, not a dense layer: --view backward-dense takes 4 (",
                cat(xo, "backward-dense", "--layer", "0"));
        refused("--layer 1 (relu1) has no weights to learn: --view learning-step takes 0 (conv1), 4 (",
                cat(xo, "learning-step", "--layer", "1"));
        refused("--channel 2: dense layer 4 (fc1) has 2 units (0..1)", cat(xo, "backward-dense", "--channel", "2"));
        refused("--layer must be between 0 and 5", cat(xo, "backward-relu", "--layer", "6"));
        refused("--channel 3: layer 1 has 3 channels (0..2)", cat(xo, "backward-relu", "--channel", "3"));
        String rates = "one of the view's rates 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2 or 5";
        refused("--lr must be " + rates + ", got 0", cat(xo, "learning-step", "--lr", "0"));
        refused("--lr must be " + rates + ", got 0.3", cat(xo, "learning-step", "--lr", "0.3"));
        refused("--lr must be a number " + rates + ", got 'NaN'", cat(xo, "learning-step", "--lr", "NaN"));
        refused("--steps must be between 0 and 100, got 101", cat(xo, "learning-step", "--steps", "101"));
        refused("--step is for backward-pool (the window) and backward-conv", cat(xo, "backward-loss", "--step", "1"));
        refused("--weight is for --view backward-conv, not --view backward-pool", cat(xo, "backward-pool", "--weight",
                "0,0,0,0"));
        refused("--channel is for backward-pool, backward-relu (the channel) and backward-dense (the unit), not --view"
                + " backward-conv; backward-conv picks its weight with --weight F,C,R,K", cat(xo, "backward-conv",
                "--channel", "1"));
        refused("--filter is for --view conv and filters", cat(xo, "backward-conv", "--filter", "1"));
        refused("--lr is for --view learning-step, not --view conv", cat(xo, "conv", "--lr", "0.5"));
        refused("--label is for the backward views", cat(xo, "votes", "--label", "X"));
        refused("--view 'backward-softmax' is not a view: use conv,", cat(xo, "backward-softmax"));
    }

    private static String[] cat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
