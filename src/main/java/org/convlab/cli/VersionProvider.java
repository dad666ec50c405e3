package org.convlab.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest (falls back to "dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ConvLabCommand.class.getPackage().getImplementationVersion();
        return new String[] {
                "ConvLab " + (version == null ? "dev" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        };
    }
}
