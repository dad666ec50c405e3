package org.convlab.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --classes a,b,c}: names for the classes of an ONNX file that carries none (ConvLab's own
 * exports carry them in their metadata; other tools' files usually do not). Every command that
 * takes a MODEL mixes it in, so an {@code .onnx} file works wherever a model does.
 */
final class ClassNamesOption {
    @Option(names = "--classes", split = ",", paramLabel = "NAMES",
            description = "class names for an ONNX file that has none, comma-separated (default: from the file, else 0..K-1)")
    List<String> names;

    /** The names given, or null. */
    List<String> names() {
        return names;
    }
}
