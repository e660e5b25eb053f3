package org.plumly.api.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;

class ConnectorTypesTest {
    private static final ConnectorSpec IMAP = new ConnectorSpec("imap", "IMAP mailbox", AuthorizationKind.API_KEY, Set.of(),
            Set.of(), List.of(ConfigField.text("host", "Server", true), ConfigField.secret("password", "Password")));

    @Test
    void aConfigNeverPrintsItsSecrets() {
        ConnectorConfig config = new ConnectorConfig(TenantId.of("acme"), "acme-mail",
                Map.of("host", "imap.acme.example", "password", "hunter2"), IMAP.secretKeys());

        assertThat(config.toString()).contains("imap.acme.example").contains("****").doesNotContain("hunter2");
        assertThat(config.get("password")).isEqualTo("hunter2");
    }

    @Test
    void aMissingSettingIsNamed() {
        ConnectorConfig config = new ConnectorConfig(TenantId.of("acme"), "acme-mail", Map.of("host", " "), Set.of());

        assertThatThrownBy(() -> config.get("host")).hasMessageContaining("'host'");
        assertThat(config.find("port")).isEmpty();
    }

    @Test
    void specsHaveUniqueKeysAndSafeTypes() {
        assertThatThrownBy(() -> new ConnectorSpec("imap", "x", AuthorizationKind.NONE, Set.of(), Set.of(),
                List.of(ConfigField.text("host", "a", true), ConfigField.text("host", "b", false))))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> new ConnectorSpec("IMAP", "x", AuthorizationKind.NONE, Set.of(), Set.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IMAP.secretKeys()).containsExactly("password");
    }

    @Test
    void streamStateAdvancesWithoutChangingThePreviousState() {
        StreamState initial = StreamState.initial("emails");
        StreamState next = initial.with("uidvalidity", "7").with("uid", "4411");

        assertThat(initial.isInitial()).isTrue();
        assertThat(next.isInitial()).isFalse();
        assertThat(next.find("uid")).contains("4411");
        assertThat(initial.find("uid")).isEmpty();
    }

    @Test
    void aFailedCheckSaysWhy() {
        assertThat(CheckResult.ok().passed()).isTrue();
        assertThatThrownBy(() -> CheckResult.failed(" ")).hasMessageContaining("reason");
    }

    @Test
    void rateLimitsCarryTheWaitTheSourceAskedFor() {
        ConnectorException limited = ConnectorException.rateLimited("429 from HubSpot", Duration.ofSeconds(10));

        assertThat(limited.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ConnectorException.unauthorized("revoked").retryAfter()).isNull();
    }

    @Test
    void streamNamesAreLowerCase() {
        assertThatThrownBy(() -> StreamDescriptor.incremental("E-Mails", RecordKind.ACTIVITY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(StreamDescriptor.fullRefresh("accounts", RecordKind.ACCOUNT).incremental()).isFalse();
    }
}
