package org.convlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's first house rule: nothing outside {@code org.convlab.ui} touches JavaFX, so the
 * engine, the CLI and the tests of everything else run without a display. Checked twice: in the
 * sources (imports and fully qualified names) and in the compiled classes (any reference to a
 * {@code javafx/} class in a constant pool, however it got there).
 */
class ArchitectureTest {
    private static final Pattern JAVAFX_IN_CODE = Pattern.compile("\\bjavafx\\s*\\.");
    private static final byte[] JAVAFX_IN_CLASS = "javafx/".getBytes(StandardCharsets.ISO_8859_1);

    static Path repo() {
        return Path.of(System.getProperty("convlab.repo", "."));
    }

    static Path mainClasses() throws URISyntaxException {
        return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** True when a file under the main tree is allowed to use JavaFX. */
    static boolean inUi(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/').startsWith("org/convlab/ui/");
    }

    /** The code of a Java source with comments and string literals blanked out. */
    static String codeOnly(String source) {
        return source
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    static boolean sourceUsesJavaFx(String source) {
        return JAVAFX_IN_CODE.matcher(codeOnly(source)).find();
    }

    static boolean classUsesJavaFx(byte[] bytes) {
        outer:
        for (int i = 0; i + JAVAFX_IN_CLASS.length <= bytes.length; i++) {
            for (int j = 0; j < JAVAFX_IN_CLASS.length; j++) {
                if (bytes[i + j] != JAVAFX_IN_CLASS[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void noSourceOutsideUiMentionsJavaFx() throws IOException {
        Path root = repo().resolve("src/main/java");
        List<Path> sources = files(root, ".java");
        assertTrue(sources.size() > 10, "found the sources under " + root);
        List<String> offenders = new ArrayList<>();
        for (Path p : sources) {
            if (!inUi(root, p) && sourceUsesJavaFx(Files.readString(p))) {
                offenders.add(root.relativize(p).toString());
            }
        }
        assertEquals(List.of(), offenders, "JavaFX belongs in org.convlab.ui only");
    }

    /** DESIGN.md: the ONNX protobuf classes belong in the exchange package {@code io} and nowhere else. */
    @Test
    void onlyTheExchangePackageReferencesProtobuf() throws Exception {
        Path root = mainClasses();
        byte[][] marks = {"ai/onnx/".getBytes(StandardCharsets.ISO_8859_1), "com/google/protobuf/".getBytes(StandardCharsets.ISO_8859_1)};
        List<String> users = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        for (Path p : files(root, ".class")) {
            byte[] bytes = Files.readAllBytes(p);
            boolean uses = false;
            for (byte[] mark : marks) {
                uses |= contains(bytes, mark);
            }
            String name = root.relativize(p).toString().replace('\\', '/');
            if (uses) {
                users.add(name);
                if (!name.startsWith("org/convlab/io/")) {
                    offenders.add(name);
                }
            }
        }
        assertTrue(users.stream().anyMatch(n -> n.startsWith("org/convlab/io/onnx/")), "the check sees the ONNX classes where they are");
        assertEquals(List.of(), offenders, "protobuf belongs in org.convlab.io only");
    }

    private static boolean contains(byte[] bytes, byte[] mark) {
        outer:
        for (int i = 0; i + mark.length <= bytes.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (bytes[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void noCompiledClassOutsideUiReferencesJavaFx() throws Exception {
        Path root = mainClasses();
        List<Path> classes = files(root, ".class");
        assertTrue(classes.stream().anyMatch(p -> inUi(root, p)), "found the compiled classes under " + root);
        List<String> offenders = new ArrayList<>();
        for (Path p : classes) {
            if (!inUi(root, p) && classUsesJavaFx(Files.readAllBytes(p))) {
                offenders.add(root.relativize(p).toString());
            }
        }
        assertEquals(List.of(), offenders, "JavaFX belongs in org.convlab.ui only");
    }

    @Test
    void theCheckersSeeJavaFxWhereItIsAndNotInComments() throws Exception {
        assertTrue(sourceUsesJavaFx("package a;\nimport javafx.scene.Node;\nclass A {}"));
        assertTrue(sourceUsesJavaFx("class A { Object o = new javafx.scene.control.Label(); }"));
        assertFalse(sourceUsesJavaFx("// imports nothing from javafx.scene\nclass A { String s = \"javafx.x\"; }"));
        assertFalse(sourceUsesJavaFx("/** see {@code javafx.stage.Stage} */ class A {}"));
        // A UI class really does reference JavaFX in its constant pool: the class scan can fire.
        Path ui = mainClasses().resolve("org/convlab/ui/controls/PixelGrid.class");
        assertTrue(classUsesJavaFx(Files.readAllBytes(ui)));
        assertFalse(classUsesJavaFx(Files.readAllBytes(mainClasses().resolve("org/convlab/engine/Shape.class"))));
    }
}
