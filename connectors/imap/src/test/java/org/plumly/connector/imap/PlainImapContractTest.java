package org.plumly.connector.imap;

/** The kit's rules over plain IMAP, which the connector allows only to a server on the hub's own machine. */
class PlainImapContractTest extends ImapsContractTest {
    @Override
    MailServer startServer() {
        return MailServer.imap();
    }
}
