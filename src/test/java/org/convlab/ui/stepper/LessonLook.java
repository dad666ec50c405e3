package org.convlab.ui.stepper;

import java.io.File;
import java.io.IOException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.Theme;
import org.convlab.ui.lesson.LessonTab;

/**
 * A throwaway launcher for looking at the guided lesson under Xvfb (not a test): every step for
 * the X, the X with two flipped pixels, the O and the deformed X, at the window size given
 * (default 1366 x 768), written as PNGs to the folder given. Run: {@code java -cp ...
 * org.convlab.ui.stepper.LessonLook\$Main /tmp/out 1366 768 [em]}.
 */
public final class LessonLook extends Application {
    @Override
    public void start(Stage stage) throws IOException {
        var args = getParameters().getRaw();
        File out = new File(args.get(0));
        int w = Integer.parseInt(args.get(1));
        int h = Integer.parseInt(args.get(2));
        if (args.size() > 3) {
            Theme.setTextSize(Double.parseDouble(args.get(3)));
        }
        XoLesson lesson = XoLesson.load();
        LessonTab tab = new LessonTab(lesson);
        Scene scene = new Scene(tab, w, h);
        scene.getStylesheets().add(LessonLook.class.getResource("/org/convlab/ui/convlab.css").toExternalForm());
        Theme.styleRoot(tab);
        stage.setScene(scene);
        stage.show();
        XoLessonSequence seq = tab.sequence();
        String[] inputs = {"x", "flipped", "o", "deformed"};
        for (String in : inputs) {
            seq.session().reset();
            switch (in) {
                case "x", "flipped" -> seq.session().setInput(LessonNetwork.input(lesson.x()));
                case "o" -> seq.session().setInput(LessonNetwork.input(lesson.o()));
                default -> seq.session().setInput(LessonNetwork.input(lesson.xDeformed()));
            }
            if (in.equals("flipped")) {
                seq.session().flip(0, 1, 1);
                seq.session().flip(0, 4, 4);
            }
            for (int k = 0; k < seq.size(); k++) {
                seq.go(k);
                tab.applyCss();
                tab.layout();
                WritableImage img = scene.snapshot(null);
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                        new File(out, String.format("%s-%02d-%dx%d.png", in, k, w, h)));
            }
        }
        Platform.exit();
    }

    /** The entry point (a class that is not an Application, so JavaFX can sit on the class path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(LessonLook.class, args);
        }
    }
}
