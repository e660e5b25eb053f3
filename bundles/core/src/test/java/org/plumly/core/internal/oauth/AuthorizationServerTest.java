package org.plumly.core.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.OAuth2Endpoints;
import org.plumly.api.store.CredentialStore;
import org.plumly.api.store.PendingAuthorization;
import org.plumly.core.internal.egress.GuardedEgress;
import org.plumly.core.internal.vault.CredentialVault;
import org.plumly.core.internal.vault.NewVaultKey;
import org.plumly.store.cassandra.testing.StoresForTests;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;

/**
 * The authorization-code flow with PKCE against a real authorization server. mock-oauth2-server 2.3.0
 * issues a code without a login page, checks a PKCE verifier against the challenge of a code it issued,
 * and rotates refresh tokens when configured to; it does not refuse a code redeemed twice (it issues
 * tokens for any code) nor an unknown refresh token, so those refusals are tested in {@link OAuth2ClientTest}.
 * Grants and states are kept in the real credential store, and token requests go through the production egress.
 */
class AuthorizationServerTest {
    private static final String INTEGRATION = "acme-crm";
    private static final URI CALLBACK = URI.create("http://localhost:8181/api/v1/oauth2/callback");
    private static final Set<String> SCOPES = Set.of("openid", "crm.read");
    private static final ClientCredentials CLIENT = ClientCredentials.basic("plumly", "client-secret-1");

