package org.plumly.connector.csv;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.plumly.api.connector.ConnectorException;

/**
 * Who an owner or manager cell means, as the row id of a user in the users file: that row id is what
 * the user's {@link org.plumly.api.UserId} derives from, so references line up with the users stream.
 */
interface Owners {

    /** The users-file row id the cell refers to; empty when it refers to no one there. */
    Optional<String> userRowId(String cell);

    /** The owners of an export: by id where the layout gives ids, else looked up by name or e-mail. */
    static Owners of(Export export) throws ConnectorException {
        return export.settings().layout().ownersByName() ? Directory.read(export) : Optional::of;
    }

    /**
     * The users file by name, e-mail and id, for exports that name owners (HubSpot's {@code Deal owner}
     * is {@code Dana Reyes}). A name two users share refers to neither. Holds one entry per user.
     */
    final class Directory implements Owners {
        private static final Pattern NAME_AND_ADDRESS = Pattern.compile(".*[(<]\\s*([^()<>\\s]+@[^()<>\\s]+)\\s*[)>]\\s*");

        private final Map<String, String> byKey = new HashMap<>();
        private final Set<String> ambiguous = new HashSet<>();

        static Directory read(Export export) throws ConnectorException {
            Directory directory = new Directory();
            try (CsvFile users = export.open(Source.USERS)) {
                for (Row row = users.next(); row != null; row = users.next()) {
                    String id = row.text(Field.USER_ID);
                    if (id == null || row.width() != users.headers().size()) {
                        continue; // the users stream rejects it
                    }
                    directory.add(id, id);
                    String email = row.text(Field.USER_EMAIL);
                    if (email != null) {
                        directory.add(email, id);
                    }
                    try {
                        directory.add(row.personName(Field.USER_NAME, Field.USER_FIRST_NAME, Field.USER_LAST_NAME), id);
                    } catch (BadRow nameless) {
                        // known by id and e-mail only; the users stream rejects it
                    }
                }
            }
            return directory;
        }

        private void add(String key, String rowId) {
            String normal = normal(key);
            String known = byKey.putIfAbsent(normal, rowId);
            if (known != null && !known.equals(rowId)) {
                ambiguous.add(normal);
            }
        }

        @Override
        public Optional<String> userRowId(String cell) {
            Matcher withAddress = NAME_AND_ADDRESS.matcher(cell);
            String key = normal(withAddress.matches() ? withAddress.group(1) : cell);
            return ambiguous.contains(key) ? Optional.empty() : Optional.ofNullable(byKey.get(key));
        }

        private static String normal(String key) {
            return key.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }
}
