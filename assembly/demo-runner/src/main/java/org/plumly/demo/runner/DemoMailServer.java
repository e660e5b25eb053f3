package org.plumly.demo.runner;

import com.icegreen.greenmail.imap.AuthorizationException;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The demo company's mail server: an IMAP server on loopback holding the mailboxes the demo generator
 * wrote ({@code mail/<address>/<folder>/<n>.eml}), each message appended as it is on disk, in file
 * order. It is a real IMAP server (GreenMail): the demo's mail reaches the hub through the same IMAP
 * connector a customer's mail server does.
 */
final class DemoMailServer implements AutoCloseable {
    private final GreenMail server;
    private final Map<String, Integer> loaded = new LinkedHashMap<>();

    /**
     * Starts the server on {@code 127.0.0.1:port} and loads every mailbox under {@code mailRoot}, with the
     * password {@code passwords} gives its address.
     */
    DemoMailServer(Path mailRoot, int port, Passwords passwords) throws IOException {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        try {
            load(mailRoot, passwords);
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** Messages loaded per mailbox address. */
    Map<String, Integer> mailboxes() {
        return Map.copyOf(loaded);
    }

    private void load(Path mailRoot, Passwords passwords) throws IOException {
        ImapHostManager folders = server.getManagers().getImapHostManager();
        Session session = Session.getInstance(new Properties());
        for (Path mailbox : sorted(mailRoot)) {
            String address = mailbox.getFileName().toString();
            GreenMailUser user = server.setUser(address, address, passwords.of(address));
            int count = 0;
            for (Path folderPath : sorted(mailbox)) {
                MailFolder folder = folder(folders, user, folderPath.getFileName().toString());
                for (Path eml : sorted(folderPath)) {
                    try (InputStream in = Files.newInputStream(eml)) {
                        MimeMessage message = new MimeMessage(session, in);
                        Date sent = sentDate(message, eml);
                        folder.appendMessage(message, new Flags(Flags.Flag.SEEN), sent);
                        count++;
                    } catch (MessagingException e) {
                        throw new IOException("cannot load " + eml + ": " + e.getMessage(), e);
                    }
                }
            }
            loaded.put(address, count);
        }
    }

    private static MailFolder folder(ImapHostManager folders, GreenMailUser user, String name) throws IOException {
        try {
            MailFolder existing = folders.getFolder(user, name);
            return existing != null ? existing : folders.createMailbox(user, name);
        } catch (FolderException | AuthorizationException e) {
            throw new IOException("cannot make folder " + name + " of " + user.getEmail() + ": " + e.getMessage(), e);
        }
    }

    /** The message's Date, or the file's time for one without a usable Date (the demo's malformed mail has none). */
    private static Date sentDate(MimeMessage message, Path eml) throws IOException {
        try {
            Date sent = message.getSentDate();
            if (sent != null) {
                return sent;
            }
        } catch (MessagingException unreadable) {
            // falls through to the file's time
        }
        return new Date(Files.getLastModifiedTime(eml).toMillis());
    }

    private static List<Path> sorted(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The password of a demo mailbox. */
    @FunctionalInterface
    interface Passwords {
        String of(String address);
    }
}
