package org.plumly.core.internal.api;

import static org.plumly.core.internal.api.Replies.blocking;
import static org.plumly.core.internal.api.Replies.json;
import static org.plumly.core.internal.api.Replies.pageRequest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Activity;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.OpportunityStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.web.routes.ApiRequest;
import org.plumly.web.routes.ApiRoutes;

/**
 * The company's opportunities under {@code /api/v1}: the open pipeline (or an owner's or an account's
 * deals), one opportunity with its account, owner and stage history, and its time line of e-mails and
 * meetings as identity resolution linked them. A company admin sees the whole company; reps and
 * managers get their views with the visibility policy.
 */
@Component(service = ApiRoutes.class)
public final class OpportunityRoutes implements ApiRoutes {
    private static final int TIMELINE_PAGE = 50;

    private final DirectoryStore directory;
    private final OpportunityStore opportunities;
    private final ActivityStore activities;

    @Activate
    public OpportunityRoutes(@Reference DirectoryStore directory, @Reference OpportunityStore opportunities,
            @Reference ActivityStore activities) {
        this.directory = directory;
        this.opportunities = opportunities;
        this.activities = activities;
    }

    @Override
    public void addTo(Router router) {
        router.get("/opportunities").handler(this::list);
        router.get("/opportunities/:id").handler(this::get);
        router.get("/opportunities/:id/activities").handler(this::timeline);
    }

    /** {@code ?owner=} an owner's deals, {@code ?account=} an account's, otherwise the open pipeline. */
    private void list(RoutingContext context) {
        TenantId tenant = companyOf(context);
        PageRequest request = pageRequest(context);
        if (tenant == null || request == null) {
            return;
        }
        UserId owner;
        AccountId account;
        try {
            owner = Optional.ofNullable(context.queryParams().get("owner")).map(UserId::of).orElse(null);
            account = Optional.ofNullable(context.queryParams().get("account")).map(AccountId::of).orElse(null);
        } catch (IllegalArgumentException e) {
            ApiRequest.problem(context, 400, "Bad Request", "owner and account are ids: " + e.getMessage());
            return;
        }
        blocking(context, () -> {
            Page<Opportunity> page = owner != null ? opportunities.byOwner(tenant, owner, request)
                    : account != null ? opportunities.byAccount(tenant, account, request)
                    : opportunities.open(tenant, request);
            Names names = new Names(tenant);
            JsonArray items = new JsonArray();
            page.items().forEach(opportunity -> items.add(Json.opportunity(opportunity, names.account(opportunity.account()),
                    names.user(opportunity.owner()))));
            return withCursor(new JsonObject().put("items", items), page);
        }, json -> json(context, 200, json));
    }

    private void get(RoutingContext context) {
        TenantId tenant = companyOf(context);
        OpportunityId id = tenant == null ? null : idOf(context);
        if (id == null) {
            return;
        }
        blocking(context, () -> {
            Opportunity opportunity = opportunities.find(tenant, id).orElseThrow(() -> notFound(id));
            Names names = new Names(tenant);
            JsonObject json = Json.opportunity(opportunity, names.account(opportunity.account()), names.user(opportunity.owner()));
            Page<Activity> first = activities.timeline(tenant, id, PageRequest.first(TIMELINE_PAGE));
            json.put("timeline", withCursor(activityItems(first), first));
            return json;
        }, json -> json(context, 200, json));
    }

    private void timeline(RoutingContext context) {
        TenantId tenant = companyOf(context);
        PageRequest request = pageRequest(context);
        OpportunityId id = tenant == null || request == null ? null : idOf(context);
        if (id == null) {
            return;
        }
        blocking(context, () -> {
            opportunities.find(tenant, id).orElseThrow(() -> notFound(id));
            Page<Activity> page = activities.timeline(tenant, id, request);
            return withCursor(activityItems(page), page);
        }, json -> json(context, 200, json));
    }

    /** The caller's company when the caller may see all of its deals; otherwise answers 403 and returns null. */
    private static TenantId companyOf(RoutingContext context) {
        Caller caller = ApiRequest.caller(context);
        if (caller.tenant() == null || !caller.has(Role.COMPANY_ADMIN)) {
            ApiRequest.problem(context, 403, "Forbidden", "Only a company admin sees all of the company's opportunities.");
            return null;
        }
        return caller.tenant();
    }

    /** The opportunity id of the path; a 404 and null when it cannot be one. */
    private static OpportunityId idOf(RoutingContext context) {
        try {
            return OpportunityId.of(context.pathParam("id"));
        } catch (IllegalArgumentException e) {
            ApiRequest.problem(context, 404, "Not Found", "No such opportunity.");
            return null;
        }
    }

    private static Refusal notFound(OpportunityId id) {
        return Refusal.notFound("No opportunity " + id + ".");
    }

    private static JsonObject activityItems(Page<Activity> page) {
        JsonArray items = new JsonArray();
        page.items().forEach(activity -> items.add(Json.activity(activity)));
        return new JsonObject().put("items", items);
    }

    private static JsonObject withCursor(JsonObject json, Page<?> page) {
        if (page.hasNext()) {
            json.put("nextCursor", page.nextCursor());
        }
        return json;
    }

    /** The names of the accounts and owners a reply mentions, each looked up once per request. */
    private final class Names {
        private final TenantId tenant;
        private final Map<AccountId, Optional<Account>> accounts = new HashMap<>();
        private final Map<UserId, Optional<User>> users = new HashMap<>();

        Names(TenantId tenant) {
            this.tenant = tenant;
        }

        Account account(AccountId id) {
            return id == null ? null : accounts.computeIfAbsent(id, a -> directory.findAccount(tenant, a)).orElse(null);
        }

        User user(UserId id) {
            return users.computeIfAbsent(id, u -> directory.findUser(tenant, u)).orElse(null);
        }
    }
}
