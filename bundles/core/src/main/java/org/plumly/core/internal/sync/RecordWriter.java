package org.plumly.core.internal.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * Stores a batch of records a connector emitted, people and companies first, then deals, then
 * activities, linked by identity resolution, and their content. Every store write is an upsert by the
 * id the source gave, so a batch written twice leaves one copy.
 */
record RecordWriter(DirectoryStore directory, OpportunityStore opportunities, ActivityStore activities,
        IdentityResolver resolver) {

    RecordWriter(DirectoryStore directory, OpportunityStore opportunities, ActivityStore activities) {
        this(directory, opportunities, activities, new IdentityResolver(directory, opportunities));
    }

    void write(TenantId tenant, List<CustomerRecord> batch, Map<ActivityId, RawContent> contents) {
        List<Activity> activityBatch = new ArrayList<>();
        for (CustomerRecord record : batch) {
            if (record instanceof User user) {
                directory.putUser(user);
            } else if (record instanceof ReportingLine line) {
                directory.putReportingLine(line);
            } else if (record instanceof Account account) {
                directory.putAccount(account);
            } else if (record instanceof Contact contact) {
                directory.putContact(contact);
            } else if (record instanceof Opportunity opportunity) {
                opportunities.put(opportunity);
            } else if (record instanceof Activity activity) {
                activityBatch.add(activity);
            } else {
                throw new IllegalArgumentException("no store for " + record.getClass().getSimpleName());
            }
        }
        if (!activityBatch.isEmpty()) {
            IdentityResolver.Batch links = resolver.batch(tenant);
            activities.putAll(activityBatch.stream().map(links::resolve).toList());
        }
        contents.forEach((id, content) -> activities.putContent(tenant, id, content));
    }
}
