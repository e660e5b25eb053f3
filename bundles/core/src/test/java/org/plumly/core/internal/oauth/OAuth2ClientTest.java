package org.plumly.core.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.OAuth2Endpoints;
import org.plumly.core.internal.egress.GuardedEgress;
import org.plumly.core.internal.vault.CredentialVault;
import org.plumly.core.internal.vault.NewVaultKey;
import org.plumly.store.cassandra.testing.StoresForTests;

/**
 * Token endpoint replies a real authorization server cannot be made to give, from a stub on the JDK's HTTP server,
 * through the production egress.
 */
class OAuth2ClientTest {
    private static final URI CALLBACK = URI.create("http://localhost:8181/api/v1/oauth2/callback");
    private static final String REFRESH_TOKEN = "rt-secret-0123456789";
    private static final ClientCredentials CLIENT = ClientCredentials.basic("plumly app", "s3cr:et");

    private final SettableClock clock = new SettableClock();
    private final OAuth2Client client = new OAuth2Client(clock);
    private final ConnectorSpec spec = new ConnectorSpec("crm", "CRM", AuthorizationKind.OAUTH2, Set.of("crm.read"),
            Set.of("localhost"), List.of(), new OAuth2Endpoints(URI.create("http://localhost/authorize"),
                    URI.create("http://localhost/token")));
    private final TenantId tenant = StoresForTests.newTenant();
    private final GuardedEgress egress = new GuardedEgress(spec, new ConnectorConfig(tenant, "acme-crm", Map.of(), Set.of()),
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), 100, 4, false, (s, c, host) -> { });

    @Test
    void aRefusedRefreshTokenMeansTheGrantIsGoneAndTheTokenIsNotEchoed() throws Exception {
        try (TokenEndpointStub stub = stub(400, "application/json",
                "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token " + REFRESH_TOKEN + " was revoked\"}")) {

            assertThatThrownBy(() -> client.refresh(egress, endpoint(stub), REFRESH_TOKEN, Set.of()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED);
                        assertThat(e.getMessage()).contains("invalid_grant", "authorize the integration again", "****")
                                .doesNotContain(REFRESH_TOKEN);
                    });
        }
    }

    @Test
    void anUnknownClientOrAnyHttp401MeansTheGrantIsGone() throws Exception {
        try (TokenEndpointStub invalidClient = stub(400, "application/json", "{\"error\":\"invalid_client\"}");
                TokenEndpointStub plain401 = stub(401, "text/plain", "nope")) {
            for (TokenEndpointStub stub : List.of(invalidClient, plain401)) {
                assertThatThrownBy(() -> client.refresh(egress, endpoint(stub), REFRESH_TOKEN, Set.of()))
                        .isInstanceOfSatisfying(ConnectorException.class,
                                e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED));
            }
        }
    }

    @Test
    void aRefusedRefreshThroughTheGrantsIsUnauthorizedAndKeepsTheStoredGrant() throws Exception {
        CredentialVault vault = new CredentialVault(NewVaultKey.entry("k1", new SecureRandom()), "");
        OAuth2Grants grants = new OAuth2Grants(vault, StoresForTests.credentials(), clock);
        TokenSet held = new TokenSet("at-old", REFRESH_TOKEN, clock.instant().plusSeconds(20), Set.of("crm.read"));
        grants.store(tenant, "acme-crm", held);
        try (TokenEndpointStub stub = stub(400, "application/json", "{\"error\":\"invalid_grant\"}")) {

            assertThatThrownBy(() -> grants.accessToken(tenant, "acme-crm", endpoint(stub), egress))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED));
            assertThat(grants.find(tenant, "acme-crm")).contains(held);
        }
    }

    /** The egress answers a 429 before the client sees it: the wait is the server's, else the egress's default. */
    @Test
    void http429BecomesRateLimitedWithTheServersRetryAfter() throws Exception {
        try (TokenEndpointStub seconds = stub(429, "application/json", "{}", Map.of("Retry-After", "120"));
                TokenEndpointStub unsaid = stub(429, "application/json", "{}", Map.of())) {

            assertThatThrownBy(() -> client.refresh(egress, endpoint(seconds), REFRESH_TOKEN, Set.of()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                    });
            assertThatThrownBy(() -> client.refresh(egress, endpoint(unsaid), REFRESH_TOKEN, Set.of()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
                        assertThat(e.retryAfter()).as("the egress's default wait").isEqualTo(Duration.ofSeconds(30));
                    });
        }
    }

    @Test
    void aServerErrorIsTransient() throws Exception {
        try (TokenEndpointStub stub = stub(503, "text/html", "<h1>down</h1>")) {
            assertThatThrownBy(() -> client.refresh(egress, endpoint(stub), REFRESH_TOKEN, Set.of()))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.TRANSIENT));
        }
    }

    @Test
    void aReplyThatIsNotJsonIsAClearError() throws Exception {
        try (TokenEndpointStub stub = stub(200, "text/html", "<html>login</html>")) {
            assertThatThrownBy(() -> client.refresh(egress, endpoint(stub), REFRESH_TOKEN, Set.of()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED);
                        assertThat(e.getMessage()).contains("not with JSON", "text/html", stub.uri().toString());
                    });
        }
    }

    @Test
    void aReplyWithoutAnAccessTokenNamesWhatIsMissingAndShowsNoValue() throws Exception {
        try (TokenEndpointStub stub = stub(200, "application/json",
                "{\"token_type\":\"Bearer\",\"refresh_token\":\"rt-new-secret\",\"expires_in\":3600}")) {
            assertThatThrownBy(() -> client.refresh(egress, endpoint(stub), REFRESH_TOKEN, Set.of()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED);
                        assertThat(e.getMessage()).contains("without an access_token", "[expires_in, refresh_token, token_type]")
                                .doesNotContain("rt-new-secret");
                    });
        }
    }

    @Test
    void aRefreshWithoutANewRefreshTokenKeepsTheOldOne() throws Exception {
        try (TokenEndpointStub stub = stub(200, "application/json",
                "{\"access_token\":\"at-2\",\"token_type\":\"bearer\",\"expires_in\":\"1800\"}")) {

            TokenSet tokens = client.refresh(egress, endpoint(stub), REFRESH_TOKEN, Set.of("crm.read"));

            assertThat(tokens.accessToken()).isEqualTo("at-2");
            assertThat(tokens.refreshToken()).isEqualTo(REFRESH_TOKEN);
            assertThat(tokens.expiresAt()).isEqualTo(clock.instant().plusSeconds(1800));
            assertThat(tokens.scopes()).containsExactly("crm.read");
        }
    }

    @Test
    void aRotatedRefreshTokenAndTheGrantedScopesAreTaken() throws Exception {
        try (TokenEndpointStub stub = stub(200, "application/json",
                "{\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\",\"scope\":\"crm.read  mail.read\"}")) {

            TokenSet tokens = client.refresh(egress, endpoint(stub), REFRESH_TOKEN, Set.of("crm.read"));

            assertThat(tokens.refreshToken()).isEqualTo("rt-2");
            assertThat(tokens.scopes()).containsExactlyInAnyOrder("crm.read", "mail.read");
            assertThat(tokens.expiresAt()).isNull();
        }
    }

    @Test
    void basicClientAuthenticationSendsTheEncodedSecretInTheHeaderOnly() throws Exception {
        try (TokenEndpointStub stub = stub(200, "application/json", "{\"access_token\":\"at\"}")) {
            client.exchangeCode(egress, endpoint(stub), "code-1", "verifier-1", CALLBACK, Set.of());

            TokenEndpointStub.Received sent = stub.received.get(0);
            String basic = sent.headers().get("Authorization").get(0);
            assertThat(new String(Base64.getDecoder().decode(basic.substring("Basic ".length())), StandardCharsets.UTF_8))
                    .isEqualTo("plumly+app:s3cr%3Aet");
            assertThat(sent.body()).contains("grant_type=authorization_code", "code=code-1", "code_verifier=verifier-1",
                    "redirect_uri=http%3A%2F%2Flocalhost%3A8181%2Fapi%2Fv1%2Foauth2%2Fcallback")
                    .doesNotContain("client_secret");
        }
    }

    @Test
    void postClientAuthenticationSendsIdAndSecretInTheForm() throws Exception {
        try (TokenEndpointStub stub = stub(200, "application/json", "{\"access_token\":\"at\"}")) {
            client.refresh(egress, new TokenEndpoint(stub.uri(), ClientCredentials.post("plumly", "s3cret")), REFRESH_TOKEN, Set.of());

            TokenEndpointStub.Received sent = stub.received.get(0);
            assertThat(sent.headers()).doesNotContainKey("Authorization");
            assertThat(sent.body()).contains("grant_type=refresh_token", "refresh_token=" + REFRESH_TOKEN, "client_id=plumly",
                    "client_secret=s3cret");
        }
    }

    @Test
    void theAuthorizationUrlKeepsTheEndpointsQueryAndEncodesEveryParameter() {
        URI url = client.authorizationUrl(URI.create("https://login.example.com/authorize?prompt=consent"), CLIENT, CALLBACK,
                Set.of("crm.read", "offline_access"), "acme.st&te", "challenge");

        assertThat(url.toString()).startsWith("https://login.example.com/authorize?prompt=consent&response_type=code&")
                .contains("client_id=plumly%20app", "scope=crm.read%20offline_access", "state=acme.st%26te",
                        "code_challenge=challenge", "code_challenge_method=S256",
                        "redirect_uri=http%3A%2F%2Flocalhost%3A8181%2Fapi%2Fv1%2Foauth2%2Fcallback");
    }

    @Test
    void theS256ChallengeIsTheOneOfRfc7636() {
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        Pkce pkce = Pkce.generate(new SecureRandom());
        assertThat(pkce.verifier()).matches("[A-Za-z0-9_-]{43}");
        assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier()));
    }

    @Test
    void tokensAndSecretsStayOutOfToString() {
        TokenSet tokens = new TokenSet("at-visible?", "rt-visible?", Instant.EPOCH, Set.of("crm.read"));
        Pkce pkce = new Pkce("verifier-visible?", "challenge");

        assertThat(tokens.toString()).doesNotContain("at-visible?", "rt-visible?").contains("crm.read");
        assertThat(CLIENT.toString()).doesNotContain("s3cr:et").contains("plumly app");
        assertThat(pkce.toString()).doesNotContain("verifier-visible?");
    }

    private static TokenEndpoint endpoint(TokenEndpointStub stub) {
        return new TokenEndpoint(stub.uri(), CLIENT);
    }

    private static TokenEndpointStub stub(int status, String contentType, String body) throws Exception {
        return stub(status, contentType, body, Map.of());
    }

    private static TokenEndpointStub stub(int status, String contentType, String body, Map<String, String> headers)
            throws Exception {
        return new TokenEndpointStub(status, contentType, body, headers);
    }
}
