package org.plumly.connector.imap;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.Participant;
import org.plumly.api.SourceRef;
import org.plumly.api.connector.ConnectorConfig;

/**
 * Turns a message's header block into an {@link Activity}. Only headers are read: the body stays in the raw
 * content, so a broken MIME body never stops a message. Whatever header does not parse is left out; a
 * message with no usable address at all cannot be an activity and is refused.
 */
final class MailActivities {
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    /** Room left for the integration id in an entity id of at most 256 characters. */
    private static final int MAX_SOURCE_ID = 180;

    private MailActivities() {
    }

    /**
     * A message of a folder as read from the server.
     *
     * @param raw         the whole message, or only its header block when {@code headersOnly}
     * @param headersOnly the message was larger than the connector keeps whole
     */
    record FolderMessage(String folder, long uidValidity, long uid, Instant internalDate, byte[] raw, boolean headersOnly) {
        String location() {
            return folder + " uid " + uid;
        }
    }

    /** Why a message cannot be an activity; the reason holds no personal data. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason);
        }
    }

    static Activity activity(ConnectorConfig config, String stream, FolderMessage message, boolean sentFolder,
            Optional<String> mailbox) throws Unreadable {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(message.raw()));
        } catch (MessagingException broken) {
            throw new Unreadable("the header block cannot be read: " + broken.getClass().getSimpleName());
        }
        List<Participant> participants = new ArrayList<>();
        participants.addAll(addresses(headers, "From", Participant.Role.FROM));
        participants.addAll(addresses(headers, "To", Participant.Role.TO));
        participants.addAll(addresses(headers, "Cc", Participant.Role.CC));
        if (participants.isEmpty()) {
            throw new Unreadable("no valid address in From, To or Cc");
        }
        boolean fromMailbox = mailbox.isPresent() && participants.stream()
                .anyMatch(p -> p.role() == Participant.Role.FROM && p.email().equals(mailbox.get()));
        Direction direction = sentFolder || fromMailbox ? Direction.OUTBOUND : Direction.INBOUND;
        SourceRef source = new SourceRef(config.integration(), stream, sourceId(headers, message));
        return new Activity(config.tenant(), ActivityId.of(source.entityId()), ActivityKind.EMAIL, direction,
                sentAt(headers).orElse(message.internalDate()), null, subject(headers), participants, null, null, null, false,
                source);
    }

    /**
     * The Message-ID, which stays the same when a folder is recreated or the message is copied, so reading it
     * again updates the same activity; without one, the folder, UIDVALIDITY and UID, which do not.
     */
    static String sourceId(InternetHeaders headers, FolderMessage message) {
        String id = messageId(headers.getHeader("Message-ID", null))
                .orElseGet(() -> message.folder() + ":" + message.uidValidity() + ":" + message.uid());
        return id.length() <= MAX_SOURCE_ID ? id : "sha256:" + sha256(id);
    }

    /** A Message-ID without its angle brackets and with its domain in lower case; empty when there is none. */
    static Optional<String> messageId(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String unfolded = MimeUtility.unfold(header).trim();
        Matcher angled = ANGLE_ID.matcher(unfolded);
        String id = angled.find() ? angled.group(1) : unfolded.matches("[^\\s<>]+@[^\\s<>]+") ? unfolded : null;
        if (id == null) {
            return Optional.empty();
        }
        int at = id.lastIndexOf('@');
        return Optional.of(at < 0 ? id : id.substring(0, at) + id.substring(at).toLowerCase(Locale.ROOT));
    }

    private static List<Participant> addresses(InternetHeaders headers, String name, Participant.Role role) {
        String value = headers.getHeader(name, ",");
        if (value == null) {
            return List.of();
        }
        List<InternetAddress> parsed = new ArrayList<>();
        try {
            parsed.addAll(List.of(InternetAddress.parseHeader(value, false)));
        } catch (AddressException wholeHeader) {
            for (String part : value.split(",")) { // keep what parses of a header that does not as a whole
                try {
                    parsed.addAll(List.of(InternetAddress.parseHeader(part, false)));
                } catch (AddressException unparseable) {
                    // this one is left out: the activity keeps the addresses that are valid
                }
            }
        }
        List<Participant> participants = new ArrayList<>();
        for (InternetAddress address : expandGroups(parsed)) {
            try {
                participants.add(new Participant(address.getAddress(), blankToNull(address.getPersonal()), role, null));
            } catch (IllegalArgumentException | NullPointerException notAnAddress) {
                // such as "undisclosed-recipients" without a domain: not a participant
            }
        }
        return participants;
    }

    private static List<InternetAddress> expandGroups(List<InternetAddress> addresses) {
        List<InternetAddress> expanded = new ArrayList<>();
        for (InternetAddress address : addresses) {
            if (!address.isGroup()) {
                expanded.add(address);
                continue;
            }
            try {
                expanded.addAll(List.of(address.getGroup(false)));
            } catch (AddressException brokenGroup) {
                // a group whose members do not parse adds no one
            }
        }
        return expanded;
    }

    private static Optional<Instant> sentAt(InternetHeaders headers) {
        String date = headers.getHeader("Date", null);
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MailDateFormat().parse(MimeUtility.unfold(date).trim()).toInstant());
        } catch (ParseException unparseable) {
            return Optional.empty(); // the server's INTERNALDATE stands in
        }
    }

    private static String subject(InternetHeaders headers) {
        String subject = headers.getHeader("Subject", null);
        if (subject == null) {
            return null;
        }
        String unfolded = MimeUtility.unfold(subject).trim();
        try {
            return blankToNull(MimeUtility.decodeText(unfolded));
        } catch (UnsupportedEncodingException unknownCharset) {
            return blankToNull(unfolded);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
