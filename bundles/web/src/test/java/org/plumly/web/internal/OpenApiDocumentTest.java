package org.plumly.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI document and the router describe the same operations, no more and no fewer. */
@ExtendWith(VertxExtension.class)
class OpenApiDocumentTest {

    @Test
    void documentsExactlyTheRoutesTheRouterServes(Vertx vertx) throws Exception {
        HealthEndpoint health = new HealthEndpoint(vertx, "0", List::of, List::of);
        Router router = ApiRouter.create(vertx, health, WebServer.openApiDocument());

        assertThat(documentedOperations(null)).isEqualTo(routedOperations(router));
    }

    /**
     * The operations of the document that a bundle serves: {@code null} for this one, otherwise those
     * marked {@code x-plumly-bundle} with its name (that bundle's own test holds them to its routes).
     */
    static Set<String> documentedOperations(String bundle) throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(WebServer.openApiDocument().getBytes());
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path ->
                path.getValue().properties().forEach(operation -> {
                    JsonNode owner = operation.getValue().get("x-plumly-bundle");
                    if (bundle == null ? owner == null : owner != null && bundle.equals(owner.asText())) {
                        operations.add(operation.getKey().toUpperCase() + " " + path.getKey());
                    }
                }));
        return operations;
    }

    private static Set<String> routedOperations(Router router) {
        Set<String> operations = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue; // the catch-all failure handler
            }
            for (HttpMethod method : route.methods()) {
                operations.add(method.name() + " " + route.getPath());
            }
        }
        return operations;
    }
}
