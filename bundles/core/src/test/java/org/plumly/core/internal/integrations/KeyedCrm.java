package org.plumly.core.internal.integrations;

import java.util.List;
import java.util.Set;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.SourceRef;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/** A connector whose source accepts one API key and holds a few accounts: what the integration tests authorize. */
final class KeyedCrm implements Connector {
    static final String TYPE = "keyed-crm";
    static final String GOOD_KEY = "k3y-that-works";
    static final int ACCOUNTS = 7;

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(TYPE, "Keyed CRM", AuthorizationKind.API_KEY, Set.of("api.keyed-crm.example"),
                List.of(new ConfigField("instance", "Instance URL", ConfigField.Type.URL, true, false, null),
                        new ConfigField("pageSize", "Page size", ConfigField.Type.INTEGER, false, false, "100"),
                        ConfigField.secret("apiKey", "API key")));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        return context.config().find("apiKey").filter(GOOD_KEY::equals).isPresent() ? CheckResult.ok()
                : CheckResult.failed("the CRM refused the API key");
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) {
        return List.of(StreamDescriptor.fullRefresh("accounts", RecordKind.ACCOUNT));
    }

    @Override
    public void read(ConnectorContext context, StreamState state, RecordSink sink) {
        for (int i = 0; i < ACCOUNTS; i++) {
            SourceRef source = new SourceRef(context.config().integration(), "accounts", "acc-" + i);
            sink.emit(new Account(context.config().tenant(), AccountId.of(source.entityId()), "Account " + i, Set.of(), null, source));
        }
        sink.checkpoint(state.with("done", "true"));
    }
}
