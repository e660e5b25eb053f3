package org.plumly.connector.imap;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.StoreClosedException;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.Egress;

/**
 * A logged-in IMAP connection of one call, made only through the integration's {@link Egress}. Jakarta
 * Mail's classes live inside this bundle: the store is constructed here rather than looked up as a
 * provider, and the thread's context class loader is this bundle's while the connection is used, for the
 * parts of Jakarta Mail that find their helpers through it.
 */
final class MailboxConnection implements AutoCloseable {
    static final int CONNECT_TIMEOUT_MS = 30_000;
    static final int READ_TIMEOUT_MS = 60_000;
    /** Names servers give the sent folder when the configured one does not exist and none is marked \Sent. */
    private static final List<String> SENT_NAMES = List.of("Sent", "Sent Items", "Sent Mail", "Sent Messages",
            "[Gmail]/Sent Mail", "INBOX.Sent", "INBOX/Sent");

    private final IMAPStore store;
    private final ClassLoader callerLoader;
    private final ImapSettings settings;

    private MailboxConnection(IMAPStore store, ClassLoader callerLoader, ImapSettings settings) {
        this.store = store;
        this.callerLoader = callerLoader;
        this.settings = settings;
    }

    /** Connects and logs in; the caller closes it, on the same thread. */
    static MailboxConnection open(ConnectorContext context, ImapSettings settings) throws ConnectorException {
        Thread thread = Thread.currentThread();
        ClassLoader callerLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(MailboxConnection.class.getClassLoader());
        IMAPStore store = null;
        try {
            String secret = settings.auth() == ImapSettings.Auth.XOAUTH2 ? context.accessToken() : settings.password();
            Session session = Session.getInstance(properties(context.egress(), settings));
            store = new IMAPStore(session, new URLName("imap", settings.host(), settings.port(), null, settings.username(), null));
            store.connect(settings.host(), settings.port(), settings.username(), secret);
            return new MailboxConnection(store, callerLoader, settings);
        } catch (MessagingException | ConnectorException | RuntimeException failed) {
            thread.setContextClassLoader(callerLoader);
            closeQuietly(store);
            if (failed instanceof ConnectorException known) {
                throw known;
            }
            if (failed instanceof MessagingException mail) {
                throw failure(settings, "cannot log in to " + settings.host(), mail);
            }
            throw (RuntimeException) failed;
        }
    }

