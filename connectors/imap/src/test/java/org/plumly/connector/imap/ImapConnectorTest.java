package org.plumly.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plumly.api.Activity;
import org.plumly.api.CustomerRecord;
import org.plumly.api.Direction;
import org.plumly.api.Participant;
import org.plumly.api.RawContent;
import org.plumly.api.TenantId;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingEgress;
import org.plumly.connector.testkit.RecordingSink;
import org.plumly.connector.testkit.TestConnectorContext;

/** The connector's own behaviour against a real IMAPS server: what the kit cannot know about mail. */
class ImapConnectorTest {
    private final ImapConnector connector = new ImapConnector();
    private MailServer server;

    @BeforeEach
    void startServer() {
        server = MailServer.imaps();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aSecondReadTakesOnlyTheUidsAfterTheSavedOne() throws Exception {
        for (int i = 1; i <= 3; i++) {
            server.append("INBOX", mail("first-" + i));
        }
        RecordingSink first = read("inbox", StreamState.initial("inbox"), settings());
        StreamState saved = first.lastCheckpoint().orElseThrow();
        assertThat(saved.cursor()).containsEntry("uid", "3").containsEntry("uidvalidity", Long.toString(server.uidValidity("INBOX")))
                .doesNotContainKey("modseq"); // GreenMail offers no CONDSTORE

        server.append("INBOX", mail("second-1"));
        server.append("INBOX", mail("second-2"));
        RecordingSink second = read("inbox", saved, settings());

        assertThat(sourceIds(first)).containsExactly("first-1@globex.example", "first-2@globex.example", "first-3@globex.example");
        assertThat(sourceIds(second)).containsExactly("second-1@globex.example", "second-2@globex.example");
        assertThat(second.lastCheckpoint().orElseThrow().cursor()).containsEntry("uid", "5");
        assertThat(read("inbox", second.lastCheckpoint().orElseThrow(), settings()).records()).isEmpty();
    }

    @Test
    void aRecreatedFolderIsReadAgainFromItsStartWithoutDuplicatesOrLoss() throws Exception {
        Map<String, String> settings = settings();
        settings.put("folders", "Deals");
        server.append("Deals", mail("a"));
        server.append("Deals", mail("b"));
        server.append("Deals", mail("c"));
        long before = server.uidValidity("Deals");
        StreamState saved = read("deals", StreamState.initial("deals"), settings).lastCheckpoint().orElseThrow();
        assertThat(saved.cursor()).containsEntry("uid", "3");

        // GreenMail's UIDVALIDITY counts seconds: recreate until the new folder has another one
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            server.delete("Deals");
            return server.uidValidity("Deals") != before;
        });
        server.append("Deals", mail("a")); // uid 1 again, the same message
        server.append("Deals", mail("b"));
        server.append("Deals", mail("d")); // uid 3: the saved UID, but another message now
        RecordingSink again = read("deals", saved, settings);

