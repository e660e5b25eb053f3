package org.plumly.core.internal.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plumly.api.AccountId;
import org.plumly.api.AuditEntry;
import org.plumly.api.Integration;
import org.plumly.api.SourceRef;
import org.plumly.api.SyncRun;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.OAuth2Endpoints;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.SealedSecret;
import org.plumly.core.internal.connectors.ConnectorRegistry;
import org.plumly.core.internal.oauth.AuthorizationFlow;
import org.plumly.core.internal.sync.SyncEngine;
import org.plumly.core.internal.vault.CredentialVault;
import org.plumly.core.internal.vault.NewVaultKey;
import org.plumly.store.cassandra.testing.StoresForTests;

/** A company admin's integrations, on the real stores, vault and sync engine. */
class IntegrationServiceTest {
    private final TenantId tenant = StoresForTests.newTenant();
    private final Caller admin = new Caller(tenant, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN));
    private final IntegrationsFixture fixture = new IntegrationsFixture();
    private final ConnectorRegistry registry = fixture.registry;
    private final SyncEngine engine = fixture.engine;
    private final IntegrationService service = fixture.service;
    private MockOAuth2Server authorizationServer;

    IntegrationServiceTest() {
        StoresForTests.tenants().put(new Tenant(tenant, "Integrations test", Instant.now()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        fixture.close();
        if (authorizationServer != null) {
            authorizationServer.shutdown();
        }
    }

    @Test
    void aNewIntegrationWaitsForAuthorizationAndItsSecretIsSealedAndNeverShown() {
        Integration created = service.create(admin, crm("crm", Map.of("apiKey", "wrong-key")));

        assertThat(created.status()).isEqualTo(Integration.Status.PENDING_AUTHORIZATION);
        assertThat(created.settings()).doesNotContainKey("apiKey");
        assertThat(service.secretNames(admin, "crm")).containsExactly("apiKey");
        SealedSecret sealed = StoresForTests.credentials().all(tenant, "crm").get("apiKey");
        assertThat(new String(sealed.sealed(), StandardCharsets.ISO_8859_1)).doesNotContain("wrong-key");
        assertThat(engine.trigger(created, SyncRun.Trigger.MANUAL).runId()).isEmpty();
    }

    @Test
    void aKeyTheSourceRefusesKeepsTheIntegrationInactiveAndSaysWhy() {
        service.create(admin, crm("crm", Map.of()));

        assertThatThrownBy(() -> service.authorize(admin, "crm", Map.of("apiKey", "wrong-key")))
                .isInstanceOfSatisfying(IntegrationException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessageContaining("refused the API key")
                .message().doesNotContain("wrong-key");
        assertThat(service.get(admin, "crm").status()).isEqualTo(Integration.Status.PENDING_AUTHORIZATION);
    }

    @Test
    void theRightKeyActivatesTheIntegrationAndItsFirstSyncStoresTheSource() {
        service.create(admin, crm("crm", Map.of()));

        Integration active = service.authorize(admin, "crm", Map.of("apiKey", KeyedCrm.GOOD_KEY));

        assertThat(active.status()).isEqualTo(Integration.Status.ACTIVE);
        assertThat(active.authorizedBy()).isEqualTo("user:admin-1");
        SyncRun run = awaitRun("crm");
        assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(run.total().stored()).isEqualTo(KeyedCrm.ACCOUNTS);
        assertThat(auditActions()).contains("integration.create", "integration.authorize");
    }

    @Test
    void aWrongKeyNeverReplacesTheKeyThatWorks() {
        service.create(admin, crm("crm", Map.of()));
        service.authorize(admin, "crm", Map.of("apiKey", KeyedCrm.GOOD_KEY));
        SealedSecret working = StoresForTests.credentials().all(tenant, "crm").get("apiKey");

        assertThatThrownBy(() -> service.authorize(admin, "crm", Map.of("apiKey", "typo"))).hasMessageContaining("refused the API key");

        assertThat(StoresForTests.credentials().all(tenant, "crm").get("apiKey")).isEqualTo(working);
        assertThat(service.get(admin, "crm").status()).isEqualTo(Integration.Status.ACTIVE);
    }

    @Test
    void aKeyGivenAgainReplacesOneTheVaultCanNoLongerOpen() {
        service.create(admin, crm("crm", Map.of()));
        service.authorize(admin, "crm", Map.of("apiKey", KeyedCrm.GOOD_KEY));
        awaitRun("crm");
        CredentialVault lostVault = new CredentialVault(NewVaultKey.entry("k1", new SecureRandom()), "k1");
        StoresForTests.credentials().put(tenant, "crm", "apiKey", lostVault.seal(tenant, "crm", "apiKey", KeyedCrm.GOOD_KEY));

        Integration active = service.authorize(admin, "crm", Map.of("apiKey", KeyedCrm.GOOD_KEY));

        assertThat(active.status()).isEqualTo(Integration.Status.ACTIVE);
        SyncRun second = await().atMost(Duration.ofSeconds(30)).until(() -> StoresForTests.syncRuns().list(tenant, "crm",
                PageRequest.first(2)).items(), runs -> runs.size() == 2 && runs.get(0).status() != SyncRun.Status.RUNNING).get(0);
        assertThat(second.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(second.total().stored()).isEqualTo(KeyedCrm.ACCOUNTS);
    }

    @Test
    void settingsAreCheckedAgainstTheConnectorsSpec() {
        assertThatThrownBy(() -> service.create(admin, new NewIntegration("crm", KeyedCrm.TYPE, Map.of("instance", "https://x.example",
                "colour", "blue"), Map.of(), null))).hasMessageContaining("no setting 'colour'");
        assertThatThrownBy(() -> service.create(admin, new NewIntegration("crm", KeyedCrm.TYPE, Map.of("instance", "https://x.example",
                "apiKey", "k"), Map.of(), null))).hasMessageContaining("is a secret");
        assertThatThrownBy(() -> service.create(admin, new NewIntegration("crm", KeyedCrm.TYPE, Map.of(), Map.of(), null)))
                .hasMessageContaining("'instance'").hasMessageContaining("required");
        assertThatThrownBy(() -> service.create(admin, new NewIntegration("crm", KeyedCrm.TYPE, Map.of("instance", "file:///etc/passwd"),
                Map.of(), null))).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> service.create(admin, new NewIntegration("crm", KeyedCrm.TYPE, Map.of("instance", "https://x.example",
                "pageSize", "many"), Map.of(), null))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> service.create(admin, new NewIntegration("crm", "no-such-connector", Map.of(), Map.of(), null)))
                .hasMessageContaining("not installed");
        assertThat(service.list(admin)).isEmpty();
    }

    @Test
    void anIntegrationOfATenantTheHubDoesNotKnowIsRefused() {
        Caller stranger = new Caller(StoresForTests.newTenant(), UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN));

        assertThatThrownBy(() -> service.create(stranger, crm("crm", Map.of()))).hasMessageContaining("not registered");
    }

    @Test
    void onlyACompanyAdminManagesIntegrations() {
        Caller rep = new Caller(tenant, UserId.of("rep-1"), Set.of(Role.REP, Role.MANAGER));
        Caller operator = new Caller(null, UserId.of("ops"), Set.of(Role.PLATFORM_OPERATOR));

        assertThatThrownBy(() -> service.list(rep)).isInstanceOfSatisfying(IntegrationException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> service.create(operator, crm("crm", Map.of()))).isInstanceOfSatisfying(IntegrationException.class,
                e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void anotherCompanysAdminFindsNothingOfIt() {
        service.create(admin, crm("crm", Map.of()));
        TenantId other = StoresForTests.newTenant();
        Caller otherAdmin = new Caller(other, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN));

        assertThat(service.list(otherAdmin)).isEmpty();
        for (Runnable attempt : List.<Runnable>of(() -> service.get(otherAdmin, "crm"), () -> service.sync(otherAdmin, "crm"),
                () -> service.runs(otherAdmin, "crm", PageRequest.first(10)), () -> service.secretNames(otherAdmin, "crm"),
                () -> service.authorize(otherAdmin, "crm", Map.of("apiKey", KeyedCrm.GOOD_KEY)),
                () -> service.revoke(otherAdmin, "crm", true))) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(IntegrationException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
        assertThat(service.get(admin, "crm").status()).isEqualTo(Integration.Status.PENDING_AUTHORIZATION);
    }

    @Test
    void revokingDeletesTheSecretsStopsSyncAndWithAPurgeDeletesWhatItBroughtIn() {
        service.create(admin, crm("crm", Map.of()));
        service.authorize(admin, "crm", Map.of("apiKey", KeyedCrm.GOOD_KEY));
        awaitRun("crm");
        AccountId first = AccountId.of(new SourceRef("crm", "accounts", "acc-0").entityId());
        assertThat(StoresForTests.directory().findAccount(tenant, first)).isPresent();

        Map<String, Long> purged = service.revoke(admin, "crm", true);

        assertThat(service.get(admin, "crm").status()).isEqualTo(Integration.Status.REVOKED);
        assertThat(StoresForTests.credentials().all(tenant, "crm")).isEmpty();
        assertThat(purged.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(KeyedCrm.ACCOUNTS);
        assertThat(StoresForTests.directory().findAccount(tenant, first)).isEmpty();
        assertThat(service.sync(admin, "crm").runId()).isEmpty();
        assertThat(auditActions()).contains("integration.revoke", "integration.purge");
    }

    @Test
    void revokingDuringARunStopsItAtItsCheckpointBeforePurgingSoThatNothingIsLeftBehind() throws Exception {
        HeldCrm held = new HeldCrm();
        registry.addConnector(held);
        service.create(admin, new NewIntegration("held", HeldCrm.TYPE, Map.of(), Map.of(), null));
        service.authorize(admin, "held", Map.of());
        assertThat(held.held.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Map<String, Long>> revoke = CompletableFuture.supplyAsync(() -> service.revoke(admin, "held", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> service.get(admin, "held").status() == Integration.Status.REVOKED);
        held.release.countDown();
        Map<String, Long> purged = revoke.get(60, TimeUnit.SECONDS);

        assertThat(purged).containsEntry("account", (long) HeldCrm.PER_PAGE);
        SyncRun run = awaitRun("held");
        assertThat(run.status()).isEqualTo(SyncRun.Status.INTERRUPTED);
        for (int i = 0; i < 2 * HeldCrm.PER_PAGE; i++) {
            assertThat(StoresForTests.directory().findAccount(tenant, AccountId.of(new SourceRef("held", "accounts", "acc-" + i).entityId())))
                    .as("account %d", i).isEmpty();
        }
    }

    @Test
    void revokingWithoutAPurgeKeepsTheData() {
        service.create(admin, crm("crm", Map.of("apiKey", KeyedCrm.GOOD_KEY)));
        service.authorize(admin, "crm", Map.of());
        awaitRun("crm");

        assertThat(service.revoke(admin, "crm", false)).isEmpty();

        assertThat(StoresForTests.directory().findAccount(tenant, AccountId.of(new SourceRef("crm", "accounts", "acc-0").entityId())))
                .isPresent();
        assertThat(StoresForTests.credentials().all(tenant, "crm")).isEmpty();
    }

    @Test
    void anOAuth2GrantIsObtainedWithPkceAndItsStateWorksOnce() throws Exception {
        installOAuthCrmAgainstALocalAuthorizationServer();
        service.create(admin, new NewIntegration("oauth-crm", OAuthCrm.TYPE, Map.of("oauth2.clientId", "plumly"),
                Map.of("oauth2.clientSecret", "client-secret"), null));

        AuthorizationFlow.Started started = service.startAuthorization(admin, "oauth-crm",
                URI.create("http://127.0.0.1:8181/api/v1/oauth2/callback"));
        assertThat(started.authorizationUrl().getQuery()).contains("code_challenge_method=S256").contains("state=" + tenant.value() + ".");
        Map<String, String> callback = vendorRedirect(started.authorizationUrl());

        assertThatThrownBy(() -> service.completeAuthorization(callback.get("state"), null, callback.get("code"), null))
                .as("another browser").isInstanceOfSatisfying(IntegrationException.class, e -> assertThat(e.status()).isEqualTo(400));
        Integration active = service.completeAuthorization(callback.get("state"), started.browserKey(), callback.get("code"), null);

        assertThat(active.status()).isEqualTo(Integration.Status.ACTIVE);
        assertThat(StoresForTests.credentials().all(tenant, "oauth-crm").keySet())
                .contains("oauth2.accessToken", "oauth2.refreshToken", "oauth2.clientSecret");
        assertThatThrownBy(() -> service.completeAuthorization(callback.get("state"), started.browserKey(), callback.get("code"), null))
                .isInstanceOfSatisfying(IntegrationException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void anAuthorizationFinishedAfterARevokeDoesNotBringTheIntegrationBack() throws Exception {
        installOAuthCrmAgainstALocalAuthorizationServer();
        service.create(admin, new NewIntegration("oauth-crm", OAuthCrm.TYPE, Map.of("oauth2.clientId", "plumly"), Map.of(), null));
        AuthorizationFlow.Started started = service.startAuthorization(admin, "oauth-crm",
                URI.create("http://127.0.0.1:8181/api/v1/oauth2/callback"));
        Map<String, String> callback = vendorRedirect(started.authorizationUrl());
        service.revoke(admin, "oauth-crm", false);

        assertThatThrownBy(() -> service.completeAuthorization(callback.get("state"), started.browserKey(), callback.get("code"), null))
                .isInstanceOfSatisfying(IntegrationException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(service.get(admin, "oauth-crm").status()).isEqualTo(Integration.Status.REVOKED);
        assertThat(StoresForTests.credentials().all(tenant, "oauth-crm")).isEmpty();
    }

    /** A real OAuth2 authorization server on a free port, and a connector whose spec points at it. */
    private void installOAuthCrmAgainstALocalAuthorizationServer() {
        authorizationServer = new MockOAuth2Server(new OAuth2Config(false, null, null, true));
        authorizationServer.start(0);
        registry.addConnector(new OAuthCrm(new OAuth2Endpoints(authorizationServer.authorizationEndpointUrl("default").uri(),
                authorizationServer.tokenEndpointUrl("default").uri())));
    }

    private static Map<String, String> vendorRedirect(URI authorizationUrl) throws Exception {
        HttpResponse<Void> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorizationUrl).build(),
                HttpResponse.BodyHandlers.discarding());
        return query(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
    }

    @Test
    void aDeniedOAuth2GrantLeavesTheIntegrationPending() throws Exception {
        installOAuthCrmAgainstALocalAuthorizationServer();
        service.create(admin, new NewIntegration("oauth-crm", OAuthCrm.TYPE, Map.of("oauth2.clientId", "plumly"), Map.of(), null));
        AuthorizationFlow.Started started = service.startAuthorization(admin, "oauth-crm",
                URI.create("http://127.0.0.1:8181/api/v1/oauth2/callback"));
        String state = query(started.authorizationUrl()).get("state");

        assertThatThrownBy(() -> service.completeAuthorization(state, started.browserKey(), null, "access_denied"))
                .isInstanceOfSatisfying(IntegrationException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThat(service.get(admin, "oauth-crm").status()).isEqualTo(Integration.Status.PENDING_AUTHORIZATION);
    }

    private NewIntegration crm(String id, Map<String, String> secrets) {
        return new NewIntegration(id, KeyedCrm.TYPE, Map.of("instance", "https://acme.keyed-crm.example"), secrets, Duration.ofHours(1));
    }

    private SyncRun awaitRun(String integration) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> StoresForTests.syncRuns().list(tenant, integration, PageRequest.first(1))
                .items().stream().filter(run -> run.status() != SyncRun.Status.RUNNING).findFirst(), Optional::isPresent).orElseThrow();
    }

    private List<String> auditActions() {
        return StoresForTests.audit().entries(tenant, LocalDate.now(ZoneOffset.UTC), PageRequest.first(100)).items().stream()
                .map(AuditEntry::action).toList();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    /** A connector authorized by OAuth2 whose check asks the engine for an access token. */
    private record OAuthCrm(OAuth2Endpoints endpoints) implements Connector {
        static final String TYPE = "oauth-crm";

        @Override
        public ConnectorSpec spec() {
            return new ConnectorSpec(TYPE, "OAuth CRM", AuthorizationKind.OAUTH2, Set.of("openid"), Set.of("localhost"), List.of(), endpoints);
        }

        @Override
        public CheckResult check(ConnectorContext context) {
            try {
                return context.accessToken().isBlank() ? CheckResult.failed("no token") : CheckResult.ok();
            } catch (ConnectorException e) {
                return CheckResult.failed(e.getMessage());
            }
        }

        @Override
        public List<StreamDescriptor> discover(ConnectorContext context) {
            return List.of(StreamDescriptor.fullRefresh("accounts", RecordKind.ACCOUNT));
        }

        @Override
        public void read(ConnectorContext context, StreamState state, RecordSink sink) {
            sink.checkpoint(state.with("done", "true"));
        }
    }
}
