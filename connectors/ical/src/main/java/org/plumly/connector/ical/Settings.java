package org.plumly.connector.ical;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.plumly.api.EmailAddress;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;

/** The settings of one integration, checked: what is wrong with them is a MISCONFIGURED answer naming the setting. */
record Settings(Source source, URI url, String file, Optional<String> username, Optional<String> password,
                Optional<String> mailbox, int windowPastDays, int windowFutureDays, ZoneId floatingZone, int batchSize) {

    static final String SOURCE = "source";
    static final String URL = "url";
    static final String FILE = "file";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String MAILBOX = "mailbox";
    static final String WINDOW_PAST_DAYS = "windowPastDays";
    static final String WINDOW_FUTURE_DAYS = "windowFutureDays";
    static final String TIME_ZONE = "timeZone";
    static final String BATCH_SIZE = "batchSize";

    /** Where the meetings come from. */
    enum Source {
        FEED, FILE, CALDAV
    }

    static Settings of(ConnectorConfig config) throws ConnectorException {
        Source source = source(config);
        URI url = source == Source.FILE ? null : url(config, source);
        String file = source == Source.FILE ? config.find(FILE).map(String::trim)
                .orElseThrow(() -> ConnectorException.misconfigured("setting 'file' is missing: the calendar file's path in the import folder"))
                : null;
        Optional<String> username = config.find(USERNAME).map(String::trim);
        Optional<String> password = config.find(PASSWORD);
        if (password.isPresent() && username.isEmpty()) {
            throw ConnectorException.misconfigured("a password is set without a username");
        }
        Optional<String> mailbox = config.find(MAILBOX).map(String::trim);
        if (mailbox.isPresent()) {
            try {
                mailbox = Optional.of(EmailAddress.normalize(mailbox.get()));
            } catch (IllegalArgumentException notAnAddress) {
                throw ConnectorException.misconfigured("setting 'mailbox' is not an e-mail address");
            }
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(config.find(TIME_ZONE).orElse("UTC").trim());
        } catch (DateTimeException unknown) {
            throw ConnectorException.misconfigured("setting 'timeZone' is not a time-zone id such as Europe/Berlin");
        }
        return new Settings(source, url, file, username, password, mailbox,
                config.number(WINDOW_PAST_DAYS, 550, 0, 36_500), config.number(WINDOW_FUTURE_DAYS, 90, 0, 3_650), zone,
                config.number(BATCH_SIZE, 100, 1, 1_000));
    }

    private static Source source(ConnectorConfig config) throws ConnectorException {
        String value = config.find(SOURCE).orElse("feed").trim().toUpperCase(Locale.ROOT);
        try {
            return Source.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw ConnectorException.misconfigured("setting 'source' must be feed, file or caldav");
        }
    }

    private static URI url(ConnectorConfig config, Source source) throws ConnectorException {
        String value = config.find(URL).map(String::trim).orElseThrow(() -> ConnectorException.misconfigured(
                "setting 'url' is missing: the " + (source == Source.CALDAV ? "CalDAV calendar collection" : "calendar feed") + " address"));
        if (value.regionMatches(true, 0, "webcal://", 0, 9)) {
            value = "https://" + value.substring(9); // what calendar apps do with a webcal: link
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException malformed) {
            throw ConnectorException.misconfigured("setting 'url' is not a URL");
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
            throw ConnectorException.misconfigured("setting 'url' must be an https address");
        }
        if (source == Source.CALDAV && !uri.getRawPath().endsWith("/")) {
            uri = URI.create(uri + "/"); // a collection: its members' hrefs resolve below it
        }
        return uri;
    }

    /** The HTTP Basic credentials, when a username is set. */
    Optional<String> authorization() {
        return username.map(user -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    /** Where the calendar is, for messages: the host or the file, never a feed's path (secret feed addresses hide a key in it). */
    String where() {
        return source == Source.FILE ? "file '" + file + "'" : url.getHost();
    }

    /**
     * A fingerprint of where the calendar is and who reads it, kept in the state: a state saved for another
     * source is no position in this one. A hash, so a secret feed address is not written into the state.
     */
    String origin() {
        String what = source + "\n" + (source == Source.FILE ? file : url.toString()) + "\n" + username.orElse("");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException cannotHappen) {
            throw new IllegalStateException("every Java runtime has SHA-256", cannotHappen);
        }
    }
}
