package org.plumly.api.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.AuditEntry;
import org.plumly.api.SourceRef;
import org.plumly.api.SourcedRecord;
import org.plumly.api.TenantId;

class ConnectorTypesTest {
    private static final ConnectorSpec IMAP = new ConnectorSpec("imap", "IMAP mailbox", AuthorizationKind.API_KEY,
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
    void aNumberSettingIsInItsRangeOrNamedInTheError() throws ConnectorException {
        ConnectorConfig config = new ConnectorConfig(TenantId.of("acme"), "acme-mail",
                Map.of("port", " 143 ", "batchSize", "0", "timeout", "soon"), Set.of());

        assertThat(config.number("port", 993, 1, 65_535)).isEqualTo(143);
        assertThat(config.number("missing", 993, 1, 65_535)).isEqualTo(993);
        assertThatThrownBy(() -> config.number("batchSize", 100, 1, 1_000))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED))
                .hasMessageContaining("'batchSize'").hasMessageContaining("from 1 to 1000");
        assertThatThrownBy(() -> config.number("timeout", 30, 1, 60)).hasMessageContaining("'timeout'");
    }

    @Test
    void specsHaveUniqueKeysAndSafeTypes() {
        assertThatThrownBy(() -> new ConnectorSpec("imap", "x", AuthorizationKind.NONE, Set.of(),
                List.of(ConfigField.text("host", "a", true), ConfigField.text("host", "b", false))))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> new ConnectorSpec("IMAP", "x", AuthorizationKind.NONE, Set.of(), List.of()))
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
    void oauth2EndpointsComeExactlyWithOAuth2Authorization() {
        OAuth2Endpoints endpoints = new OAuth2Endpoints(URI.create("https://app.hubspot.com/oauth/authorize"),
                URI.create("https://api.hubapi.com/oauth/v1/token"));

        assertThatThrownBy(() -> new ConnectorSpec("hubspot", "HubSpot", AuthorizationKind.OAUTH2, Set.of("crm.objects.deals.read"),
                Set.of("api.hubapi.com"), List.of(), null)).hasMessageContaining("OAuth2 endpoints");
        assertThatThrownBy(() -> new ConnectorSpec("csv", "CSV", AuthorizationKind.NONE, Set.of(), Set.of(), List.of(), endpoints))
                .hasMessageContaining("OAuth2 endpoints");
        assertThat(new ConnectorSpec("hubspot", "HubSpot", AuthorizationKind.OAUTH2, Set.of("crm.objects.deals.read"),
                Set.of("api.hubapi.com", "*.hubspot.com"), List.of(), endpoints).oauth2()).isEqualTo(endpoints);
    }

    @Test
    void allowedHostsAreHostNamesOrDomainWildcards() {
        assertThatThrownBy(() -> new ConnectorSpec("x", "x", AuthorizationKind.NONE, Set.of("https://api.example.com"), List.of()))
                .hasMessageContaining("allowed host");
        assertThatThrownBy(() -> new ConnectorSpec("x", "x", AuthorizationKind.NONE, Set.of("*"), List.of()))
                .hasMessageContaining("allowed host");
    }

    @Test
    void hostsAreAllowedByTheSpecOrByAConfiguredUrlOrHost() {
        ConnectorSpec spec = new ConnectorSpec("crm", "CRM", AuthorizationKind.API_KEY, Set.of("api.crm.example", "*.crm-cdn.example"),
                List.of(new ConfigField("instance", "Instance URL", ConfigField.Type.URL, false, false, null),
                        new ConfigField("mailHost", "Mail host", ConfigField.Type.HOST, false, false, null),
                        ConfigField.text("note", "A note", false)));
        ConnectorConfig config = new ConnectorConfig(TenantId.of("acme"), "acme-crm",
                Map.of("instance", "https://acme.my.crm.example/path", "mailHost", "imap.acme.example", "note", "evil.example"), Set.of());

        assertThat(spec.allowsHost("API.crm.example", config)).isTrue();
        assertThat(spec.allowsHost("eu1.crm-cdn.example", config)).isTrue();
        assertThat(spec.allowsHost("crm-cdn.example", config)).isFalse();
        assertThat(spec.allowsHost("acme.my.crm.example", config)).isTrue();
        assertThat(spec.allowsHost("imap.acme.example", config)).isTrue();
        assertThat(spec.allowsHost("evil.example", config)).as("a text setting allows nothing").isFalse();
        assertThat(spec.allowsHost("api.crm.example.evil.example", config)).isFalse();
    }

    @Test
    void eachStreamedRecordHasItsKindAndOthersHaveNone() {
        TenantId acme = TenantId.of("acme");
        SourceRef source = new SourceRef("acme-crm", "accounts", "001");
        Account account = new Account(acme, AccountId.of(source.entityId()), "Initech", Set.of("initech.example"), null, source);

        assertThat(RecordKind.of(account)).contains(RecordKind.ACCOUNT);
        assertThat(RecordKind.of(new AuditEntry(acme, Instant.EPOCH, "user:a", "x", "y", ""))).isEmpty();
        assertThat(((SourcedRecord) account).source()).isEqualTo(source);
    }

    @Test
    void aFieldsDefaultAppliesWhereNoValueIsGiven() {
        ConnectorSpec spec = new ConnectorSpec("crm", "CRM", AuthorizationKind.API_KEY, Set.of(),
                List.of(new ConfigField("pageSize", "Page size", ConfigField.Type.INTEGER, false, false, "100"),
                        new ConfigField("region", "Region", ConfigField.Type.TEXT, false, false, "eu")));

        assertThat(spec.withDefaults(Map.of("region", "us", "pageSize", " "))).isEqualTo(Map.of("pageSize", "100", "region", "us"));
    }

    @Test
    void anOversizedStateIsRefusedWithItsSize() {
        StreamState state = StreamState.initial("emails");

        assertThatThrownBy(() -> state.with("seen", "x".repeat(StreamState.MAX_CHARS)))
                .hasMessageContaining("16384");
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
