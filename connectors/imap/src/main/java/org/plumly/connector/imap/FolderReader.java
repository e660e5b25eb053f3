package org.plumly.connector.imap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.plumly.api.RawContent;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.RecordSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one folder from a cursor on: the UIDs after the last one delivered, in batches, each batch fetched
 * with one command (BODY.PEEK[], or BODY.PEEK[HEADER] for a message larger than the connector keeps whole)
 * and checkpointed once emitted. The raw content is the server's bytes, not a re-encoding.
 */
final class FolderReader {
    private static final Logger LOG = LoggerFactory.getLogger(FolderReader.class);
    private static final long MAX_UID = 0xFFFF_FFFFL;
    static final String MESSAGE = "message/rfc822";
    /** RFC 6522: the header block of a message whose body was not kept. */
    static final String HEADERS_ONLY = "text/rfc822-headers";

    private final ConnectorConfig config;
    private final ImapSettings settings;
    private final String stream;
    private final MailboxConnection.Resolved resolved;
    private final RecordSink sink;

    FolderReader(ConnectorConfig config, ImapSettings settings, String stream, MailboxConnection.Resolved resolved, RecordSink sink) {
        this.config = config;
        this.settings = settings;
        this.stream = stream;
        this.resolved = resolved;
        this.sink = sink;
    }

    /**
     * Reads what came after {@code saved}. A changed UIDVALIDITY means the folder was recreated and its UIDs
     * mean other messages now: the folder is read from its start, and the source ids (Message-IDs) make the
     * messages read before update their activities instead of adding copies. On a CONDSTORE server, an
     * unchanged HIGHESTMODSEQ says nothing was added, so the folder is not searched at all.
     */
    void read(FolderCursor saved, boolean condstore) throws ConnectorException, MessagingException {
        IMAPFolder folder = resolved.folder();
        long modSeq = condstore ? folder.getHighestModSeq() : 0;
        folder.open(Folder.READ_ONLY);
        try {
            long validity = folder.getUIDValidity();
            FolderCursor cursor = saved;
            if (saved.uidValidity() != validity) {
                if (saved != FolderCursor.START) {
                    LOG.info("Folder {} of integration {} was recreated (UIDVALIDITY {} is now {}): reading it again from its start",
                            folder.getFullName(), config.integration(), saved.uidValidity(), validity);
                }
                cursor = new FolderCursor(validity, 0, 0);
            } else if (modSeq > 0 && modSeq == saved.highestModSeq()) {
                sink.checkpoint(saved.state(stream));
                return;
            }
            List<long[]> pending = uidsAndSizesAfter(folder, cursor.lastUid());
            for (int from = 0; from < pending.size(); from += settings.batchSize()) {
                if (sink.stopRequested()) {
                    return;
                }
                List<long[]> batch = pending.subList(from, Math.min(pending.size(), from + settings.batchSize()));
                if (!emit(folder, validity, batch)) {
                    return;
                }
                cursor = new FolderCursor(validity, batch.get(batch.size() - 1)[0], 0);
                sink.checkpoint(cursor.state(stream));
            }
            if (!sink.stopRequested()) {
                sink.checkpoint(new FolderCursor(validity, cursor.lastUid(), modSeq).state(stream));
            }
        } finally {
            closeQuietly(folder);
        }
    }

    /** Closes the folder without hiding why a read failed: a folder whose connection broke fails to close too. */
    private void closeQuietly(IMAPFolder folder) {
        if (!folder.isOpen()) {
            return;
        }
        try {
            folder.close(false);
        } catch (MessagingException closing) {
            LOG.debug("Closing folder {} of integration {} failed: {}", folder.getFullName(), config.integration(), closing.toString());
        }
    }

