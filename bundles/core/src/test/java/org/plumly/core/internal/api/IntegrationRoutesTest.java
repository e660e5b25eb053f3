package org.plumly.core.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plumly.api.Tenant;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.core.internal.integrations.IntegrationsFixture;
import org.plumly.store.cassandra.testing.StoresForTests;
import org.plumly.core.internal.api.RoutesOverHttp.Reply;
import org.plumly.web.routes.ApiRequest;

/**
 * The integrations API over HTTP, on the real service and stores. The caller is set as the web bundle's
 * authentication sets it: from a header naming one of the test's callers.
 */
@ExtendWith(VertxExtension.class)
class IntegrationRoutesTest {
    private final TenantId tenant = StoresForTests.newTenant();
    private final TenantId otherTenant = StoresForTests.newTenant();
    private final Map<String, Caller> callers = Map.of(
            "admin", new Caller(tenant, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN)),
            "rep", new Caller(tenant, UserId.of("rep-1"), Set.of(Role.REP)),
            "other-admin", new Caller(otherTenant, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN)));
    private final IntegrationsFixture fixture = new IntegrationsFixture();
    private RoutesOverHttp http;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        StoresForTests.tenants().put(new Tenant(tenant, "Routes test", Instant.now()));
        http = new RoutesOverHttp(vertx, callers, new IntegrationRoutes(RoutesDocumentTest.config("https://plumly.acme.example"),
                fixture.registry, fixture.service, fixture.engine));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        fixture.close();
    }

    @Test
    void anAdminAddsAuthorizesAndReadsTheRunsOfAnIntegrationAndNeverSeesItsSecret() throws Exception {
        Reply created = call("admin", HttpMethod.POST, "/api/v1/integrations", new JsonObject().put("id", "crm")
                .put("connector", "keyed-crm").put("settings", new JsonObject().put("instance", "https://acme.keyed-crm.example"))
                .put("secrets", new JsonObject().put("apiKey", "k3y-that-works")).put("syncIntervalMinutes", 30));
        Reply authorized = call("admin", HttpMethod.POST, "/api/v1/integrations/crm/authorize", new JsonObject());
        Reply shown = call("admin", HttpMethod.GET, "/api/v1/integrations/crm", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> call("admin", HttpMethod.GET, "/api/v1/integrations/crm/runs", null)
                .json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .anyMatch(run -> "SUCCEEDED".equals(run.getString("status"))));
        Reply runs = call("admin", HttpMethod.GET, "/api/v1/integrations/crm/runs?limit=1", null);
        String runId = runs.json().getJsonArray("items").getJsonObject(0).getString("id");
        Reply run = call("admin", HttpMethod.GET, "/api/v1/integrations/crm/runs/" + runId, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/integrations/crm");
        assertThat(created.json().getString("status")).isEqualTo("PENDING_AUTHORIZATION");
        assertThat(authorized.json().getString("status")).isEqualTo("ACTIVE");
        assertThat(shown.json().getJsonArray("secretsSet")).containsExactly("apiKey");
        assertThat(shown.json().getLong("syncIntervalMinutes")).isEqualTo(30);
        for (Reply reply : new Reply[] {created, authorized, shown, runs, run}) {
            assertThat(reply.body()).doesNotContain("k3y-that-works");
        }
        assertThat(run.json().getJsonObject("total").getLong("stored")).isEqualTo(7);
    }

    @Test
    void aRepIsForbiddenAndAnotherCompanysAdminFindsNothing() throws Exception {
        call("admin", HttpMethod.POST, "/api/v1/integrations", new JsonObject().put("id", "crm").put("connector", "keyed-crm")
                .put("settings", new JsonObject().put("instance", "https://acme.keyed-crm.example")));

        assertThat(call("rep", HttpMethod.GET, "/api/v1/integrations", null).status()).isEqualTo(403);
        assertThat(call("rep", HttpMethod.POST, "/api/v1/integrations/crm/sync", null).status()).isEqualTo(403);
        assertThat(call("other-admin", HttpMethod.GET, "/api/v1/integrations", null).json().getJsonArray("items")).isEmpty();
        for (String path : new String[] {"/api/v1/integrations/crm", "/api/v1/integrations/crm/runs"}) {
            assertThat(call("other-admin", HttpMethod.GET, path, null).status()).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/api/v1/integrations/crm/sync", "/api/v1/integrations/crm/revoke",
                "/api/v1/integrations/crm/authorize", "/api/v1/integrations/crm/oauth2/authorize"}) {
            assertThat(call("other-admin", HttpMethod.POST, path, new JsonObject()).status()).as(path).isEqualTo(404);
        }
        assertThat(call("admin", HttpMethod.GET, "/api/v1/integrations/crm", null).json().getString("status"))
                .isEqualTo("PENDING_AUTHORIZATION");
    }

    @Test
    void badRequestsGetProblemsThatSayWhatIsWrong() throws Exception {
        Reply notJson = call("admin", HttpMethod.POST, "/api/v1/integrations", "{not json");
        Reply noId = call("admin", HttpMethod.POST, "/api/v1/integrations", new JsonObject().put("connector", "keyed-crm"));
        Reply numberSetting = call("admin", HttpMethod.POST, "/api/v1/integrations", new JsonObject().put("id", "crm")
                .put("connector", "keyed-crm").put("settings", new JsonObject().put("instance", 7)));
        Reply badLimit = call("admin", HttpMethod.GET, "/api/v1/integrations/crm/runs?limit=9999", null);
        Reply syncPending = syncOfAPendingIntegration();

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).isEqualTo(ApiRequest.PROBLEM_MEDIA_TYPE);
        assertThat(noId.json().getString("detail")).contains("'id' is required");
        assertThat(numberSetting.json().getString("detail")).contains("settings.instance").contains("string");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(syncPending.status()).isEqualTo(409);
        assertThat(syncPending.json().getString("detail")).contains("PENDING_AUTHORIZATION");
    }

    @Test
    void anUnknownOAuth2StateGetsAPageThatSaysSoAndEchoesNothingAsMarkup() throws Exception {
        Reply callback = call(null, HttpMethod.GET, "/api/v1/oauth2/callback?state=" + tenant.value() + ".%3Cscript%3E&code=x", null);

        assertThat(callback.status()).isEqualTo(400);
        assertThat(callback.contentType()).startsWith("text/html");
        assertThat(callback.body()).contains("unknown, used already").doesNotContain("<script>");
    }

    @Test
    void theOAuth2RedirectUsesTheConfiguredPublicUrl() throws Exception {
        fixture.registry.addConnector(new OAuthOnlyConnector());
        call("admin", HttpMethod.POST, "/api/v1/integrations", new JsonObject().put("id", "oauth").put("connector", OAuthOnlyConnector.TYPE)
                .put("settings", new JsonObject().put("oauth2.clientId", "plumly")));

        Reply started = call("admin", HttpMethod.POST, "/api/v1/integrations/oauth/oauth2/authorize", null);

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().getString("authorizationUrl"))
                .startsWith("https://auth.oauth-only.example/authorize?")
                .contains("redirect_uri=https%3A%2F%2Fplumly.acme.example%2Fapi%2Fv1%2Foauth2%2Fcallback");
        assertThat(started.setCookie()).startsWith("plumly_oauth2=").contains("Path=/api/v1/oauth2/callback").contains("HTTPOnly")
                .contains("Secure").contains("SameSite=Lax");
    }

    private Reply syncOfAPendingIntegration() throws Exception {
        call("admin", HttpMethod.POST, "/api/v1/integrations", new JsonObject().put("id", "pending").put("connector", "keyed-crm")
                .put("settings", new JsonObject().put("instance", "https://acme.keyed-crm.example")));
        return call("admin", HttpMethod.POST, "/api/v1/integrations/pending/sync", null);
    }

    private Reply call(String caller, HttpMethod method, String path, Object body) throws Exception {
        return http.call(caller, method, path, body);
    }
}
