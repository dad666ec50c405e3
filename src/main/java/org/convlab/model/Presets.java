package org.convlab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.convlab.UserInputException;

/** The built-in networks, by name ({@code preset:NAME} on the command line). */
public final class Presets {
    public static final String PREFIX = "preset:";

    private static final Map<String, Supplier<Preset>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("xo", SmallPresets::xo);
        ALL.put("lenet5", SmallPresets::lenet5);
        ALL.put("alexnet", ImageNetPresets::alexnet);
        ALL.put("zfnet", ImageNetPresets::zfnet);
        ALL.put("vgg16", ImageNetPresets::vgg16);
        ALL.put("googlenet", ImageNetPresets::googlenet);
        ALL.put("resnet18", ImageNetPresets::resnet18);
        ALL.put("tinyvgg", SmallPresets::tinyvgg);
        ALL.put("mnist1d", SmallPresets::mnist1d);
        ALL.put("mlp-mnist1d", SmallPresets::mlpMnist1d);
        ALL.put("sound1d", SoundPresets::sound1d);
    }

    private Presets() {}

    /** Names in a fixed, teaching order. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** The preset called {@code name}; an unknown name is a user error listing the available ones. */
    public static Preset get(String name) {
        Supplier<Preset> p = ALL.get(name);
        if (p == null) {
            throw new UserInputException("unknown preset '" + name + "' (available: " + String.join(", ", names()) + ")");
        }
        return p.get();
    }
}
