package org.plumly.core.internal.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.plumly.api.Account;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.Contact;
import org.plumly.api.CustomerRecord;
import org.plumly.api.Opportunity;
import org.plumly.api.RawContent;
import org.plumly.api.ReportingLine;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.OpportunityStore;
import org.plumly.core.internal.identity.IdentityResolver;
import org.plumly.core.internal.tone.ToneOutcome;
import org.plumly.core.internal.tone.TonePipeline;

/**
 * Stores a batch of records a connector emitted, people and companies first, then deals, then
 * activities, linked by identity resolution, and their content. Every store write is an upsert by the
 * id the source gave, so a batch written twice leaves one copy. The records of one kind are written
 * concurrently (each write is a few database round trips); a record emitted twice in a batch is
 * written once, as it was emitted last. Once stored, the customer mail among the activities goes to the
 * tone step, which classifies it in the background.
 */
final class RecordWriter implements AutoCloseable {
    private static final int CONCURRENT_WRITES = 8;

    private final DirectoryStore directory;
    private final OpportunityStore opportunities;
    private final ActivityStore activities;
    private final IdentityResolver resolver;
    private final TonePipeline tone;
    private final ExecutorService writes = Executors.newFixedThreadPool(CONCURRENT_WRITES,
            SyncEngine.named("plumly-sync-write-"));

    RecordWriter(DirectoryStore directory, OpportunityStore opportunities, ActivityStore activities, TonePipeline tone) {
        this.directory = directory;
        this.opportunities = opportunities;
        this.activities = activities;
        this.resolver = new IdentityResolver(directory, opportunities);
        this.tone = tone;
    }

    /**
     * Stores the batch; a store failure is thrown as it is (a {@link org.plumly.api.store.StoreUnavailableException}).
     * Then hands its customer mail to the tone step, waiting while the tone step's queue is full.
     *
     * @return completes when the batch's customer mail is classified, or known to stay unclassified
     */
    CompletableFuture<ToneOutcome> write(TenantId tenant, List<CustomerRecord> batch, Map<ActivityId, RawContent> contents) {
        Map<Object, User> users = new LinkedHashMap<>();
        Map<Object, ReportingLine> lines = new LinkedHashMap<>();
        Map<Object, Account> accounts = new LinkedHashMap<>();
        Map<Object, Contact> contacts = new LinkedHashMap<>();
        Map<Object, Opportunity> deals = new LinkedHashMap<>();
        Map<Object, Activity> activityBatch = new LinkedHashMap<>();
        for (CustomerRecord record : batch) {
            if (record instanceof User user) {
                users.put(user.id(), user);
            } else if (record instanceof ReportingLine line) {
                lines.put(List.of(line.user(), line.manager(), line.validFrom()), line);
            } else if (record instanceof Account account) {
                accounts.put(account.id(), account);
            } else if (record instanceof Contact contact) {
                contacts.put(contact.id(), contact);
            } else if (record instanceof Opportunity opportunity) {
                deals.put(opportunity.id(), opportunity);
            } else if (record instanceof Activity activity) {
                activityBatch.put(activity.id(), activity);
            } else {
                throw new IllegalArgumentException("no store for " + record.getClass().getSimpleName());
            }
        }
        concurrently(users.values().stream().map(user -> (Runnable) () -> directory.putUser(user)).toList());
        concurrently(lines.values().stream().map(line -> (Runnable) () -> directory.putReportingLine(line)).toList());
        concurrently(accounts.values().stream().map(account -> (Runnable) () -> directory.putAccount(account)).toList());
        concurrently(contacts.values().stream().map(contact -> (Runnable) () -> directory.putContact(contact)).toList());
        concurrently(deals.values().stream().map(deal -> (Runnable) () -> opportunities.put(deal)).toList());
        List<Activity> stored = List.of();
        if (!activityBatch.isEmpty()) {
            IdentityResolver.Batch links = resolver.batch(tenant);
            stored = activityBatch.values().stream().map(links::resolve).toList();
            activities.putAll(stored);
        }
        concurrently(contents.entrySet().stream()
                .map(content -> (Runnable) () -> activities.putContent(tenant, content.getKey(), content.getValue())).toList());
        return tone.classifyStored(tenant, stored, contents);
    }

    private void concurrently(List<Runnable> puts) {
        if (puts.size() == 1) {
            puts.get(0).run();
            return;
        }
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        puts.forEach(put -> pending.add(CompletableFuture.runAsync(put, writes)));
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    @Override
    public void close() {
        writes.shutdownNow();
    }
}
