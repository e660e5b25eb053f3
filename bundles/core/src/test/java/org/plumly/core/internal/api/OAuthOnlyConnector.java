package org.plumly.core.internal.api;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.OAuth2Endpoints;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/** A connector authorized by OAuth2 at a vendor that is never called in these tests. */
final class OAuthOnlyConnector implements Connector {
    static final String TYPE = "oauth-only";

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(TYPE, "OAuth only", AuthorizationKind.OAUTH2, Set.of("read"), Set.of("auth.oauth-only.example"),
                List.of(), new OAuth2Endpoints(URI.create("https://auth.oauth-only.example/authorize"),
                        URI.create("https://auth.oauth-only.example/token")));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        return CheckResult.ok();
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
