package org.plumly.core.internal.integrations;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.SourceRef;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/** A connector that stores a first page, then waits to be let go before reading the second. */
final class HeldCrm implements Connector {
    static final String TYPE = "held-crm";
    static final int PER_PAGE = 3;

    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(TYPE, "Held CRM", AuthorizationKind.NONE, Set.of(), List.of());
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        return CheckResult.ok();
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) {
        return List.of(StreamDescriptor.incremental("accounts", RecordKind.ACCOUNT));
    }

    @Override
    public void read(ConnectorContext context, StreamState state, RecordSink sink) {
        for (int page = 0; page < 2; page++) {
            if (page == 1) {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            for (int i = page * PER_PAGE; i < (page + 1) * PER_PAGE; i++) {
                SourceRef source = new SourceRef(context.config().integration(), "accounts", "acc-" + i);
                sink.emit(new Account(context.config().tenant(), AccountId.of(source.entityId()), "Account " + i, Set.of(), null, source));
            }
            sink.checkpoint(state.with("page", Integer.toString(page + 1)));
        }
    }
}
