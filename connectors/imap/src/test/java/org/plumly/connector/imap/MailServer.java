package org.plumly.connector.imap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A real IMAP server for the tests: GreenMail on 127.0.0.1, over IMAPS or plain IMAP, with one user. Its TLS
 * certificate names localhost and 127.0.0.1 and is the only one this test JVM trusts, so the connector's
 * server name check runs as in production.
 */
final class MailServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final String USER = "rep@acme.example";
    static final String PASSWORD = "s3cret-imap-pass";

    private static final Path KEYSTORE = Path.of("target", "test-imap-server.p12");
    private static final String STORE_PASSWORD = "changeit";

    private final GreenMail greenMail;
    private final GreenMailUser user;
    private final boolean secure;

    private MailServer(boolean secure) {
        trustTheTestCertificate();
        this.secure = secure;
        ServerSetup setup = new ServerSetup(0, HOST, secure ? ServerSetup.PROTOCOL_IMAPS : ServerSetup.PROTOCOL_IMAP);
        greenMail = new GreenMail(setup);
        greenMail.start();
        user = greenMail.setUser(USER, USER, PASSWORD);
    }

    static MailServer imaps() {
        return new MailServer(true);
    }

    static MailServer imap() {
        return new MailServer(false);
    }

    int port() {
        return secure ? greenMail.getImaps().getPort() : greenMail.getImap().getPort();
    }

    String security() {
        return secure ? "ssl" : "none";
    }

    /** Settings of the connector that work with this server and its user. */
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("host", HOST);
        settings.put("port", Integer.toString(port()));
        settings.put("security", security());
        settings.put("username", USER);
        settings.put("password", PASSWORD);
        return settings;
    }

    void setPassword(String password) {
        user.setPassword(password);
    }

    /** Adds a message to a folder, creating the folder when needed; returns its UID. */
    long append(String folder, byte[] raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        return folder(folder).appendMessage(message, new Flags(), new Date());
    }

    long append(String folder, String raw) throws Exception {
        return append(folder, raw.getBytes(StandardCharsets.UTF_8));
    }

    MailFolder folder(String name) throws Exception {
        ImapHostManager manager = greenMail.getManagers().getImapHostManager();
        MailFolder folder = manager.getFolder(user, name, false);
        return folder != null ? folder : manager.createMailbox(user, name);
    }

    void delete(String folder) throws Exception {
        greenMail.getManagers().getImapHostManager().deleteMailbox(user, folder);
    }

    long uidValidity(String folder) throws Exception {
        return folder(folder).getUidValidity();
    }

    /** A plain text message, with CRLF line ends as on the wire. */
    static String message(String messageId, String from, String to, String subject) {
        return ("Message-ID: <" + messageId + ">\n"
                + "Date: Tue, 1 Sep 2026 10:00:00 +0000\n"
                + "From: " + from + "\n"
                + "To: " + to + "\n"
                + "Subject: " + subject + "\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n"
                + "\n"
                + "About " + subject + ".\n").replace("\n", "\r\n");
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** Makes the certificate once per JVM with the JDK's keytool, and makes it what GreenMail serves and this JVM trusts. */
    private static synchronized void trustTheTestCertificate() {
        if (System.getProperty("greenmail.tls.keystore.file") != null) {
            return;
        }
        try {
            Files.createDirectories(KEYSTORE.getParent());
            Files.deleteIfExists(KEYSTORE);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "imap-test", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", KEYSTORE.toString(),
                    "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(KEYSTORE)) {
                keys.load(in, STORE_PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLContext.setDefault(context);
            System.setProperty("greenmail.tls.keystore.file", KEYSTORE.toAbsolutePath().toString());
            System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
