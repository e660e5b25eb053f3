package org.plumly.core.internal.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.SourceRef;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/**
 * A connector over an in-memory source of accounts in pages, checkpointing after each page, whose
 * pages can be told to fail or to wait: what the engine's tests drive it with.
 */
final class PagedAccounts implements Connector {
    static final String TYPE = "paged-accounts";

    private final List<List<String>> pages = new CopyOnWriteArrayList<>();
    private final Map<Integer, List<ConnectorException>> failures = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final Map<Integer, Long> readAt = new ConcurrentHashMap<>();
    private volatile int holdAt = -1;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean rejectOne;
    private volatile String foreignIntegration;

    PagedAccounts pages(int count, int perPage) {
        for (int p = 0; p < count; p++) {
            addPage(perPage);
        }
        return this;
    }

    void addPage(int perPage) {
        List<String> page = new ArrayList<>();
        int first = pages.stream().mapToInt(List::size).sum();
        for (int i = first; i < first + perPage; i++) {
            page.add("a" + i);
        }
        pages.add(page);
    }

    /** Reading page {@code page} fails with these, one per attempt, then works. */
    PagedAccounts failAt(int page, ConnectorException... attempts) {
        failures.put(page, new CopyOnWriteArrayList<>(List.of(attempts)));
        return this;
    }

    /** Reading page {@code page} waits until {@link #release()}. */
    PagedAccounts holdAt(int page) {
        holdAt = page;
        return this;
    }

    PagedAccounts rejectingOneRow() {
        rejectOne = true;
        return this;
    }

    PagedAccounts emittingForIntegration(String integration) {
        foreignIntegration = integration;
        return this;
    }

    boolean awaitHeld() throws InterruptedException {
        return held.await(30, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }

    int reads(int page) {
        AtomicInteger count = reads.get(page);
        return count == null ? 0 : count.get();
    }

    long readAtMillis(int page) {
        return readAt.getOrDefault(page, 0L);
    }

    int total() {
        return pages.stream().mapToInt(List::size).sum();
    }

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(TYPE, "Paged accounts", AuthorizationKind.NONE, Set.of(), List.of());
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
    public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
        int page;
        try {
            page = Integer.parseInt(state.find("page").orElse("0"));
        } catch (NumberFormatException e) {
            throw ConnectorException.invalidState("page '" + state.find("page").orElse("") + "' is not a page number");
        }
        for (; page < pages.size() && !sink.stopRequested(); page++) {
            reads.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
            readAt.put(page, System.nanoTime() / 1_000_000);
            List<ConnectorException> failing = failures.get(page);
            if (failing != null && !failing.isEmpty()) {
                throw failing.remove(0);
            }
            if (page == holdAt) {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            for (String id : pages.get(page)) {
                if (rejectOne && id.equals("a1")) {
                    sink.reject("page " + page + " row 2", "no name");
                    continue;
                }
                String integration = foreignIntegration != null ? foreignIntegration : context.config().integration();
                SourceRef source = new SourceRef(integration, "accounts", id);
                sink.emit(new Account(context.config().tenant(), AccountId.of(source.entityId()), "Account " + id, Set.of(), null, source));
            }
            sink.checkpoint(state.with("page", Integer.toString(page + 1)));
        }
    }

    static ConnectorException transientFailure() {
        return ConnectorException.transientFailure("connection reset", null);
    }

    static ConnectorException rateLimited(Duration retryAfter) {
        return ConnectorException.rateLimited("HTTP 429", retryAfter);
    }
}
