package org.convlab.ui.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The ConvLab desktop app (shell to be filled in by the foundation issue). */
public final class ConvLabApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(ConvLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("ConvLab");
        stage.setScene(new Scene(new BorderPane(), 1280, 720));
        stage.show();
    }
}
