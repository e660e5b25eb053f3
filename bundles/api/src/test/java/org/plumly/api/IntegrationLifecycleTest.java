package org.plumly.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IntegrationLifecycleTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aNewIntegrationWaitsForAuthorization() {
        Integration mail = Integration.created(ACME, "acme-mail", "imap", Map.of(), Duration.ofMinutes(15), "user:admin-1", NOW);

        assertThat(mail.status()).isEqualTo(Integration.Status.PENDING_AUTHORIZATION);
        assertThat(mail.active()).isFalse();
        assertThat(mail.authorized("user:admin-1", NOW).active()).isTrue();
    }

    @Test
    void anIntegrationCannotBeActiveWithoutHavingBeenAuthorized() {
        Integration mail = Integration.created(ACME, "acme-mail", "imap", Map.of(), Duration.ofMinutes(15), "user:admin-1", NOW);

        assertThatThrownBy(() -> mail.withStatus(Integration.Status.ACTIVE)).hasMessageContaining("authorized");
    }

    @Test
    void aSyncIntervalBelowAMinuteIsRefused() {
        assertThatThrownBy(() -> Integration.created(ACME, "acme-mail", "imap", Map.of(), Duration.ofSeconds(5), "user:a", NOW))
                .hasMessageContaining("sync interval");
    }

    @Test
    void aRunKeepsItsNewestErrorsAndSumsItsStreams() {
        List<String> errors = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "error " + i).toList();
        SyncRun run = new SyncRun(ACME, "acme-mail", "r1", SyncRun.Trigger.MANUAL, SyncRun.Status.FAILED, "node-1", NOW,
                NOW.plusSeconds(3), Map.of("emails", new SyncRun.StreamCounts(10, 8, 2, 0),
                        "meetings", new SyncRun.StreamCounts(5, 5, 0, 0)), errors, List.of());

        assertThat(run.errors()).hasSize(SyncRun.MAX_ERRORS).endsWith("error 29");
        assertThat(run.total()).isEqualTo(new SyncRun.StreamCounts(15, 13, 2, 0));
        assertThatThrownBy(() -> new SyncRun(ACME, "acme-mail", "r1", SyncRun.Trigger.MANUAL, SyncRun.Status.RUNNING, "node-1",
                NOW, NOW, Map.of(), List.of(), List.of())).hasMessageContaining("finish time");
    }
}
