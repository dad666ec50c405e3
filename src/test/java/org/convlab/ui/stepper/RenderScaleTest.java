package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.convlab.cli.ConvLabCommand;
import org.convlab.data.xo.XoLesson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --scale}: 2 doubles the PNG's width and height, anything but 1, 2 or 3 exits 2 with
 * one sentence, and the picture leaves the view's controls out (it is shorter than the view with
 * its bar of choices and its Play controls, by at least their height).
 */
class RenderScaleTest {
    @TempDir
    Path dir;

    private record Run(int code, String err) {}

    private Run render(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "render";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Run(ConvLabCommand.run(all), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    /** The slides' X as a JSON tensor, written from the lesson file's picture. */
    private Path xInput() throws Exception {
        StringBuilder data = new StringBuilder();
        for (int[] row : XoLesson.load().x()) {
            for (int v : row) {
                data.append(data.length() == 0 ? "" : ",").append(v);
            }
        }
        Path p = dir.resolve("x.json");
        Files.writeString(p, "{\"shape\": [1, 9, 9], \"data\": [" + data + "]}");
        return p;
    }

    @Test
    void scaleTwoDoublesWidthAndHeight() throws Exception {
        String x = xInput().toString();
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");
        assertEquals(0, render("preset:xo", "--input", x, "--view", "conv", "--step", "8", "--width", "900",
                "--out", one.toString()).code());
        Run r = render("preset:xo", "--input", x, "--view", "conv", "--step", "8", "--width", "900", "--scale", "2",
                "--out", two.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        assertEquals(900, a.getWidth());
        assertEquals(1800, b.getWidth());
        assertEquals(2 * a.getHeight(), b.getHeight(), 1);
    }

    @Test
    void aScaleOtherThanOneTwoOrThreeExitsTwoWithOneSentence() throws Exception {
        String x = xInput().toString();
        for (String bad : new String[] {"4", "0", "1.5", "abc", "-2"}) {
            Run r = render("preset:xo", "--input", x, "--view", "conv", "--scale", bad,
                    "--out", dir.resolve("a.png").toString());
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("--scale '" + bad + "' is not offered: use 1, 2 or 3"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        Run csv = render("preset:xo", "--input", x, "--view", "maps", "--scale", "2", "--out", dir.resolve("a.csv").toString());
        assertEquals(2, csv.code());
        assertTrue(csv.err().contains("a .csv file holds numbers"), csv.err());
        assertFalse(Files.exists(dir.resolve("a.png")) || Files.exists(dir.resolve("a.csv")), "nothing written");
    }

    @Test
    void theRenderedViewLeavesItsControlsOut() throws Exception {
        Path png = dir.resolve("conv.png");
        assertEquals(0, render("preset:xo", "--input", xInput().toString(), "--view", "conv", "--step", "8",
                "--width", "1000", "--out", png.toString()).code());
        int height = ImageIO.read(png.toFile()).getHeight();
        // the same view, laid out as render lays it out but drawn with its controls
        CompletableFuture<double[]> sizes = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                StepperSession session = new StepperSession(LessonNetwork.build(XoLesson.load()),
                        LessonNetwork.input(XoLesson.load().x()), true);
                Parent root = ViewRenderer.build(session, ViewRenderer.View.CONV, 0, 0, 8);
                ((Region) root).setPrefWidth(1000);
                Scene scene = new Scene(root, 1000, 600);
                scene.getStylesheets().add(ViewRenderer.class.getResource("/org/convlab/ui/convlab.css").toExternalForm());
                scene.getStylesheets().add(ViewRenderer.class.getResource(StepperTabs.CSS).toExternalForm());
                root.applyCss();
                root.layout();
                double full = root.prefHeight(1000);
                ((Region) root).resize(1000, full);
                root.layout();
                Node bar = root.lookup(".stepper-bar");
                Node controls = root.lookup(".step-controls");
                sizes.complete(new double[] {full, bar.getLayoutBounds().getHeight(), controls.getLayoutBounds().getHeight()});
            } catch (Throwable t) {
                sizes.completeExceptionally(t);
            }
        });
        double[] s = sizes.get(30, TimeUnit.SECONDS);
        assertTrue(s[1] > 20 && s[2] > 20, "the view has a bar and step controls");
        // the bar is a row of its own; the Play controls may sit beside the grids (no height of their own)
        assertTrue(height <= s[0] - s[1] + 1, "PNG " + height + " px; the view with controls " + s[0]
                + " px, of which bar " + s[1] + " and controls " + s[2]);
        assertTrue(height > 250, "the grids are there: " + height);
    }
}
