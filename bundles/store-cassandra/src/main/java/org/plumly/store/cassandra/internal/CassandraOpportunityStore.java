package org.plumly.store.cassandra.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.plumly.api.AccountId;
import org.plumly.api.Money;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.StageChange;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.store.OpportunityStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Opportunities by id, with id lists by tenant (open only), owner and account. A put reads the stored
 * row first and takes the opportunity off the lists it left (closed, new owner, new account); stage
 * history rows are only ever added.
 */
final class CassandraOpportunityStore implements OpportunityStore {
    private static final String COLUMNS = "account_id, name, owner_id, stage, status, amount, currency, close_date, created_at, source";

    private final Cql cql;
    private final SourceIndex index;

    CassandraOpportunityStore(Cql cql, SourceIndex index) {
        this.cql = cql;
        this.index = index;
    }

    @Override
    public void put(Opportunity o) {
        String tenant = o.tenant().value();
        String id = o.id().value();
        String account = o.account() == null ? null : o.account().value();
        if (o.source() != null) {
            // Before any row: an opportunity whose write fails half-way is still found by a purge.
            cql.execute(index.entry(o.tenant(), o.source(), SourceIndex.OPPORTUNITY, id, Set.of()));
        }
        Row before = cql.one(cql.bind("SELECT owner_id, account_id, status FROM opportunities WHERE tenant = ? AND opportunity_id = ?", tenant, id));
        List<CompletableFuture<AsyncResultSet>> writes = new ArrayList<>();
        if (before != null) {
            String oldOwner = before.getString("owner_id");
            String oldAccount = before.getString("account_id");
            if (!oldOwner.equals(o.owner().value())) {
                writes.add(async("DELETE FROM opportunities_by_owner WHERE tenant = ? AND owner_id = ? AND opportunity_id = ?", tenant, oldOwner, id));
            }
            if (oldAccount != null && !oldAccount.equals(account)) {
                writes.add(async("DELETE FROM opportunities_by_account WHERE tenant = ? AND account_id = ? AND opportunity_id = ?", tenant, oldAccount, id));
            }
        }
        writes.add(async("INSERT INTO opportunities (tenant, opportunity_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, id, account, o.name(), o.owner().value(), o.stage(), o.status().name(),
                o.amount() == null ? null : o.amount().amount(), o.amount() == null ? null : o.amount().currency().getCurrencyCode(),
                o.closeDate(), o.createdAt(), Sources.write(o.source())));
        writes.add(o.isOpen()
                ? async("INSERT INTO open_opportunities (tenant, opportunity_id) VALUES (?, ?)", tenant, id)
                : async("DELETE FROM open_opportunities WHERE tenant = ? AND opportunity_id = ?", tenant, id));
        writes.add(async("INSERT INTO opportunities_by_owner (tenant, owner_id, opportunity_id) VALUES (?, ?, ?)", tenant, o.owner().value(), id));
        if (account != null) {
            writes.add(async("INSERT INTO opportunities_by_account (tenant, account_id, opportunity_id) VALUES (?, ?, ?)", tenant, account, id));
        }
        for (StageChange change : o.stageHistory()) {
            writes.add(async("INSERT INTO opportunity_stage_history (tenant, opportunity_id, entered_at, stage, close_date) VALUES (?, ?, ?, ?, ?)",
                    tenant, id, change.enteredAt(), change.stage(), change.closeDate()));
        }
        Cql.join(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
    }

    private CompletableFuture<AsyncResultSet> async(String statement, Object... values) {
        return cql.executeAsync(cql.bind(statement, values)).toCompletableFuture();
    }

    @Override
    public Optional<Opportunity> find(TenantId tenant, OpportunityId id) {
        return Cql.join(findAsync(tenant, id));
    }

    private CompletableFuture<Optional<Opportunity>> findAsync(TenantId tenant, OpportunityId id) {
        CompletableFuture<AsyncResultSet> row = async("SELECT " + COLUMNS + " FROM opportunities WHERE tenant = ? AND opportunity_id = ?", tenant.value(), id.value());
        CompletableFuture<AsyncResultSet> history = async("SELECT entered_at, stage, close_date FROM opportunity_stage_history WHERE tenant = ? AND opportunity_id = ?",
                tenant.value(), id.value());
        return row.thenCombine(history, (current, changes) -> {
            Row r = current.one();
            if (r == null) {
                return Optional.empty();
            }
            List<StageChange> stages = new ArrayList<>();
            // a stage history longer than one driver page is not expected (dozens of changes, not thousands)
            for (Row change : changes.currentPage()) {
                stages.add(new StageChange(change.getString("stage"), change.getInstant("entered_at"), change.getLocalDate("close_date")));
            }
            return Optional.of(toOpportunity(tenant, id, r, stages));
        });
    }

    @Override
    public Page<Opportunity> open(TenantId tenant, PageRequest request) {
        return list(cql.page(cql.bind("SELECT opportunity_id FROM open_opportunities WHERE tenant = ?", tenant.value()),
                request, "open-opportunities", tenant, "", row -> OpportunityId.of(row.getString("opportunity_id"))), tenant, Opportunity::isOpen);
    }

    @Override
    public Page<Opportunity> byOwner(TenantId tenant, UserId owner, PageRequest request) {
        return list(cql.page(cql.bind("SELECT opportunity_id FROM opportunities_by_owner WHERE tenant = ? AND owner_id = ?", tenant.value(), owner.value()),
                request, "opportunities-of-owner", tenant, owner.value(), row -> OpportunityId.of(row.getString("opportunity_id"))), tenant,
                o -> o.owner().equals(owner));
    }

    @Override
    public Page<Opportunity> byAccount(TenantId tenant, AccountId account, PageRequest request) {
        return list(cql.page(cql.bind("SELECT opportunity_id FROM opportunities_by_account WHERE tenant = ? AND account_id = ?", tenant.value(), account.value()),
                request, "opportunities-of-account", tenant, account.value(), row -> OpportunityId.of(row.getString("opportunity_id"))), tenant,
                o -> account.equals(o.account()));
    }

    /** Loads a page of ids concurrently; a list row left behind by a concurrent change is dropped, not shown. */
    private Page<Opportunity> list(Page<OpportunityId> ids, TenantId tenant, Predicate<Opportunity> stillListed) {
        List<CompletableFuture<Optional<Opportunity>>> loads = ids.items().stream().map(id -> findAsync(tenant, id)).toList();
        Cql.join(CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)));
        List<Opportunity> items = loads.stream().map(CompletableFuture::join).flatMap(Optional::stream).filter(stillListed).toList();
        return new Page<>(items, ids.nextCursor());
    }

    private static Opportunity toOpportunity(TenantId tenant, OpportunityId id, Row row, List<StageChange> stages) {
        String account = row.getString("account_id");
        BigDecimal amount = row.getBigDecimal("amount");
        Money money = amount == null ? null : new Money(amount, Currency.getInstance(Objects.requireNonNull(row.getString("currency"))));
        return new Opportunity(tenant, id, account == null ? null : AccountId.of(account), row.getString("name"),
                UserId.of(row.getString("owner_id")), row.getString("stage"), OpportunityStatus.valueOf(row.getString("status")), money,
                row.getLocalDate("close_date"), row.getInstant("created_at"), stages, Sources.read(row.getString("source")));
    }
}
