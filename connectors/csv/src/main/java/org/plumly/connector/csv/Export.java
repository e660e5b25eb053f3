package org.plumly.connector.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.SourceFiles;
import org.plumly.api.connector.SourceFiles.SourceFile;

/**
 * The files of one export as they are now in the tenant's import folder, reached only through
 * {@link SourceFiles}: which of the layout's files are there, and how to open them.
 */
final class Export {
    private final SourceFiles files;
    private final ExportSettings settings;
    private final Map<String, SourceFile> byName = new HashMap<>();

    private Export(SourceFiles files, ExportSettings settings, List<SourceFile> listed) {
        this.files = files;
        this.settings = settings;
        listed.forEach(file -> byName.put(file.name(), file));
    }

    /**
     * The export in the folder of the settings.
     *
     * @throws ConnectorException {@link ConnectorException.Kind#MISCONFIGURED} when the folder is not there
     */
    static Export in(SourceFiles files, ExportSettings settings) throws ConnectorException {
        return new Export(files, settings, files.list(settings.folder()));
    }

    ExportSettings settings() {
        return settings;
    }

    /**
     * Opens the file of {@code source}.
     *
     * @throws ConnectorException {@link ConnectorException.Kind#MISCONFIGURED} naming the file when it is not
     *                            there or lacks a column
     */
    CsvFile open(Source source) throws ConnectorException {
        SourceFile file = file(source);
        return CsvFile.open(files, file.path(), file.name(), source, settings);
    }

    /** The file name of {@code source}, for locations and reasons. */
    String name(Source source) {
        return settings.fileName(source).orElseThrow(() -> new IllegalArgumentException(
                "layout " + settings.layout().key() + " has no file of " + source.key()));
    }

    /**
     * What a read of these sources depends on: the settings, and each file's name, size and last
     * change. Equal fingerprints mean an unchanged file, so a read in full need not be done again.
     */
    String fingerprint(List<Source> sources) throws ConnectorException {
        StringBuilder print = new StringBuilder(settings.fingerprint());
        for (Source source : sources) {
            SourceFile file = file(source);
            print.append('|').append(file.name()).append(':').append(file.size()).append(':').append(file.modified());
        }
        return print.toString();
    }

    private SourceFile file(Source source) throws ConnectorException {
        String name = name(source);
        SourceFile file = byName.get(name);
        if (file == null) {
            throw ConnectorException.misconfigured("folder '" + settings.folder() + "' holds no " + name + ", the "
                    + source.key() + " file of a " + settings.layout().key() + " export"
                    + "; if it has another name there, give that name in setting " + source.fileSetting());
        }
        return file;
    }
}
