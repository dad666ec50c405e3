package org.convlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remembered text size: kept across instances, and any damage falls back to the default. */
class AppSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aChosenTextSizeIsThereNextTime() {
        Path file = dir.resolve("home/settings.properties");
        new AppSettings(file).setFontSize(20);
        assertEquals(20, new AppSettings(file).fontSize(15));
        new AppSettings(file).setFontSize(14);
        assertEquals(14, new AppSettings(file).fontSize(15));
    }

    @Test
    void noFileGivesTheDefault() {
        assertEquals(15, new AppSettings(dir.resolve("none.properties")).fontSize(15));
    }

    @Test
    void aDamagedOrOddValueGivesTheDefault() throws Exception {
        Path file = dir.resolve("settings.properties");
        for (String text : new String[] {"fontSize=huge\n", "fontSize=7\n", "fontSize=\\u12\n", "\u0000\u0001"}) {
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
            assertEquals(15, new AppSettings(file).fontSize(15), text);
        }
    }

    @Test
    void writingLeavesNoTemporaryFilesBehind() throws Exception {
        Path file = dir.resolve("settings.properties");
        new AppSettings(file).setFontSize(18);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertTrue(Files.readString(file).contains("fontSize=18"));
    }
}
