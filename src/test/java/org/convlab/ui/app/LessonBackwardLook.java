package org.convlab.ui.app;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.stepper.XoLessonSequence;

/**
 * A throwaway launcher for looking at the lesson's backward steps (issue 15) under Xvfb (not a
 * test): the main window at the size given, optionally in presentation mode, each step from "The
 * answer" on, then "Train the votes" after training and "The answer" again, as PNGs. Run:
 * {@code java -cp ... org.convlab.ui.app.LessonBackwardLook\$Main OUT W H [present] [fractions]}.
 */
public final class LessonBackwardLook extends Application {
    private MainWindow window;
    private Scene scene;

    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        File out = new File(args.get(0));
        int w = Integer.parseInt(args.get(1));
        int h = Integer.parseInt(args.get(2));
        boolean present = args.contains("present");
        boolean fractions = args.contains("fractions");
        window = new MainWindow(XoLesson.load());
        scene = new Scene(window, w, h);
        scene.getStylesheets().add(ConvLabApp.class.getResource(ConvLabApp.CSS).toExternalForm());
        stage.setScene(scene);
        stage.show();
        window.showDeferredPanels();
        window.presentation().setFullScreen(false);
        String tag = w + "x" + h + (present ? "-present" : "") + (fractions ? "-frac" : "");
        Thread t = new Thread(() -> {
            try {
                XoLessonSequence[] seq = new XoLessonSequence[1];
                fx(() -> {
                    window.views().show(CenterViews.LESSON);
                    seq[0] = ((org.convlab.ui.lesson.LessonTab) window.views().getSelectionModel().getSelectedItem()
                            .getContent()).sequence();
                    if (present) {
                        window.presentation().set(true);
                    }
                    seq[0].session().setFractions(fractions);
                });
                XoLessonSequence s = seq[0];
                int answer = s.indexOf("The answer");
                for (int k = answer; k < s.size(); k++) {
                    int step = k;
                    fx(() -> s.go(step));
                    shoot(out, String.format("%s-%02d", tag, k));
                    fx(() -> {
                        javafx.scene.Node c = s.lookup("#lessonContent");
                        var kids = ((javafx.scene.layout.Pane) c).getChildren();
                        javafx.scene.Node n = kids.isEmpty() ? null : kids.get(0);
                        System.out.println("step " + step + " " + n + " h=" + (n == null ? 0 : n.getLayoutBounds().getHeight())
                                + " pref=" + (n instanceof javafx.scene.layout.Region r ? r.prefHeight(r.getWidth()) : 0));
                    });
                }
                fx(() -> ((javafx.scene.control.Button) scene.lookup("#trainAll")).fire());
                Thread.sleep(6000);
                shoot(out, tag + "-trained");
                fx(() -> s.go(answer));
                shoot(out, tag + "-answer-after");
                fx(() -> s.go(answer + 1));
                shoot(out, tag + "-loss-after");
            } catch (Exception e) {
                e.printStackTrace();
            }
            Platform.exit();
        });
        t.setDaemon(true);
        t.start();
    }

    private void shoot(File out, String name) throws Exception {
        Thread.sleep(700);
        fx(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(out, name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void fx(Runnable r) throws Exception {
        FutureTask<Void> task = new FutureTask<>(r, null);
        Platform.runLater(task);
        task.get();
    }

    /** The entry point (a class that is not an Application, so JavaFX can sit on the class path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(LessonBackwardLook.class, args);
        }
    }
}
