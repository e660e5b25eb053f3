package org.plumly.connector.csv;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * One data row of a {@link CsvFile}, read by {@link Field}. Cells are trimmed; an empty cell is no
 * value. Whatever does not parse is a {@link BadRow} naming the column.
 */
final class Row {
    /**
     * Dates as exports write them: {@code 2026-11-25}, with a time ({@code T} or a space between)
     * to the minute, second or fraction, and an offset ({@code Z}, {@code +01:00}, {@code +0100}).
     * A time without an offset is taken as UTC.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final CsvFile file;
    private final long number;
    private final String[] cells;

    Row(CsvFile file, long number, String[] cells) {
        this.file = file;
        this.number = number;
        this.cells = cells;
    }

    /** Where it is, as a person counts rows with the header as row 1: {@code Opportunity.csv row 17}. */
    String location() {
        return file.name() + " row " + number;
    }

    /** An empty line: no record and nothing wrong. */
    boolean blank() {
        return cells.length == 1 && cells[0].isBlank();
    }

    /** Refuses a row with more or fewer cells than the header, whose values cannot be told apart. */
    void requireShape() throws BadRow {
        if (cells.length != file.headers().size()) {
            throw new BadRow("the row has " + cells.length + " columns, the header " + file.headers().size());
        }
    }

    /** How many cells it has. */
    int width() {
        return cells.length;
    }

    /** The trimmed cell of a field; null when the file has no such column or the cell is empty. */
    String text(Field field) {
        return cell(file.index(field));
    }

    /** The trimmed cell at {@code index}; null when it is empty or there is none. */
    String cell(int index) {
        if (index < 0 || index >= cells.length) {
            return null;
        }
        String value = cells[index].strip();
        return value.isEmpty() ? null : value;
    }

    String required(Field field) throws BadRow {
        String value = text(field);
        if (value == null) {
            throw new BadRow("column " + file.header(field) + " is empty");
        }
        return value;
    }

    /** A person's name from the name column, or else from the first and last name columns. */
    String personName(Field name, Field first, Field last) throws BadRow {
        String full = text(name);
        if (full != null) {
            return full;
        }
        String joined = ((text(first) == null ? "" : text(first)) + " " + (text(last) == null ? "" : text(last))).strip();
        if (joined.isEmpty()) {
            throw new BadRow("the name columns are empty");
        }
        return joined;
    }

    Instant instant(Field field) throws BadRow {
        String value = text(field);
        return value == null ? null : instant(value, file.header(field));
    }

    Instant requiredInstant(Field field) throws BadRow {
        return instant(required(field), file.header(field));
    }

    /** The cell at {@code index}, a date-time, under {@code header}. */
    Instant instant(int index, String header) throws BadRow {
        String value = cell(index);
        return value == null ? null : instant(value, header);
    }

    LocalDate date(Field field) throws BadRow {
        String value = text(field);
        if (value == null) {
            return null;
        }
        TemporalAccessor parsed = parse(value, file.header(field));
        return LocalDate.from(parsed);
    }

    Boolean flag(Field field) throws BadRow {
        String value = text(field);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw new BadRow("column " + file.header(field) + " is not true or false");
        };
    }

    BigDecimal amount(Field field) throws BadRow {
        String value = text(field);
        if (value == null) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            throw new BadRow("column " + file.header(field) + " is not a plain decimal number");
        }
        if (amount.signum() < 0) {
            throw new BadRow("column " + file.header(field) + " is negative");
        }
        return amount;
    }

    /** The header a field is read from, for reasons. */
    String header(Field field) {
        return file.header(field);
    }

    private static Instant instant(String value, String header) throws BadRow {
        TemporalAccessor parsed = parse(value, header);
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (parsed instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static TemporalAccessor parse(String value, String header) throws BadRow {
        try {
            return DATE_TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        } catch (DateTimeParseException notADate) {
            throw new BadRow("column " + header + " is not a date (yyyy-MM-dd, with a time or not)");
        }
    }
}
