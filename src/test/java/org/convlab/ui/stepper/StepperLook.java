package org.convlab.ui.stepper;

import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.convlab.data.xo.XoLesson;
import org.convlab.model.Presets;
import org.convlab.nn.Network;

/**
 * A throwaway window for looking at the step-through on a larger net under Xvfb (not a test):
 * the tabs in a frame, with LeNet-5 (seed 1) opened on Fashion-MNIST test image 1234 when the
 * data set is installed. Run: {@code java -cp target/classes:target/test-classes:<deps>
 * org.convlab.ui.stepper.StepperLook\$Main [index]}.
 */
public final class StepperLook extends Application {
    static final String IMAGES = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
    static final String LABELS = "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz";
    static final String[] NAMES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
        "Sneaker", "Bag", "Ankle boot"};

    @Override
    public void start(Stage stage) throws IOException {
        int index = getParameters().getRaw().isEmpty() ? 1234 : Integer.parseInt(getParameters().getRaw().get(0));
        StepperTabs tabs = StepperTabs.forLesson(XoLesson.load());
        float[] x = new float[784];
        int label;
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new FileInputStream(IMAGES)));
             DataInputStream lab = new DataInputStream(new GZIPInputStream(new FileInputStream(LABELS)))) {
            in.skipNBytes(16 + 784L * index);
            for (int i = 0; i < 784; i++) {
                x[i] = in.readUnsignedByte() / 255f;
            }
            lab.skipNBytes(8 + index);
            label = lab.readUnsignedByte();
        }
        Network net = Network.build(Presets.get("lenet5").network(), 1);
        tabs.open(net, x, false, "LeNet-5 (seed 1, untrained) \u2014 test image " + index + ", true: " + NAMES[label]);
        tabs.getSelectionModel().select(0);
        BorderPane frame = new BorderPane(tabs);
        frame.setLeft(new Label("  layer stack  "));
        stage.setScene(new Scene(frame, 1366, 768));
        stage.show();
    }

    /** The entry point (a class that is not an Application, so JavaFX can sit on the class path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(StepperLook.class, args);
        }
    }
}
