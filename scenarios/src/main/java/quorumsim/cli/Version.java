package quorumsim.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"quorumsim " + (version == null ? "0.1.0" : version), "Java " + System.getProperty("java.version")};
    }
}
