package quorumsim.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Output folders never mix two runs and never overwrite another one silently.
 *
 * <p>Every folder quorumsim writes holds a manifest, {@value #MANIFEST}: the identity of what
 * wrote it (a hash of the effective configuration: the scenario's text, the overrides, the
 * seed and, for a sweep, its grid) and the files it wrote. A wanted folder is used when it is
 * missing or empty, or when it holds outputs of the same identity; then the files its manifest
 * lists are deleted first, so nothing of the earlier write (a {@code trace.jsonl}, the charts of
 * another grid) stays beside the new files. Otherwise the first free {@code DIR-2},
 * {@code DIR-3}, ... is used, and {@link Folder#moved()} tells the caller to say so.
 */
public final class OutputFolders {
    public static final String MANIFEST = ".quorumsim-outputs";
    private static final String HEADER = "quorumsim outputs ";

    private OutputFolders() {
    }

    /** A folder prepared for one run, sweep or reproduction. */
    public static final class Folder {
        private final Path dir;
        private final Path wanted;
        private final String identity;
        private final TreeSet<String> before;

        private Folder(Path dir, Path wanted, String identity, TreeSet<String> before) {
            this.dir = dir;
            this.wanted = wanted;
            this.identity = identity;
            this.before = before;
        }

        public Path dir() {
            return dir;
        }

        public Path wanted() {
            return wanted;
        }

        /** True when the wanted folder holds another run and this one went to DIR-n. */
        public boolean moved() {
            return !dir.equals(wanted);
        }

        /** Records the files written since the folder was prepared, so the next write of this identity clears them. */
        public void seal() {
            List<String> written = new ArrayList<>();
            for (String file : files(dir)) {
                if (!before.contains(file)) {
                    written.add(file);
                }
            }
            writeManifest(dir, identity, written);
        }
    }

    /** A short hash of the parts of a configuration: equal parts, equal identity. */
    public static String identity(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Chooses the folder (see the class comment), creates it, deletes the files an earlier write
     * of the same identity left, and marks it as this identity's.
     *
     * @throws UncheckedIOException when the folder cannot be created or cleared
     */
    public static Folder prepare(Path wanted, String identity) {
        for (int i = 1; ; i++) {
            Path candidate = i == 1 ? wanted : wanted.resolveSibling(wanted.getFileName() + "-" + i);
            boolean free = isFree(candidate);
            if (free || holds(candidate, identity)) {
                try {
                    Files.createDirectories(candidate);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create output folder " + candidate + ": " + e.getMessage(), e);
                }
                if (!free) {
                    clear(candidate);
                }
                writeManifest(candidate, identity, List.of());
                return new Folder(candidate, wanted, identity, new TreeSet<>(files(candidate)));
            }
        }
    }

    private static boolean isFree(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean holds(Path dir, String identity) {
        List<String> manifest = manifest(dir);
        return !manifest.isEmpty() && manifest.get(0).equals(HEADER + identity);
    }

    private static List<String> manifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Deletes the files the manifest lists: plain names inside the folder, nothing else. */
    private static void clear(Path dir) {
        List<String> manifest = manifest(dir);
        for (String name : manifest.subList(Math.min(1, manifest.size()), manifest.size())) {
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                continue;
            }
            Path file = dir.resolve(name);
            try {
                if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear " + file + " of the earlier run: " + e.getMessage(), e);
            }
        }
    }

    /** The regular files in the folder, by name, without the manifest. */
    private static List<String> files(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(MANIFEST)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list output folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeManifest(Path dir, String identity, List<String> written) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + identity);
        lines.addAll(written);
        try {
            Files.write(dir.resolve(MANIFEST), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(MANIFEST) + ": " + e.getMessage(), e);
        }
    }
}