        assertThat(sourceIds(again)).containsExactly("a@globex.example", "b@globex.example", "d@globex.example");
        assertThat(again.lastCheckpoint().orElseThrow().cursor())
                .containsEntry("uidvalidity", Long.toString(server.uidValidity("Deals"))).containsEntry("uid", "3");
    }

    @Test
    void aConnectionDroppedMidReadFailsTransientlyAndTheNextRunResumesFromTheCheckpoint() throws Exception {
        for (int i = 1; i <= 7; i++) {
            server.append("INBOX", mail("m" + i));
        }
        Map<String, String> settings = settings();
        settings.put("batchSize", "3");
        try (DroppingRelay relay = new DroppingRelay(server.port())) {
            settings.put("port", Integer.toString(relay.port()));
            CuttingSink cut = new CuttingSink(state -> {
                try {
                    relay.dropAll();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThatThrownBy(() -> connector.read(context(settings, null), StreamState.initial("inbox"), cut))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.TRANSIENT));

            assertThat(cut.delivered).hasSize(3);
            RecordingSink rest = read("inbox", cut.checkpoint, settings);
            List<String> all = new ArrayList<>(cut.delivered);
            all.addAll(sourceIds(rest));
            assertThat(all).containsExactly("m1@globex.example", "m2@globex.example", "m3@globex.example", "m4@globex.example",
                    "m5@globex.example", "m6@globex.example", "m7@globex.example");
        }
    }

    @Test
    void aMalformedMessageIsRejectedWithoutPersonalDataWhileTheOthersImport() throws Exception {
        server.append("INBOX", mail("good-1"));
        server.append("INBOX", ("From: @@@ <<dana.secret>>\r\nTo: undisclosed;\r\nSubject: Dana's divorce papers\r\n"
                + "Content-Type: multipart/mixed\r\n\r\n--no-boundary-declared\r\nbroken\r\n").getBytes(StandardCharsets.ISO_8859_1));
        server.append("INBOX", ("Message-ID: <good-2@globex.example>\r\nDate: the day after tomorrow\r\n"
                + "From: Lee Park <lee@globex.example>\r\nTo: rep@acme.example, @@nobody, \"Kim\" <kim@acme.example>\r\n"
                + "Subject: Partly broken\r\n\r\nBody\r\n").getBytes(StandardCharsets.US_ASCII));
        Instant appended = Instant.now();

        RecordingSink sink = read("inbox", StreamState.initial("inbox"), settings());

        assertThat(sourceIds(sink)).containsExactly("good-1@globex.example", "good-2@globex.example");
        assertThat(sink.rejections()).singleElement().satisfies(rejected -> {
            assertThat(rejected.location()).isEqualTo("INBOX uid 2");
            assertThat(rejected.reason()).isNotBlank().doesNotContain("dana").doesNotContain("divorce").doesNotContain("@@@");
        });
        Activity partly = activities(sink).get(1);
        assertThat(partly.participants()).extracting(Participant::email)
                .containsExactly("lee@globex.example", "rep@acme.example", "kim@acme.example");
        assertThat(partly.occurredAt()).as("no parseable Date: the server's INTERNALDATE")
                .isBetween(appended.minusSeconds(60), appended.plusSeconds(60));
        assertThat(sink.endsWithCheckpoint()).isTrue();
    }

    @Test
    void aRefusedPasswordFailsTheCheckCleanlyAndTheReadAsUnauthorized() {
        Map<String, String> settings = settings();
        settings.put("password", "wrong-imap-pass");

        CheckResult check = connector.check(context(settings, null));
        assertThat(check.passed()).isFalse();
        assertThat(check.reason()).contains(MailServer.USER).doesNotContain("wrong-imap-pass");
        assertThatThrownBy(() -> read("inbox", StreamState.initial("inbox"), settings))
                .isInstanceOfSatisfying(ConnectorException.class, failed -> {
                    assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED);
                    assertThat(failed.getMessage()).doesNotContain("wrong-imap-pass");
                });
    }

    @Test
    void xoauth2LogsInWithTheIntegrationsAccessTokenAndARevokedTokenIsUnauthorized() throws Exception {
        String token = "ya29.access-token-for-rep";
        server.setPassword(token); // GreenMail checks an XOAUTH2 bearer token as the user's password
        server.append("INBOX", mail("oauth-1"));
        Map<String, String> settings = settings();
        settings.remove("password");
        settings.put("auth", "xoauth2");
        settings.put("folders", "INBOX");

        RecordingSink sink = new RecordingSink();
        connector.read(context(settings, token), StreamState.initial("inbox"), sink);
        assertThat(sourceIds(sink)).containsExactly("oauth-1@globex.example");
        assertThat(connector.check(context(settings, token)).passed()).isTrue();

        assertThatThrownBy(() -> connector.read(context(settings, "revoked-token"), StreamState.initial("inbox"), new RecordingSink()))
                .isInstanceOfSatisfying(ConnectorException.class,
                        failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED));
        assertThat(connector.check(context(settings, null)).reason()).as("no grant at all").contains("OAuth2");
        assertThat(MailboxConnection.properties(context(settings, token).egress(), ImapSettings.of(context(settings, token).config())))
                .containsEntry("mail.imap.auth.mechanisms", "XOAUTH2");
    }

    @Test
    void theRawMimeIsKeptByteForByte() throws Exception {
        byte[] raw = ("Message-ID: <raw-1@globex.example>\r\n"
                + "Date: Tue, 1 Sep 2026 10:00:00 +0200\r\n"
                + "From: =?UTF-8?Q?Ren=C3=A9e_M=C3=BCller?= <renee@globex.example>\r\n"
                + "To: rep@acme.example,\r\n\tkim@acme.example\r\n"
                + "Subject: =?UTF-8?B?UHLDpHNlbnRhdGlvbg==?=\r\n"
                + "X-Odd-Header:    spaced   \r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "Grüße aus Köln \r\n\r\n.\r\n").getBytes(StandardCharsets.UTF_8);
        server.append("INBOX", raw);

        RecordingSink sink = read("inbox", StreamState.initial("inbox"), settings());

        RecordingSink.Emitted emitted = (RecordingSink.Emitted) sink.events().get(0);
        RawContent content = emitted.content();
        assertThat(content.mediaType()).isEqualTo("message/rfc822");
        assertThat(content.bytes()).isEqualTo(raw);
        Activity activity = (Activity) emitted.record();
        assertThat(activity.subject()).isEqualTo("Präsentation");
        assertThat(activity.occurredAt()).isEqualTo(Instant.parse("2026-09-01T08:00:00Z"));
        assertThat(activity.participants()).containsExactly(
                new Participant("renee@globex.example", "Renée Müller", Participant.Role.FROM, null),
                new Participant("rep@acme.example", null, Participant.Role.TO, null),
                new Participant("kim@acme.example", null, Participant.Role.TO, null));
        assertThat(activity.owner()).isNull();
        assertThat(activity.cancelled()).isFalse();
    }

    @Test
    void mailInTheSentFolderOrFromTheMailboxIsOutboundAndTheRestInbound() throws Exception {
        server.append("Sent", MailServer.message("s1@acme.example", "Rep <rep@acme.example>", "lee@globex.example", "Offer"));
        server.append("Sent", MailServer.message("s2@acme.example", "Assistant <assistant@acme.example>", "lee@globex.example",
                "Sent for the rep"));
        server.append("INBOX", MailServer.message("i1@globex.example", "Lee <lee@globex.example>", "rep@acme.example", "Question"));
        server.append("INBOX", MailServer.message("i2@acme.example", "Rep <REP@acme.example>", "lee@globex.example", "Bcc to self"));

        assertThat(activities(read("sent", StreamState.initial("sent"), settings())))
                .extracting(Activity::direction).containsExactly(Direction.OUTBOUND, Direction.OUTBOUND);
        assertThat(activities(read("inbox", StreamState.initial("inbox"), settings())))
                .extracting(Activity::direction).containsExactly(Direction.INBOUND, Direction.OUTBOUND);
    }

    @Test
    void theSentStreamReadsTheServersSentFolderUnderItsOwnName() throws Exception {
        server.append("Sent Items", MailServer.message("s1@acme.example", "Assistant <assistant@acme.example>",
                "lee@globex.example", "Offer"));

        RecordingSink sink = read("sent", StreamState.initial("sent"), settings());

        assertThat(activities(sink)).singleElement().satisfies(activity -> {
            assertThat(activity.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(activity.source().stream()).isEqualTo("sent");
        });
        assertThat(connector.check(context(settings(), null)).passed()).isTrue();
    }

    @Test
    void aMessageLargerThanTheLimitKeepsOnlyItsHeaders() throws Exception {
        String headers = MailServer.message("big-1@globex.example", "lee@globex.example", "rep@acme.example", "Deck");
        headers = headers.substring(0, headers.indexOf("\r\n\r\n") + 4);
        server.append("INBOX", headers + "x".repeat(1_200_000) + "\r\n");
        server.append("INBOX", mail("small-1"));
        Map<String, String> settings = settings();
        settings.put("maxMessageMb", "1");

        RecordingSink sink = read("inbox", StreamState.initial("inbox"), settings);

        List<RawContent> contents = sink.events().stream().filter(RecordingSink.Emitted.class::isInstance)
                .map(e -> ((RecordingSink.Emitted) e).content()).toList();
        assertThat(contents.get(0).mediaType()).isEqualTo("text/rfc822-headers");
        // the server's header block as it sends it (GreenMail leaves out the blank line that ends it)
        assertThat(new String(contents.get(0).bytes(), StandardCharsets.US_ASCII)).isEqualToIgnoringNewLines(headers)
                .doesNotContain("xxx");
        assertThat(contents.get(1).mediaType()).isEqualTo("message/rfc822");
        assertThat(activities(sink).get(0).subject()).isEqualTo("Deck");
    }

    @Test
    void plainImapIsRefusedForAServerOffThisMachine() {
        Map<String, String> settings = settings();
        settings.put("security", "none");
        settings.put("host", "imap.globex.example");

        assertThat(connector.check(context(settings, null)).reason()).contains("clear text");
        assertThatThrownBy(() -> read("inbox", StreamState.initial("inbox"), settings))
                .isInstanceOfSatisfying(ConnectorException.class,
                        failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED));
    }

    @Test
    void starttlsIsRequiredWhenChosenAndAServerWithoutItIsRefused() throws Exception {
        try (MailServer plain = MailServer.imap()) {
            Map<String, String> settings = settings();
            settings.put("port", Integer.toString(plain.port()));
            settings.put("security", "starttls");

            assertThat(connector.check(context(settings, null)).reason()).contains("STARTTLS");
            assertThatThrownBy(() -> read("inbox", StreamState.initial("inbox"), settings))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED));
        }
    }

    @Test
    void aServerThatRefusesTheConnectionIsATransientFailure() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        Map<String, String> settings = settings();
        settings.put("port", Integer.toString(closedPort));

        assertThat(connector.check(context(settings, null)).passed()).isFalse();
        assertThatThrownBy(() -> read("inbox", StreamState.initial("inbox"), settings))
                .isInstanceOfSatisfying(ConnectorException.class,
                        failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.TRANSIENT));
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        server.append("INBOX", mail("m1"));
        try (DroppingRelay otherName = new DroppingRelay("127.0.0.2", server.port())) {
            Map<String, String> settings = settings();
            settings.put("host", "127.0.0.2"); // the server's certificate names localhost and 127.0.0.1 only
            settings.put("port", Integer.toString(otherName.port()));

            assertThat(connector.check(context(settings, null)).passed()).isFalse();
            RecordingSink sink = new RecordingSink();
            assertThatThrownBy(() -> connector.read(context(settings, null), StreamState.initial("inbox"), sink))
                    .isInstanceOf(ConnectorException.class);
            assertThat(sink.records()).isEmpty();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private Map<String, String> settings() {
        return server.settings();
    }

    private ConnectorContext context(Map<String, String> settings, String accessToken) {
        ConnectorSpec spec = connector.spec();
        ConnectorConfig config = new ConnectorConfig(TenantId.of("acme"), "acme-mail", spec.withDefaults(settings), spec.secretKeys());
        return new TestConnectorContext(config, new RecordingEgress(spec, config), accessToken);
    }

    private RecordingSink read(String stream, StreamState state, Map<String, String> settings) throws ConnectorException {
        RecordingSink sink = new RecordingSink();
        connector.read(context(settings, null), state.stream().equals(stream) ? state : StreamState.initial(stream), sink);
        return sink;
    }

    private static String mail(String id) {
        return MailServer.message(id + "@globex.example", "Lee Park <lee@globex.example>", "Rep <rep@acme.example>", "About " + id);
    }

    private static List<Activity> activities(RecordingSink sink) {
        return sink.records().stream().map(Activity.class::cast).toList();
    }

    private static List<String> sourceIds(RecordingSink sink) {
        return activities(sink).stream().map(activity -> activity.source().sourceId()).toList();
    }

    /** A sink that does something to the world at its first checkpoint, and keeps what was delivered by then. */
    private static final class CuttingSink implements RecordSink {
        private final Consumer<StreamState> atFirstCheckpoint;
        private final List<String> pending = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();
        StreamState checkpoint;

        CuttingSink(Consumer<StreamState> atFirstCheckpoint) {
            this.atFirstCheckpoint = atFirstCheckpoint;
        }

        @Override
        public void emit(CustomerRecord record) {
            throw new AssertionError("mail comes with its raw content");
        }

        @Override
        public void emit(Activity activity, RawContent content) {
            pending.add(activity.source().sourceId());
        }

        @Override
        public void reject(String location, String reason) {
            throw new AssertionError("nothing to reject: " + location + " " + reason);
        }

        @Override
        public void checkpoint(StreamState state) {
            delivered.addAll(pending);
            pending.clear();
            if (checkpoint == null) {
                atFirstCheckpoint.accept(state);
            }
            checkpoint = state;
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    }
}
