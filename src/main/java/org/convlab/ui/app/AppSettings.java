package org.convlab.ui.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.convlab.model.ModelFiles;

/**
 * What the app remembers between runs (the text size), in {@code ~/.convlab/settings.properties}
 * next to the recent-files list ({@code -Dconvlab.home=DIR} moves both, as the tests do). Reading a
 * missing or damaged file gives the defaults; failing to write (a read-only home) is silent, since
 * a forgotten preference must never stop the app. Writes go to a temporary file first, then
 * replace the old one, so a crash cannot leave half a file.
 */
final class AppSettings {
    static final String FONT_SIZE = "fontSize";
    private final Path store;

    AppSettings(Path store) {
        this.store = store;
    }

    static AppSettings inUserHome() {
        String home = System.getProperty("convlab.home");
        Path dir = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".convlab");
        return new AppSettings(dir.resolve("settings.properties"));
    }

    /** The remembered text size if it is one the View menu offers, else {@code fallback}. */
    int fontSize(int fallback) {
        try {
            int px = Integer.parseInt(read().getProperty(FONT_SIZE, "").strip());
            return EditorMenus.FONT_SIZES.contains(px) ? px : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    void setFontSize(int px) {
        Properties p = read();
        p.setProperty(FONT_SIZE, Integer.toString(px));
        write(p);
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(store)) {
            try (Reader r = Files.newBufferedReader(store, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties(); // damaged: start again from the defaults
            }
        }
        return p;
    }

    private void write(Properties p) {
        try {
            ModelFiles.writeAtomically(store, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.store(w, "ConvLab settings");
                }
            });
        } catch (IOException | RuntimeException e) {
            // a read-only home: the setting is just not remembered
        }
    }
}