    private final MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false, null, null, true));
    private final SettableClock clock = new SettableClock();
    private final TenantId tenant = StoresForTests.newTenant();
    private final CredentialStore credentials = StoresForTests.credentials();
    private final CredentialVault vault = new CredentialVault(NewVaultKey.entry("k1", new SecureRandom()), "k1");
    private final OAuth2Grants grants = new OAuth2Grants(vault, credentials, clock);
    private final AuthorizationFlow flow = new AuthorizationFlow(vault, credentials, grants, clock);
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ConnectorSpec spec;
    private final List<String> refusedHosts = new CopyOnWriteArrayList<>();
    private GuardedEgress egress;
    private TokenEndpoint tokenEndpoint;

    @BeforeEach
    void startServer() {
        server.start(0);
        spec = new ConnectorSpec("crm", "CRM", AuthorizationKind.OAUTH2, SCOPES, Set.of("localhost"), List.of(),
                new OAuth2Endpoints(server.authorizationEndpointUrl("default").uri(), server.tokenEndpointUrl("default").uri()));
        egress = new GuardedEgress(spec, new ConnectorConfig(tenant, INTEGRATION, Map.of(), Set.of()),
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), 100, 16, false,
                (refusedBy, config, host) -> refusedHosts.add(host));
        tokenEndpoint = new TokenEndpoint(spec.oauth2().token(), CLIENT);
    }

    @AfterEach
    void stopServer() {
        server.shutdown();
    }

    @Test
    void theCodeFlowWithPkceAndStateEndsInAStoredGrant() throws Exception {
        AuthorizationFlow.Started started = flow.start(tenant, INTEGRATION, spec.oauth2().authorization(), CLIENT, SCOPES, CALLBACK,
                "user:dana");
        URI authorize = started.authorizationUrl();
        Map<String, String> sent = query(authorize);
        assertThat(sent).containsEntry("response_type", "code").containsEntry("client_id", "plumly")
                .containsEntry("redirect_uri", CALLBACK.toString()).containsEntry("scope", "crm.read openid")
                .containsEntry("code_challenge_method", "S256");
        assertThat(sent.get("state")).startsWith(tenant + ".").hasSizeGreaterThan(40);
        assertThat(sent.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");

        Map<String, String> callback = adminAuthorizes(authorize);
        assertThat(callback.get("state")).isEqualTo(sent.get("state"));
        PendingAuthorization pending = flow.take(callback.get("state"), started.browserKey()).orElseThrow();
        assertThat(pending.integration()).isEqualTo(INTEGRATION);
        assertThat(pending.requestedBy()).isEqualTo("user:dana");
        TokenSet tokens = flow.complete(pending, callback.get("code"), tokenEndpoint, egress, SCOPES);

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresAt()).isAfter(clock.instant().plusSeconds(600));
        assertThat(grants.find(tenant, INTEGRATION)).contains(tokens);
        assertThat(credentials.all(tenant, INTEGRATION)).containsOnlyKeys(OAuth2Grants.secretNames())
                .allSatisfy((name, sealed) -> assertThat(new String(sealed.sealed(), StandardCharsets.ISO_8859_1))
                        .doesNotContain(tokens.accessToken().substring(0, 20)));
        assertThat(grants.accessToken(tenant, INTEGRATION, tokenEndpoint, egress)).isEqualTo(tokens.accessToken());
    }

    @Test
    void theStateOfAnAuthorizationIsGoodOnce() throws Exception {
        AuthorizationFlow.Started started = flow.start(tenant, INTEGRATION, spec.oauth2().authorization(), CLIENT, SCOPES, CALLBACK,
                "user:dana");
        String state = adminAuthorizes(started.authorizationUrl()).get("state");

        assertThat(flow.take(state, started.browserKey())).isPresent();
        assertThat(flow.take(state, started.browserKey())).isEmpty();
        assertThat(flow.take(tenant + ".made-up", started.browserKey())).isEmpty();
        assertThat(flow.take("no-tenant-here", started.browserKey())).isEmpty();
    }

    @Test
    void onlyTheBrowserThatStartedAnAuthorizationCanFinishIt() throws Exception {
        AuthorizationFlow.Started started = flow.start(tenant, INTEGRATION, spec.oauth2().authorization(), CLIENT, SCOPES, CALLBACK,
                "user:dana");
        AuthorizationFlow.Started another = flow.start(tenant, INTEGRATION, spec.oauth2().authorization(), CLIENT, SCOPES, CALLBACK,
                "user:dana");
        String state = adminAuthorizes(started.authorizationUrl()).get("state");

        assertThat(flow.take(state, null)).isEmpty();
        assertThat(flow.take(state, another.browserKey())).isEmpty();
        assertThat(flow.take(state, started.browserKey())).as("a wrong browser does not use the authorization up").isPresent();
    }

    @Test
    void anAuthorizationPastItsLifetimeIsNotTaken() throws Exception {
        AuthorizationFlow.Started started = flow.start(tenant, INTEGRATION, spec.oauth2().authorization(), CLIENT, SCOPES, CALLBACK,
                "user:dana");
        String state = adminAuthorizes(started.authorizationUrl()).get("state");

        clock.advance(AuthorizationFlow.PENDING_TTL.plusSeconds(1));

        assertThat(flow.take(state, started.browserKey())).isEmpty();
    }

    @Test
    void aCodeRedeemedWithAnotherVerifierIsRefusedByTheServer() throws Exception {
        Pkce pkce = Pkce.generate(new SecureRandom());
        OAuth2Client client = new OAuth2Client(clock);
        URI authorize = client.authorizationUrl(spec.oauth2().authorization(), CLIENT, CALLBACK, SCOPES, "acme.s1", pkce.challenge());
        String code = adminAuthorizes(authorize).get("code");
        String otherVerifier = Pkce.generate(new SecureRandom()).verifier();

        assertThatThrownBy(() -> client.exchangeCode(egress, tokenEndpoint, code, otherVerifier, CALLBACK, SCOPES))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("invalid_grant", "code_verifier does not compute")
                            .doesNotContain(code, otherVerifier, "client-secret-1");
                });
    }

    @Test
    void theClientSecretMayAlsoGoInTheFormBody() throws Exception {
        ClientCredentials post = ClientCredentials.post("plumly", "client-secret-1");
        Pkce pkce = Pkce.generate(new SecureRandom());
        OAuth2Client client = new OAuth2Client(clock);
        String code = adminAuthorizes(client.authorizationUrl(spec.oauth2().authorization(), post, CALLBACK, SCOPES,
                "acme.s3", pkce.challenge())).get("code");

        TokenSet tokens = client.exchangeCode(egress, new TokenEndpoint(spec.oauth2().token(), post), code, pkce.verifier(),
                CALLBACK, SCOPES);

        assertThat(tokens.accessToken()).isNotBlank();
    }

    @Test
    void aTokenFarFromExpiryIsHandedOutWithoutAskingTheServer() throws Exception {
        TokenSet granted = authorized();
        int before = requestsReceived();

        clock.advance(Duration.ofMinutes(30));

        assertThat(grants.accessToken(tenant, INTEGRATION, tokenEndpoint, egress)).isEqualTo(granted.accessToken());
        assertThat(requestsReceived()).isEqualTo(before);
    }

    @Test
    void aTokenWithinAMinuteOfExpiryIsRefreshedAndTheRotatedTokensAreStored() throws Exception {
        TokenSet granted = authorized();
        clock.advance(Duration.between(clock.instant(), granted.expiresAt()).minusSeconds(59));

        String access = grants.accessToken(tenant, INTEGRATION, tokenEndpoint, egress);

        TokenSet stored = grants.find(tenant, INTEGRATION).orElseThrow();
        assertThat(access).isNotEqualTo(granted.accessToken()).isEqualTo(stored.accessToken());
        assertThat(stored.refreshToken()).isNotEqualTo(granted.refreshToken());
        assertThat(stored.expiresAt()).isAfter(clock.instant().plusSeconds(600));
        assertThat(grants.accessToken(tenant, INTEGRATION, tokenEndpoint, egress)).isEqualTo(access);
    }

    @Test
    void concurrentCallersNearExpiryShareOneRefresh() throws Exception {
        TokenSet granted = authorized();
        clock.advance(Duration.between(clock.instant(), granted.expiresAt()).minusSeconds(10));
        int before = requestsReceived();
        int callers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                tokens.add(pool.submit(() -> {
                    go.await();
                    return grants.accessToken(tenant, INTEGRATION, tokenEndpoint, egress);
                }));
            }
            go.countDown();
            Set<String> handedOut = new java.util.HashSet<>();
            for (Future<String> token : tokens) {
                handedOut.add(token.get());
            }

            assertThat(handedOut).hasSize(1).doesNotContain(granted.accessToken());
            assertThat(requestsReceived() - before).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIntegrationWithoutAGrantIsUnauthorized() {
        assertThatThrownBy(() -> grants.accessToken(tenant, "acme-other", tokenEndpoint, egress))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains(tenant + "/acme-other holds no OAuth2 grant");
                });
    }

    @Test
    void anExpiringTokenWithoutARefreshTokenIsUnauthorized() {
        grants.store(tenant, INTEGRATION, new TokenSet("at-only", null, clock.instant().plusSeconds(30), SCOPES));

        assertThatThrownBy(() -> grants.accessToken(tenant, INTEGRATION, tokenEndpoint, egress))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("no refresh token").doesNotContain("at-only");
                });
        assertThat(requestsReceived()).isZero();
    }

    @Test
    void aTokenEndpointOnAHostTheIntegrationDoesNotAllowIsNeverCalled() throws Exception {
        TokenSet granted = authorized();
        clock.advance(Duration.between(clock.instant(), granted.expiresAt()));
        int before = requestsReceived();
        URI elsewhere = URI.create(spec.oauth2().token().toString().replace("localhost", "127.0.0.1"));

        assertThatThrownBy(() -> grants.accessToken(tenant, INTEGRATION, new TokenEndpoint(elsewhere, CLIENT), egress))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED);
                    assertThat(e.getMessage()).contains("egress to 127.0.0.1 refused");
                });
        assertThat(refusedHosts).containsExactly("127.0.0.1");
        assertThat(requestsReceived()).isEqualTo(before);
        assertThat(grants.find(tenant, INTEGRATION)).contains(granted);
    }

    /** Requests the authorization server has received, the browser's included. */
    private int requestsReceived() {
        return ((MockWebServerWrapper) server.getConfig().getHttpServer()).getMockWebServer().getRequestCount();
    }

    private TokenSet authorized() throws Exception {
        AuthorizationFlow.Started started = flow.start(tenant, INTEGRATION, spec.oauth2().authorization(), CLIENT, SCOPES, CALLBACK,
                "user:dana");
        Map<String, String> callback = adminAuthorizes(started.authorizationUrl());
        return flow.complete(flow.take(callback.get("state"), started.browserKey()).orElseThrow(), callback.get("code"), tokenEndpoint,
                egress, SCOPES);
    }

    /** What the admin's browser does: follow the authorization URL to the vendor, which redirects back with a code. */
    private Map<String, String> adminAuthorizes(URI authorize) throws Exception {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the authorization server redirects back").isEqualTo(302);
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo(CALLBACK.getPath());
        return query(location);
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
