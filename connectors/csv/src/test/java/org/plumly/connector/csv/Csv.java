package org.plumly.connector.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes CSV files as exports do: RFC 4180, a value quoted when it holds a comma, a quote or a line break. */
final class Csv {
    private Csv() {
    }

    /** One line of values, ending with CRLF. */
    static String line(String... values) {
        return Stream.of(values).map(Csv::quoted).collect(Collectors.joining(",")) + "\r\n";
    }

    static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** Writes {@code header} and {@code rows} to {@code folder/name}. */
    static Path write(Path folder, String name, List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(line(header.toArray(String[]::new)));
        rows.forEach(row -> text.append(line(row.toArray(String[]::new))));
        return writeText(folder, name, text.toString());
    }

    /** Writes {@code text} as it is, in UTF-8. */
    static Path writeText(Path folder, String name, String text) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
