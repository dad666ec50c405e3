package org.convlab.fuzz;

import java.nio.file.Path;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;

/**
 * The child of the kill test: saves the versions of {@link KillModels} to one path, again and again,
 * through {@link ModelFiles#write}, until it is killed. Prints "ready" once the models are built
 * and "saved N" after each save.
 */
public final class KillSaver {
    private KillSaver() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        NetworkSpec[] versions = new NetworkSpec[KillModels.VERSIONS];
        for (int v = 0; v < versions.length; v++) {
            versions[v] = KillModels.version(v);
        }
        System.out.println("ready");
        System.out.flush();
        for (long n = 0; ; n++) {
            ModelFiles.write(target, versions[(int) ((first + n) % versions.length)]);
            System.out.println("saved " + n);
            System.out.flush();
        }
    }
}
