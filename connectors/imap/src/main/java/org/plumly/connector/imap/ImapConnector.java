package org.plumly.connector.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;

import org.osgi.service.component.annotations.Component;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/**
 * Reads mail over IMAP: one incremental stream of e-mail activities per configured folder ({@code INBOX} is
 * {@code inbox}, {@code Sent Items} is {@code sent-items}), resumed by UIDVALIDITY and UID, each message's
 * raw MIME kept beside its activity. It connects only through the integration's egress.
 *
 * <p>Authorized like an API key: the admin enters a password, kept in the hub's vault. With setting
 * {@code auth=xoauth2} it logs in by SASL XOAUTH2 with {@link ConnectorContext#accessToken()} instead; the hub
 * hands out access tokens only to integrations of an OAuth2-authorized connector, so that mode serves a
 * connector whose spec wraps this one with a mail vendor's OAuth2 endpoints.
 */
@Component(service = Connector.class)
public class ImapConnector implements Connector {

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec("imap", "IMAP mail", AuthorizationKind.API_KEY, Set.of(), ImapSettings.FIELDS);
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        try {
            ImapSettings settings = ImapSettings.of(context.config());
            try (MailboxConnection connection = MailboxConnection.open(context, settings)) {
                for (String configured : settings.folders().values()) {
                    Folder folder = connection.folder(configured).folder();
                    try {
                        folder.open(Folder.READ_ONLY);
                        folder.close(false);
                    } catch (MessagingException failed) {
                        throw MailboxConnection.failure(settings, "cannot open folder '" + configured + "'", failed);
                    }
                }
            }
            return CheckResult.ok();
        } catch (ConnectorException failed) {
            return CheckResult.failed(failed.getMessage());
        } catch (RuntimeException unexpected) {
            return CheckResult.failed("the check failed: " + unexpected.getClass().getSimpleName());
        }
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) throws ConnectorException {
        List<StreamDescriptor> streams = new ArrayList<>();
        for (String stream : ImapSettings.folders(context.config().find(ImapSettings.FOLDERS).orElse("INBOX,Sent")).keySet()) {
            streams.add(StreamDescriptor.incremental(stream, RecordKind.ACTIVITY));
        }
        return streams;
    }

    @Override
    public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
        ImapSettings settings = ImapSettings.of(context.config());
        Map<String, String> folders = settings.folders();
        String configured = folders.get(state.stream());
        if (configured == null) {
            throw ConnectorException.misconfigured("stream " + state.stream() + " is none of the configured folders' " + folders.keySet());
        }
        FolderCursor saved = FolderCursor.of(state);
        try (MailboxConnection connection = MailboxConnection.open(context, settings)) {
            MailboxConnection.Resolved folder = connection.folder(configured);
            FolderReader reader = new FolderReader(context.config(), settings, state.stream(), folder, sink);
            try {
                reader.read(saved, connection.hasCapability("CONDSTORE"));
            } catch (MessagingException failed) {
                throw MailboxConnection.failure(settings, "reading folder '" + configured + "' failed", failed);
            }
        }
    }
}