    /** Emits a batch in UID order; false when a stop was requested before its end. */
    private boolean emit(IMAPFolder folder, long validity, List<long[]> batch) throws MessagingException {
        List<Long> whole = new ArrayList<>();
        List<Long> headersOnly = new ArrayList<>();
        for (long[] uidAndSize : batch) {
            (uidAndSize[1] <= settings.maxRawBytes() ? whole : headersOnly).add(uidAndSize[0]);
        }
        Map<Long, Fetched> fetched = new HashMap<>(fetch(folder, whole, "BODY.PEEK[]"));
        fetched.putAll(fetch(folder, headersOnly, "BODY.PEEK[HEADER]"));
        for (long[] uidAndSize : batch) {
            if (sink.stopRequested()) {
                return false;
            }
            long uid = uidAndSize[0];
            Fetched message = fetched.get(uid);
            String location = folder.getFullName() + " uid " + uid;
            if (message == null) {
                LOG.debug("{} of integration {} was expunged before it was fetched", location, config.integration());
                continue;
            }
            boolean cut = uidAndSize[1] > settings.maxRawBytes();
            MailActivities.FolderMessage read = new MailActivities.FolderMessage(folder.getFullName(), validity, uid,
                    message.internalDate(), message.raw(), cut);
            try {
                var activity = MailActivities.activity(config, stream, read, resolved.sent(), settings.mailbox());
                if (cut) {
                    LOG.info("{} of integration {} has {} bytes, more than the {} kept: only its headers are kept", location,
                            config.integration(), uidAndSize[1], settings.maxRawBytes());
                }
                sink.emit(activity, new RawContent(cut ? HEADERS_ONLY : MESSAGE, message.raw()));
            } catch (MailActivities.Unreadable malformed) {
                sink.reject(location, malformed.getMessage());
            } catch (IllegalArgumentException invalid) {
                sink.reject(location, "not a valid activity: " + invalid.getClass().getSimpleName());
            }
        }
        return true;
    }

    /** The UIDs after {@code lastUid} with their sizes, in UID order. */
    private static List<long[]> uidsAndSizesAfter(IMAPFolder folder, long lastUid) throws MessagingException {
        if (lastUid >= MAX_UID || folder.getMessageCount() == 0) {
            return List.of();
        }
        // "n:*" also answers the last message when n is past every UID: it is filtered out below
        Response[] responses = command(folder, "UID FETCH " + (lastUid + 1) + ":* (UID RFC822.SIZE)");
        List<long[]> found = new ArrayList<>();
        for (Response response : responses) {
            if (response instanceof FetchResponse fetch) {
                UID uid = fetch.getItem(UID.class);
                RFC822SIZE size = fetch.getItem(RFC822SIZE.class);
                if (uid != null && uid.uid > lastUid) {
                    found.add(new long[] {uid.uid, size == null ? 0 : size.size});
                }
            }
        }
        found.sort((a, b) -> Long.compare(a[0], b[0]));
        return found;
    }

    private record Fetched(Instant internalDate, byte[] raw) {
    }

    private static Map<Long, Fetched> fetch(IMAPFolder folder, List<Long> uids, String section) throws MessagingException {
        if (uids.isEmpty()) {
            return Map.of();
        }
        StringJoiner set = new StringJoiner(",");
        uids.forEach(uid -> set.add(Long.toString(uid)));
        Map<Long, Fetched> fetched = new HashMap<>();
        for (Response response : command(folder, "UID FETCH " + set + " (UID INTERNALDATE " + section + ")")) {
            if (response instanceof FetchResponse fetch) {
                UID uid = fetch.getItem(UID.class);
                BODY body = fetch.getItem(BODY.class);
                INTERNALDATE date = fetch.getItem(INTERNALDATE.class);
                if (uid != null && body != null && body.getByteArray() != null) {
                    Instant internal = date == null || date.getDate() == null ? Instant.EPOCH : date.getDate().toInstant();
                    fetched.put(uid.uid, new Fetched(internal, body.getByteArray().getNewBytes()));
                }
            }
        }
        return fetched;
    }

    /** One command on the folder's connection; its untagged answers also reach the folder, as Jakarta Mail's own do. */
    private static Response[] command(IMAPFolder folder, String command) throws MessagingException {
        return (Response[]) folder.doCommand(protocol -> {
            Response[] responses = protocol.command(command, null);
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return responses;
        });
    }
}
