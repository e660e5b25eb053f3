package org.plumly.core.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.Money;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.Participant;
import org.plumly.api.SourceRef;
import org.plumly.api.StageChange;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.store.cassandra.testing.StoresForTests;

/** The opportunities API over HTTP on the real stores: the pipeline, one deal with its time line, and who may see them. */
@ExtendWith(VertxExtension.class)
class OpportunityRoutesTest {
    private static final UserId DANA = UserId.of("crm:005-dana");
    private static final AccountId BLUEFIN = AccountId.of("crm:001-bluefin");
    private static final OpportunityId FLEET = OpportunityId.of("crm:006-fleet");
    private static final OpportunityId LOST = OpportunityId.of("crm:006-lost");

    private final TenantId tenant = StoresForTests.newTenant();
    private final TenantId otherTenant = StoresForTests.newTenant();
    private final Map<String, Caller> callers = Map.of(
            "admin", new Caller(tenant, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN)),
            "rep", new Caller(tenant, DANA, Set.of(Role.REP)),
            "other-admin", new Caller(otherTenant, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN)));
    private RoutesOverHttp http;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        var directory = StoresForTests.directory();
        directory.putUser(new User(tenant, DANA, "Dana Reyes", "dana@northwind.example", true, ref("users", "005-dana")));
        directory.putAccount(new Account(tenant, BLUEFIN, "Bluefin Logistics", Set.of("bluefin.example"), DANA,
                ref("accounts", "001-bluefin")));
        StoresForTests.opportunities().put(new Opportunity(tenant, FLEET, BLUEFIN, "Bluefin - Fleet Toolkit", DANA, "Negotiation/Review",
                OpportunityStatus.OPEN, Money.of("48000.00", "USD"), LocalDate.parse("2026-12-15"), Instant.parse("2026-06-01T09:00:00Z"),
                List.of(new StageChange("Prospecting", Instant.parse("2026-06-01T09:00:00Z"), LocalDate.parse("2026-11-30")),
                        new StageChange("Negotiation/Review", Instant.parse("2026-10-01T09:00:00Z"), LocalDate.parse("2026-12-15"))),
                ref("opportunities", "006-fleet")));
        StoresForTests.opportunities().put(new Opportunity(tenant, LOST, BLUEFIN, "Bluefin - Pilot", DANA, "Closed Lost",
                OpportunityStatus.LOST, null, LocalDate.parse("2026-03-01"), Instant.parse("2026-01-10T09:00:00Z"), List.of(),
                ref("opportunities", "006-lost")));
        List<Activity> mails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mails.add(new Activity(tenant, ActivityId.of("mail:m" + i), ActivityKind.EMAIL, Direction.INBOUND,
                    Instant.parse("2026-11-0" + (i + 1) + "T10:00:00Z"), null, "Re: <b>quote</b> " + i,
                    List.of(new Participant("ann@bluefin.example", "Ann Ito", Participant.Role.FROM, null),
                            new Participant("dana@northwind.example", "Dana Reyes", Participant.Role.TO, null)),
                    DANA, FLEET, BLUEFIN, false, new SourceRef("mail", "inbox", "m" + i)));
        }
        mails.add(new Activity(tenant, ActivityId.of("cal:call"), ActivityKind.MEETING, Direction.OUTBOUND,
                Instant.parse("2026-11-10T15:00:00Z"), Instant.parse("2026-11-10T15:30:00Z"), "Negotiation call",
                List.of(new Participant("dana@northwind.example", "Dana Reyes", Participant.Role.ORGANIZER, null),
                        new Participant("ann@bluefin.example", "Ann Ito", Participant.Role.ATTENDEE, Participant.Response.ACCEPTED)),
                DANA, FLEET, BLUEFIN, false, new SourceRef("cal", "events", "call")));
        StoresForTests.activities().putAll(mails);
        http = new RoutesOverHttp(vertx, callers, new OpportunityRoutes(directory, StoresForTests.opportunities(),
                StoresForTests.activities()));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void theOpenPipelineNamesEachDealsAccountAndOwner() throws Exception {
        JsonArray items = http.get("admin", "/api/v1/opportunities").json().getJsonArray("items");

        assertThat(items).hasSize(1);
        JsonObject fleet = items.getJsonObject(0);
        assertThat(fleet.getString("id")).isEqualTo(FLEET.value());
        assertThat(fleet.getJsonObject("account").getString("name")).isEqualTo("Bluefin Logistics");
        assertThat(fleet.getJsonObject("owner").getString("name")).isEqualTo("Dana Reyes");
        assertThat(fleet.getJsonObject("amount")).isEqualTo(new JsonObject().put("value", "48000.00").put("currency", "USD"));
        assertThat(fleet.getString("closeDate")).isEqualTo("2026-12-15");
        assertThat(fleet.getJsonArray("stageHistory")).hasSize(2);
    }

    @Test
    void anOwnersAndAnAccountsListsHoldTheirClosedDealsToo() throws Exception {
        JsonArray byOwner = http.get("admin", "/api/v1/opportunities?owner=" + DANA.value()).json().getJsonArray("items");
        JsonArray byAccount = http.get("admin", "/api/v1/opportunities?account=" + BLUEFIN.value()).json().getJsonArray("items");

        assertThat(byOwner.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactlyInAnyOrder(FLEET.value(), LOST.value());
        assertThat(byAccount).hasSize(2);
        assertThat(http.get("admin", "/api/v1/opportunities?owner=not%20an%20id").status()).isEqualTo(400);
    }

    @Test
    void anOpportunityComesWithItsTimelineNewestFirstAndPaged() throws Exception {
        JsonObject fleet = http.get("admin", "/api/v1/opportunities/" + FLEET.value()).json();

        JsonArray timeline = fleet.getJsonObject("timeline").getJsonArray("items");
        assertThat(timeline).hasSize(6);
        JsonObject call = timeline.getJsonObject(0);
        assertThat(call.getString("kind")).isEqualTo("MEETING");
        assertThat(call.getString("endsAt")).isEqualTo("2026-11-10T15:30:00Z");
        assertThat(call.getJsonArray("participants").getJsonObject(1).getString("response")).isEqualTo("ACCEPTED");
        assertThat(timeline.getJsonObject(1).getString("subject")).isEqualTo("Re: <b>quote</b> 4");
        assertThat(timeline.getJsonObject(1).getString("direction")).isEqualTo("INBOUND");

        JsonObject first = http.get("admin", "/api/v1/opportunities/" + FLEET.value() + "/activities?limit=4").json();
        JsonObject rest = http.get("admin", "/api/v1/opportunities/" + FLEET.value() + "/activities?limit=4&cursor="
                + first.getString("nextCursor")).json();
        assertThat(first.getJsonArray("items")).hasSize(4);
        assertThat(rest.getJsonArray("items")).hasSize(2);
        assertThat(rest.containsKey("nextCursor")).isFalse();
    }

    @Test
    void onlyTheCompanysAdminSeesItsDeals() throws Exception {
        assertThat(http.get("rep", "/api/v1/opportunities").status()).isEqualTo(403);
        assertThat(http.get("rep", "/api/v1/opportunities/" + FLEET.value()).status()).isEqualTo(403);
        assertThat(http.get("other-admin", "/api/v1/opportunities").json().getJsonArray("items")).isEmpty();
        assertThat(http.get("other-admin", "/api/v1/opportunities?owner=" + DANA.value()).json().getJsonArray("items")).isEmpty();
        assertThat(http.get("other-admin", "/api/v1/opportunities/" + FLEET.value()).status()).isEqualTo(404);
        assertThat(http.get("other-admin", "/api/v1/opportunities/" + FLEET.value() + "/activities").status()).isEqualTo(404);
        assertThat(http.get("admin", "/api/v1/opportunities/crm:006-nothing").status()).isEqualTo(404);
    }

    private static SourceRef ref(String stream, String id) {
        return new SourceRef("crm", stream, id);
    }
}
