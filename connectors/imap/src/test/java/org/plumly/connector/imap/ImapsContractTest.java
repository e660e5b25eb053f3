package org.plumly.connector.imap;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.connector.testkit.ConnectorContractTest;

/**
 * Certifies the connector with the Plumly test kit against a real IMAPS server; {@link PlainImapContractTest}
 * does the same over plain IMAP. Batches of two messages, so the inbox takes several.
 */
class ImapsContractTest extends ConnectorContractTest {
    private MailServer server;
    private int added;

    MailServer startServer() {
        return MailServer.imaps();
    }

    @BeforeEach
    void startServerWithMail() throws Exception {
        server = startServer();
        for (int i = 1; i <= 5; i++) {
            server.append("INBOX", MailServer.message("in-" + i + "@globex.example", "Lee Park <lee@globex.example>",
                    "Rep <" + MailServer.USER + ">", "Quote " + i));
        }
        server.append("Sent", MailServer.message("out-1@acme.example", "Rep <" + MailServer.USER + ">", "lee@globex.example",
                "Re: Quote 1"));
        server.append("Sent", MailServer.message("out-2@acme.example", "Rep <" + MailServer.USER + ">", "lee@globex.example",
                "Re: Quote 2"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected Connector newConnector() {
        return new ImapConnector();
    }

    @Override
    protected Map<String, String> workingSettings() {
        Map<String, String> settings = server.settings();
        settings.put("batchSize", "2");
        return settings;
    }

    @Override
    protected Map<String, String> badCredentialSettings() {
        Map<String, String> settings = workingSettings();
        settings.put("password", "revoked-imap-pass");
        return settings;
    }

    @Override
    protected Set<String> changeSource(StreamDescriptor stream) throws Exception {
        String folder = stream.name().equals("inbox") ? "INBOX" : "Sent";
        String id = "new-" + (++added) + "@globex.example";
        server.append(folder, MailServer.message(id, "Lee Park <lee@globex.example>", MailServer.USER, "Follow-up " + added));
        return Set.of(id);
    }
}
