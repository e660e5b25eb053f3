package org.plumly.connector.imap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

import org.plumly.api.EmailAddress;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;

/**
 * The settings of one IMAP integration, read and checked once per call.
 *
 * @param folders     the configured folder names by stream name, in the configured order
 * @param mailbox     the address whose mailbox this is, normalized; empty when neither set nor the user name
 * @param maxRawBytes messages larger than this keep only their header block as raw content
 * @param batchSize   UIDs fetched and checkpointed together
 */
record ImapSettings(String host, int port, Security security, Auth auth, String username, String password,
                    Map<String, String> folders, Optional<String> mailbox, long maxRawBytes, int batchSize) {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String SECURITY = "security";
    static final String AUTH = "auth";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String FOLDERS = "folders";
    static final String MAILBOX = "mailbox";
    static final String MAX_MESSAGE_MB = "maxMessageMb";
    static final String BATCH_SIZE = "batchSize";

    static final List<ConfigField> FIELDS = List.of(
            new ConfigField(HOST, "IMAP server", ConfigField.Type.HOST, true, false, null),
            new ConfigField(PORT, "Port", ConfigField.Type.INTEGER, false, false, "993"),
            new ConfigField(SECURITY, "Connection security: ssl (IMAPS), starttls, or none (only to a server on this machine)",
                    ConfigField.Type.TEXT, false, false, "ssl"),
            new ConfigField(AUTH, "Login: password, or xoauth2 with the integration's OAuth2 access token",
                    ConfigField.Type.TEXT, false, false, "password"),
            new ConfigField(USERNAME, "User name", ConfigField.Type.TEXT, true, false, null),
            new ConfigField(PASSWORD, "Password (for auth=password)", ConfigField.Type.TEXT, false, true, null),
            new ConfigField(FOLDERS, "Folders to read, comma-separated; Sent also finds the server's sent folder",
                    ConfigField.Type.TEXT, false, false, "INBOX,Sent"),
            new ConfigField(MAILBOX, "The address of this mailbox (default: the user name when it is an address)",
                    ConfigField.Type.TEXT, false, false, null),
            new ConfigField(MAX_MESSAGE_MB, "Largest message kept whole, in MB; larger ones keep their headers only",
                    ConfigField.Type.INTEGER, false, false, "10"),
            new ConfigField(BATCH_SIZE, "Messages fetched per batch (one checkpoint each)", ConfigField.Type.INTEGER, false, false,
                    "100"));

    /** How the connection is protected. */
    enum Security {
        SSL, STARTTLS, NONE
    }

    /** How the connector logs in. */
    enum Auth {
        PASSWORD, XOAUTH2
    }

    /** The settings of {@code config}; {@link ConnectorException.Kind#MISCONFIGURED} naming what is wrong. */
    static ImapSettings of(ConnectorConfig config) throws ConnectorException {
        String host = required(config, HOST).trim();
        Security security = choice(config, SECURITY, Security.class, Security.SSL);
        if (security == Security.NONE && !isLoopback(host)) {
            throw ConnectorException.misconfigured("security 'none' sends the password in clear text: it is allowed only for a "
                    + "server on the hub's own machine, not for " + host);
        }
        Auth auth = choice(config, AUTH, Auth.class, Auth.PASSWORD);
        String username = required(config, USERNAME);
        String password = auth == Auth.PASSWORD ? required(config, PASSWORD) : null;
        Optional<String> mailbox = config.find(MAILBOX).or(() -> Optional.of(username).filter(name -> name.contains("@")));
        try {
            mailbox = mailbox.map(EmailAddress::normalize);
        } catch (IllegalArgumentException notAnAddress) {
            throw ConnectorException.misconfigured("the mailbox setting is not an e-mail address");
        }
        return new ImapSettings(host, config.number(PORT, 993, 1, 65_535), security, auth, username, password,
                folders(config.find(FOLDERS).orElse("INBOX,Sent")), mailbox,
                config.number(MAX_MESSAGE_MB, 10, 1, 1_000) * 1024L * 1024L, config.number(BATCH_SIZE, 100, 1, 10_000));
    }

    /** The configured folders by stream name; the names follow from the folders alone, so discover needs no connection. */
    static Map<String, String> folders(String setting) throws ConnectorException {
        Map<String, String> byStream = new LinkedHashMap<>();
        for (String folder : setting.split(",")) {
            String name = folder.trim();
            if (name.isEmpty()) {
                continue;
            }
            String previous = byStream.put(streamName(name), name);
            if (previous != null) {
                throw ConnectorException.misconfigured("folders '" + previous + "' and '" + name + "' would be read as the same stream");
            }
        }
        if (byStream.isEmpty()) {
            throw ConnectorException.misconfigured("no folder to read");
        }
        return byStream;
    }

    /**
     * The stream of a folder: its name in lower case, with runs of other characters than letters and digits as
     * one dash ({@code [Gmail]/Sent Mail} is {@code gmail-sent-mail}); a name without such letters gets a checksum.
     */
    static String streamName(String folder) {
        String slug = folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            CRC32 crc = new CRC32();
            crc.update(folder.getBytes(StandardCharsets.UTF_8));
            slug = "folder-" + (slug.isEmpty() ? "" : slug + "-") + Long.toHexString(crc.getValue());
        }
        return slug.length() > 63 ? slug.substring(0, 63) : slug;
    }

    /** By name only, without a DNS query: {@code localhost} or a literal loopback address. */
    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.matches("127(\\.\\d{1,3}){3}") || name.equals("::1") || name.equals("[::1]");
    }

    private static String required(ConnectorConfig config, String key) throws ConnectorException {
        return config.find(key).orElseThrow(() -> ConnectorException.misconfigured("setting '" + key + "' is missing"));
    }

    private static <E extends Enum<E>> E choice(ConnectorConfig config, String key, Class<E> type, E fallback)
            throws ConnectorException {
        Optional<String> value = config.find(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.get().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ConnectorException.misconfigured("setting '" + key + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public String toString() {
        return "ImapSettings[" + username + "@" + host + ":" + port + ", " + security + ", " + auth + ", " + folders.values() + "]";
    }
}
