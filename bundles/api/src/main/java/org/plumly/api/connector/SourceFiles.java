package org.plumly.api.connector;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The files an operator placed for the integration's tenant (CRM exports, calendar files), read-only.
 * Paths are relative to the tenant's import folder, which the hub's operator chooses; a path that
 * leads out of it (through {@code ..}, an absolute path or a link) is refused, so a company admin's
 * setting can never reach another tenant's files or the hub's own.
 *
 * <pre>{@code
 * for (SourceFile file : context.files().list("crm")) {
 *     try (Reader reader = new InputStreamReader(context.files().open(file.path()), StandardCharsets.UTF_8)) {
 *         ...
 *     }
 * }
 * }</pre>
 */
@ProviderType
public interface SourceFiles {

    /**
     * The regular files directly in {@code folder}, by name.
     *
     * @throws ConnectorException {@link ConnectorException.Kind#MISCONFIGURED} when the folder is not there or
     *                            leads out of the import folder; {@link ConnectorException.Kind#TRANSIENT} when it cannot be read
     */
    List<SourceFile> list(String folder) throws ConnectorException;

    /** Whether {@code path} is a regular file within the import folder. */
    boolean exists(String path);

    /**
     * Opens a file for reading; the caller closes the stream.
     *
     * @throws ConnectorException {@link ConnectorException.Kind#MISCONFIGURED} when it is not there or leads out of
     *                            the import folder; {@link ConnectorException.Kind#TRANSIENT} when it cannot be read
     */
    InputStream open(String path) throws ConnectorException;

    /** Files confined to {@code root}: what the hub hands a connector for a tenant, and what tests use. */
    static SourceFiles in(Path root) {
        return new Confined(root);
    }

    /**
     * One file.
     *
     * @param path     relative to the import folder, with {@code /} between names; pass it to {@link #open}
     * @param size     in bytes
     * @param modified when it last changed, in milliseconds since the epoch
     */
    record SourceFile(String path, long size, long modified) {
        public SourceFile {
            Objects.requireNonNull(path, "path");
        }

        /** The last name of the path. */
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** Resolves every path against the root and checks, links followed, that it stays inside. */
    final class Confined implements SourceFiles {
        private final Path root;

        private Confined(Path root) {
            this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        }

        @Override
        public List<SourceFile> list(String folder) throws ConnectorException {
            Path dir = resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw ConnectorException.misconfigured("no folder '" + folder + "' in the import folder");
            }
            List<SourceFile> files = new ArrayList<>();
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : entries.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                    if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                        files.add(new SourceFile(relative(entry), Files.size(entry), Files.getLastModifiedTime(entry).toMillis()));
                    }
                }
            } catch (IOException e) {
                throw ConnectorException.transientFailure("folder '" + folder + "' cannot be read: " + e.getMessage(), e);
            }
            return files;
        }

        @Override
        public boolean exists(String path) {
            try {
                return Files.isRegularFile(resolve(path));
            } catch (ConnectorException outside) {
                return false;
            }
        }

        @Override
        public InputStream open(String path) throws ConnectorException {
            Path file = resolve(path);
            if (!Files.isRegularFile(file)) {
                throw ConnectorException.misconfigured("no file '" + path + "' in the import folder");
            }
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw ConnectorException.transientFailure("file '" + path + "' cannot be read: " + e.getMessage(), e);
            }
        }

        private Path resolve(String relative) throws ConnectorException {
            Objects.requireNonNull(relative, "path");
            Path asked = Path.of(relative);
            Path resolved = root.resolve(asked).normalize();
            if (asked.isAbsolute() || !resolved.startsWith(root)) {
                throw ConnectorException.misconfigured("'" + relative + "' is not within the import folder");
            }
            if (Files.exists(resolved)) {
                try {
                    if (!resolved.toRealPath().startsWith(root.toRealPath())) {
                        throw ConnectorException.misconfigured("'" + relative + "' links out of the import folder");
                    }
                } catch (IOException e) {
                    throw ConnectorException.transientFailure("'" + relative + "' cannot be read: " + e.getMessage(), e);
                }
            }
            return resolved;
        }

        private String relative(Path file) {
            return root.relativize(file).toString().replace(File.separatorChar, '/');
        }

        @Override
        public String toString() {
            return "SourceFiles[" + root + "]";
        }
    }
}
