package org.plumly.demo.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMailServerTest {
    private static final Map<String, String> PASSWORDS = Map.of("dana@northwind.example", "pw-dana", "sam@northwind.example", "pw-sam");

    @TempDir
    Path mail;

    @Test
    void servesEachMailboxWithItsFoldersInFileOrderBehindItsPassword() throws Exception {
        write("dana@northwind.example/INBOX/0001.eml", "m1", "Quote", "Mon, 2 Nov 2026 10:00:00 +0000");
        write("dana@northwind.example/INBOX/0002.eml", "m2", "Re: Quote", "Tue, 3 Nov 2026 10:00:00 +0000");
        write("dana@northwind.example/Sent/0001.eml", "m3", "Re: Quote", "Mon, 2 Nov 2026 11:00:00 +0000");
        write("sam@northwind.example/INBOX/0001.eml", "m4", "Forecast", "Mon, 2 Nov 2026 12:00:00 +0000");
        int port = freePort();

        try (DemoMailServer server = new DemoMailServer(mail, port, PASSWORDS::get)) {
            assertThat(server.mailboxes()).containsExactlyInAnyOrderEntriesOf(Map.of("dana@northwind.example", 3, "sam@northwind.example", 1));
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", port, "dana@northwind.example", "pw-dana");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isEqualTo(2);
                assertThat(inbox.getMessage(1).getHeader("Message-ID")).containsExactly("<m1@bluefin.example>");
                assertThat(inbox.getMessage(2).getSubject()).isEqualTo("Re: Quote");
                Folder sent = store.getFolder("Sent");
                sent.open(Folder.READ_ONLY);
                assertThat(sent.getMessageCount()).isEqualTo(1);
            } finally {
                store.close();
            }
            Store wrong = Session.getInstance(new Properties()).getStore("imap");
            assertThatThrownBy(() -> wrong.connect("127.0.0.1", port, "sam@northwind.example", "pw-dana"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    private void write(String path, String id, String subject, String date) throws IOException {
        Path file = mail.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Message-ID: <" + id + "@bluefin.example>\r\nDate: " + date + "\r\nFrom: ann@bluefin.example\r\n"
                + "To: dana@northwind.example\r\nSubject: " + subject + "\r\n\r\nHello.\r\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
