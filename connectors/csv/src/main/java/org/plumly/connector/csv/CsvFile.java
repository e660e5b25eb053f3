package org.plumly.connector.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.SourceFiles;

/**
 * One export file, open for reading row by row: UTF-8 (a byte-order mark is skipped), RFC 4180
 * (comma, {@code "} quoting, quoted values may hold commas, quotes and line breaks), a header row. On
 * opening it finds the column of every {@link Field} of its {@link Source}, as the layout or the
 * admin's mapping names it, and refuses a file without a column it needs.
 */
final class CsvFile implements AutoCloseable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> headers;
    private final Map<Field, Integer> indexes = new EnumMap<>(Field.class);
    private long lastRow = 1;

    private CsvFile(String name, CSVParser parser) {
        this.name = name;
        this.parser = parser;
        this.records = parser.iterator();
        this.headers = new ArrayList<>();
    }

    /**
     * Opens {@code path} (relative to the import folder, shown as {@code name}) as the file of {@code source}.
     *
     * @throws ConnectorException {@link ConnectorException.Kind#MISCONFIGURED} when it is not there, not CSV
     *                            in UTF-8, or lacks a column
     */
    static CsvFile open(SourceFiles files, String path, String name, Source source, ExportSettings settings)
            throws ConnectorException {
        InputStream in = files.open(path);
        CsvFile file;
        try {
            file = new CsvFile(name, FORMAT.parse(new InputStreamReader(withoutBom(in), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))));
        } catch (IOException e) {
            closeAfterFailure(in);
            throw ConnectorException.transientFailure(name + " cannot be read: " + e.getMessage(), e);
        }
        try {
            file.readHeader(source, settings);
            return file;
        } catch (ConnectorException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(BOM.length);
        byte[] start = buffered.readNBytes(BOM.length);
        if (start.length < BOM.length || start[0] != BOM[0] || start[1] != BOM[1] || start[2] != BOM[2]) {
            buffered.reset();
        }
        return buffered;
    }

    private void readHeader(Source source, ExportSettings settings) throws ConnectorException {
        Row header = next();
        if (header == null) {
            throw ConnectorException.misconfigured(name + " is empty: it needs a header row");
        }
        lastRow = 1;
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.width(); i++) {
            String column = header.cell(i) == null ? "" : header.cell(i);
            headers.add(column);
            byName.putIfAbsent(column.toLowerCase(Locale.ROOT), i);
        }
        for (Field field : Field.of(source)) {
            locate(field, settings, byName);
        }
        List<Field> nameFields = Field.of(source).stream().filter(Field::partOfName).toList();
        if (!nameFields.isEmpty() && nameFields.stream().noneMatch(indexes::containsKey)) {
            throw ConnectorException.misconfigured(name + " has no column of the name: " + nameFields.stream()
                    .map(field -> expected(field, settings).map(column -> "'" + column + "'").orElse(field.setting()))
                    .distinct().collect(Collectors.joining(", ")) + "; name the column that holds it in setting "
                    + nameFields.get(0).setting());
        }
    }

    /** Finds the column of a field: the one the admin mapped it to, else the first of the layout's the file has. */
    private void locate(Field field, ExportSettings settings, Map<String, Integer> byName) throws ConnectorException {
        Optional<String> mapped = settings.mappedHeader(field);
        Layout.Column column = settings.layout().column(field).orElse(null);
        List<String> wanted = mapped.map(List::of).orElse(column == null ? List.of() : column.headers());
        Optional<Integer> index = wanted.stream().map(h -> byName.get(h.strip().toLowerCase(Locale.ROOT))).filter(Objects::nonNull)
                .findFirst();
        if (index.isPresent()) {
            indexes.put(field, index.get());
        } else if (mapped.isPresent()) {
            throw ConnectorException.misconfigured(name + " has no column '" + mapped.get() + "', which setting " + field.setting()
                    + " names");
        } else if (column != null && column.required()) {
            throw ConnectorException.misconfigured(name + " has no column '" + wanted.get(0) + "' (" + field.meaning()
                    + "); if another column holds it, name that column in setting " + field.setting());
        }
    }

    private static Optional<String> expected(Field field, ExportSettings settings) {
        return settings.mappedHeader(field).or(() -> settings.layout().column(field).map(column -> column.headers().get(0)));
    }

    /** The next data row; null after the last. */
    Row next() throws ConnectorException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lastRow = record.getRecordNumber();
            return new Row(this, lastRow, record.values());
        } catch (UncheckedIOException failed) {
            IOException cause = failed.getCause();
            if (cause instanceof CSVException) {
                throw ConnectorException.misconfigured(name + " row " + (lastRow + 1)
                        + ": a quoted value is not closed, or a quote stands inside an unquoted value; fix the file and sync again");
            }
            if (cause instanceof CharacterCodingException) {
                throw ConnectorException.misconfigured(name + " near row " + (lastRow + 1) + " is not UTF-8 text; export it as UTF-8");
            }
            throw ConnectorException.transientFailure(name + " cannot be read: " + cause.getMessage(), cause);
        }
    }

    String name() {
        return name;
    }

    /** The header row as it is, trimmed. */
    List<String> headers() {
        return Collections.unmodifiableList(headers);
    }

    /** The column of a field; -1 when the file has none. */
    int index(Field field) {
        return indexes.getOrDefault(field, -1);
    }

    /** The header a field is read from, or the one the layout expects where the file has none. */
    String header(Field field) {
        Integer index = indexes.get(field);
        return index != null ? headers.get(index) : field.setting();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be closed", e);
        }
    }

    private static void closeAfterFailure(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the open failed already; that failure is what the caller reports
        }
    }
}
