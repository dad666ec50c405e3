package org.convlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.convlab.model.ConvSpec;
import org.convlab.trace.filtering.ImageFiltering;
import org.convlab.trace.filtering.ImageFiltering.Channels;
import org.convlab.trace.filtering.ImageFiltering.Result;
import org.convlab.trace.filtering.ImageKernel;
import org.convlab.ui.CutOffWalk;
import org.convlab.ui.editor.EditorModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kernel lab as a user drives it: Sobel x on the grey camera photo, checked pixel for pixel
 * against {@link ImageFiltering#apply} run here on the same decoded photo; the flip swaps the sign
 * at an edge (value and displayed shade); a typed kernel without a centre is refused in place; "Use
 * as conv1 filter" writes LeNet's conv1 and Undo restores it; nothing is cut off at classroom sizes.
 */
class FilterLabTest {
    private static final Path CAMERA = Path.of("sample-images", "photos", "camera.png");
    private static Stage stage;
    private static FilterLab lab;
    private static EditorModel model;
    private static final List<String> dialogs = new ArrayList<>();
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        model = EditorModel.ofPreset("lenet5");
        // on TestFX's primary stage, as the other window tests are: a stage of its own can lie under the
        // primary stage when JavaFX was started first by a headless render test, and clicks land there
        FxToolkit.setupStage(s -> {
            stage = s;
            lab = new FilterLab(model, (header, text) -> dialogs.add(header + ": " + text), false);
            Scene scene = new Scene(lab, 1024, 700);
            scene.getStylesheets().add(FilterLab.class.getResource("/org/convlab/ui/convlab.css").toExternalForm());
            s.setScene(scene);
            s.sizeToScene();
            s.show();
            lab.open(CAMERA);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lab.resultProperty().get() != null);
    }

    @AfterAll
    static void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> lab.dispose()).get(10, TimeUnit.SECONDS);
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Presses the lab's control {@code id} (a button or check box) on the JavaFX thread, as a click
     * does: its own action runs. Not the robot's mouse: when a headless render test started JavaFX
     * before this class, the robot's clicks did not reach this window (seen with RenderCommandTest
     * first), while the control's action is the same either way.
     */
    private void click(String id) throws Exception {
        onFx(() -> ((javafx.scene.control.ButtonBase) robot.from(lab).lookup(id).query()).fire());
    }

    /** Waits for the result of {@code kernelName} (the core names a flipped kernel "..., flipped"). */
    private static Result resultOf(String kernelName) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lab.resultProperty().get() != null
                && lab.resultProperty().get().applied().name().equals(kernelName));
        WaitForAsyncUtils.waitForFxEvents();
        return lab.resultProperty().get();
    }

    @Test
    void sobelMatchesTheEngineAndTheFlipSwapsTheSignAtAnEdge() throws Exception {
        Photo photo = Photo.read(CAMERA);
        assertEquals(1, photo.channels()); // the camera photo is grey: one channel
        ImageKernel sobel = ImageKernel.named("Sobel x");
        Result expected = ImageFiltering.apply(photo.values(), 1, photo.height(), photo.width(), sobel, false, 1, 0,
                Channels.EACH);
        onFx(() -> lab.controls().configure(sobel, false, 1, 0, Channels.EACH, Display.SIGNED));
        onFx(lab::recompute);
        Result shown = resultOf("Sobel x");
        assertArrayEquals(expected.values(), shown.values(), 0f);

        // an edge: the pixel with the largest |Sobel x| response
        int edge = 0;
        for (int i = 1; i < expected.values().length; i++) {
            edge = Math.abs(expected.values()[i]) > Math.abs(expected.values()[edge]) ? i : edge;
        }
        float v = expected.values()[edge];
        assertTrue(Math.abs(v) > 1, "an edge responds strongly: " + v);
        int row = edge / expected.width();
        int col = edge % expected.width();
        double shadeBefore = onFx(() -> shade(row, col));

        click("#labFlip");
        Result flipped = resultOf("Sobel x, flipped");
        assertEquals(-v, flipped.values()[edge], 0f); // Sobel x turned 180 degrees is minus Sobel x
        assertTrue(onFx(() -> ((CheckBox) robot.lookup("#labFlip").query()).isSelected()));
        double shadeAfter = onFx(() -> shade(row, col));
        // signed display: grey is 0, so the edge is on opposite sides of grey before and after
        assertTrue((shadeBefore - 0.5) * (shadeAfter - 0.5) < 0, shadeBefore + " then " + shadeAfter);

        // hovering that result pixel outlines its window and shows its sum
        String text = onFx(() -> {
            lab.hoverAt(row, col);
            return lab.arithmeticAt(row, col);
        });
        assertTrue(onFx(lab::windowOutlined));
        assertTrue(text.contains("= " + WindowText.number(-v)), text);
        assertTrue(robot.lookup("#labFlipNote").queryLabeled().getText().contains("Flipped"));
        onFx(() -> ((CheckBox) robot.lookup("#labFlip").query()).setSelected(false));
    }

    private static double shade(int row, int col) {
        Picture p = (Picture) lab.lookup("#labResult");
        return p.image().getPixelReader().getColor(col, row).getBrightness();
    }

    @Test
    void aTypedKernelWithoutACentreIsRefusedInPlaceAndTheResultStays() throws Exception {
        onFx(() -> lab.controls().configure(ImageKernel.named("box blur"), false, 1, 0, Channels.EACH, Display.CLIP));
        onFx(lab::recompute);
        Result before = resultOf("box blur");
        onFx(() -> ((TextField) robot.lookup("#labKernelText").query()).setText("1 2; 3 4"));
        assertTrue(lab.controls().messageIsRefusal());
        assertTrue(lab.controls().message().contains("no centre pixel"), lab.controls().message());
        assertTrue(robot.lookup("#labMessage").queryLabeled().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, lab.resultProperty().get());
        assertTrue(dialogs.stream().noneMatch(d -> d.contains("kernel")), dialogs.toString()); // in place, never a dialog

        onFx(() -> ((TextField) robot.lookup("#labKernelText").query()).setText("0 0 0; 0 2 0; 0 0 0"));
        Result typed = resultOf(LabControls.TYPED);
        assertFalse(lab.controls().messageIsRefusal());
        Photo photo = Photo.read(CAMERA);
        assertEquals(2 * photo.values()[photo.width() + 1], typed.values()[0], 0f); // (0,0) sits on photo (1,1)
    }

    @Test
    void useAsConv1WritesLenetsFirstFilterAndUndoRestoresIt() throws Exception {
        ConvSpec before = (ConvSpec) model.document().layers().get(0);
        // LeNet's conv1 is 5x5: a 3x3 kernel is refused with both sizes
        onFx(() -> lab.controls().configure(ImageKernel.named("Sobel x"), false, 1, 0, Channels.EACH, Display.ABSOLUTE));
        click("#labUseAsConv1");
        String refusal = lab.controls().message();
        assertTrue(refusal.contains("3 x 3") && refusal.contains("5 x 5"), refusal);
        assertSame(before, model.document().layers().get(0));

        ImageKernel gauss = ImageKernel.named("Gaussian blur 5x5");
        onFx(() -> lab.controls().configure(gauss, false, 1, 0, Channels.EACH, Display.ABSOLUTE));
        click("#labUseAsConv1");
        assertFalse(lab.controls().messageIsRefusal(), lab.controls().message());
        ConvSpec after = (ConvSpec) model.document().layers().get(0);
        float[] w = after.weight().data();
        assertArrayEquals(gauss.weights(), java.util.Arrays.copyOfRange(w, 0, 25), 0f);
        assertNotEquals(before, after);

        onFx(model::undo);
        assertEquals(before, model.document().layers().get(0));
    }

    @Test
    void aFileThatIsNotAPhotoIsTheUsualErrorDialogAndThePhotoStays(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.png"), "not a picture");
        Photo before = lab.photoProperty().get();
        int shown = dialogs.size();
        onFx(() -> lab.open(text));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogs.size() > shown);
        String d = dialogs.get(dialogs.size() - 1);
        assertTrue(d.startsWith("Cannot open notes.png: ") && d.contains("not an image"), d);
        assertSame(before, lab.photoProperty().get());
    }

    @Test
    void nothingIsCutOffAtClassroomSizes() throws Exception {
        for (int[] size : new int[][] {{1024, 768}, {1366, 768}}) {
            List<String> problems = onFx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                lab.applyCss();
                lab.layout();
                return new ArrayList<String>();
            });
            WaitForAsyncUtils.waitForFxEvents();
            onFx(() -> CutOffWalk.walk(lab, lab.getScene(), size[0] + "x" + size[1], problems));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
        assertNotNull(robot.lookup("#labFormula").queryLabeled().getText());
    }
}
