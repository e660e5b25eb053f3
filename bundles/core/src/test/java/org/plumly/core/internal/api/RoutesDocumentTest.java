package org.plumly.core.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hub's OpenAPI document lists exactly the routes this bundle adds, marked as this bundle's. */
@ExtendWith(VertxExtension.class)
class RoutesDocumentTest {

    @Test
    void theDocumentNamesEveryRouteOfThisBundleAndNoOther(Vertx vertx) throws Exception {
        Router router = Router.router(vertx);
        new IntegrationRoutes(config(""), null, null, null).addTo(router);
        new OpportunityRoutes(null, null, null).addTo(router);

        assertThat(routed(router)).isEqualTo(documented("org.plumly.core"));
    }

    @Test
    void theCallbackIsTheOnlyPublicPathAndTheDocumentSaysSo() throws Exception {
        IntegrationRoutes routes = new IntegrationRoutes(config(""), null, null, null);

        assertThat(routes.publicPaths()).containsExactly("/oauth2/callback");
        JsonNode callback = document().get("paths").get("/api/v1/oauth2/callback").get("get");
        assertThat(callback.get("security")).isEmpty();
    }

    static IntegrationRoutes.Config config(String publicUrl) {
        return new IntegrationRoutes.Config() {
            @Override
            public String publicUrl() {
                return publicUrl;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return IntegrationRoutes.Config.class;
            }
        };
    }

    private static Set<String> routed(Router router) {
        Set<String> operations = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            for (HttpMethod method : route.methods()) {
                operations.add(method.name() + " /api/v1" + route.getPath().replaceAll(":(\\w+)", "{$1}"));
            }
        }
        return operations;
    }

    private static Set<String> documented(String bundle) throws Exception {
        Set<String> operations = new TreeSet<>();
        document().get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode owner = operation.getValue().get("x-plumly-bundle");
            if (owner != null && bundle.equals(owner.asText())) {
                operations.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = IntegrationRoutes.class.getResourceAsStream("/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }
}