    /**
     * Jakarta Mail's settings: the egress's sockets with no fallback to its own, timeouts, STARTTLS required
     * when asked for, and XOAUTH2 as the only mechanism when the login is by token.
     */
    static Properties properties(Egress egress, ImapSettings settings) {
        Properties mail = new Properties();
        mail.put("mail.imap.socketFactory", settings.security() == ImapSettings.Security.SSL
                ? EgressTlsSocket.factory(egress.sockets(), egress.tlsSockets()) : egress.sockets());
        mail.put("mail.imap.ssl.socketFactory", egress.tlsSockets()); // what STARTTLS layers its TLS with
        mail.put("mail.imap.socketFactory.fallback", "false");
        mail.put("mail.imap.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        mail.put("mail.imap.timeout", Integer.toString(READ_TIMEOUT_MS));
        mail.put("mail.imap.ssl.checkserveridentity", "true");
        if (settings.security() == ImapSettings.Security.STARTTLS) {
            mail.put("mail.imap.starttls.enable", "true");
            mail.put("mail.imap.starttls.required", "true");
        }
        if (settings.auth() == ImapSettings.Auth.XOAUTH2) {
            mail.put("mail.imap.auth.mechanisms", "XOAUTH2");
            mail.put("mail.imap.sasl.mechanisms", "XOAUTH2");
        }
        mail.put("mail.imap.peek", "true"); // reading never marks a message \Seen
        return mail;
    }

    /**
     * The folder that a configured name means: the folder of that name; else, for a sent folder's name, the one
     * the server marks \Sent (RFC 6154 SPECIAL-USE), else one by a usual sent folder's name.
     */
    Resolved folder(String configured) throws ConnectorException {
        try {
            IMAPFolder named = (IMAPFolder) store.getFolder(configured);
            boolean sentName = isSentName(configured);
            if (named.exists()) {
                return new Resolved(named, sentName || isMarkedSent(named));
            }
            if (sentName) {
                Optional<IMAPFolder> sent = markedSent().or(this::sentByName);
                if (sent.isPresent()) {
                    return new Resolved(sent.get(), true);
                }
            }
            throw ConnectorException.misconfigured("no folder '" + configured + "' in the mailbox of " + settings.username());
        } catch (MessagingException failed) {
            throw failure(settings, "cannot find folder '" + configured + "'", failed);
        }
    }

    /** A folder and whether it holds the mail this mailbox sent. */
    record Resolved(IMAPFolder folder, boolean sent) {
    }

    boolean hasCapability(String capability) throws ConnectorException {
        try {
            return store.hasCapability(capability);
        } catch (MessagingException failed) {
            throw failure(settings, "lost the connection to " + settings.host(), failed);
        }
    }

    private static boolean isSentName(String folder) {
        return SENT_NAMES.stream().anyMatch(name -> name.equalsIgnoreCase(folder));
    }

    private static boolean isMarkedSent(IMAPFolder folder) throws MessagingException {
        return Set.of(folder.getAttributes()).stream().anyMatch(attribute -> attribute.equalsIgnoreCase("\\Sent"));
    }

    private Optional<IMAPFolder> markedSent() {
        try {
            if (!store.hasCapability("SPECIAL-USE") && !store.hasCapability("XLIST")) {
                return Optional.empty();
            }
            for (Folder folder : store.getDefaultFolder().list("*")) {
                if (folder instanceof IMAPFolder imap && isMarkedSent(imap)) {
                    return Optional.of(imap);
                }
            }
        } catch (MessagingException unlisted) {
            // fall back to the usual names
        }
        return Optional.empty();
    }

    private Optional<IMAPFolder> sentByName() {
        for (String name : SENT_NAMES) {
            try {
                IMAPFolder folder = (IMAPFolder) store.getFolder(name);
                if (folder.exists()) {
                    return Optional.of(folder);
                }
            } catch (MessagingException unknown) {
                // try the next name
            }
        }
        return Optional.empty();
    }

    /**
     * What a failure of the mail server means for the run: refused credentials stop the integration, a missing
     * folder or STARTTLS needs an admin, anything on the network is retried from the last checkpoint.
     */
    static ConnectorException failure(ImapSettings settings, String what, MessagingException failed) {
        if (failed instanceof AuthenticationFailedException) {
            return ConnectorException.unauthorized(settings.host() + " refused the login of " + settings.username());
        }
        if (failed instanceof FolderNotFoundException) {
            return ConnectorException.misconfigured(what + ": no such folder");
        }
        String message = String.valueOf(failed.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("starttls required but not supported")) {
            return ConnectorException.misconfigured(settings.host() + " does not offer STARTTLS; use security 'ssl'");
        }
        if (failed instanceof StoreClosedException || failed instanceof FolderClosedException
                || causedBy(failed, ConnectionException.class)) {
            return ConnectorException.transientFailure(what + ": the server closed the connection", failed);
        }
        if (causedBy(failed, UnknownHostException.class)) {
            return ConnectorException.transientFailure(what + ": host " + settings.host() + " is not known", failed);
        }
        if (causedBy(failed, SocketTimeoutException.class)) {
            return ConnectorException.transientFailure(what + ": no answer in time", failed);
        }
        if (causedBy(failed, ConnectException.class) || causedBy(failed, NoRouteToHostException.class)) {
            return ConnectorException.transientFailure(what + ": " + settings.host() + ":" + settings.port() + " refused the connection",
                    failed);
        }
        if (causedBy(failed, SocketException.class) || causedBy(failed, IOException.class)) {
            return ConnectorException.transientFailure(what + ": network error " + rootCause(failed).getClass().getSimpleName(), failed);
        }
        return ConnectorException.transientFailure(what + ": " + failed.getClass().getSimpleName(), failed);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Override
    public void close() {
        try {
            closeQuietly(store);
        } finally {
            Thread.currentThread().setContextClassLoader(callerLoader);
        }
    }

    private static void closeQuietly(IMAPStore store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException alreadyGone) {
            // the connection is closed either way; nothing was written
        }
    }
}
