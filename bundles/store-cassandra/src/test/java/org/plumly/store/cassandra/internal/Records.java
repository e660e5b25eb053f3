package org.plumly.store.cassandra.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
import org.plumly.api.UserId;

/** Records for store tests, the way a mail or CRM connector would emit them. */
final class Records {
    static final UserId DANA = UserId.of("crm:dana");
    static final AccountId GLOBEX = AccountId.of("crm:globex");

    private Records() {
    }

    static Activity mail(TenantId tenant, String id, String at, OpportunityId opportunity) {
        return new Activity(tenant, ActivityId.of("mail:" + id), ActivityKind.EMAIL, Direction.INBOUND, Instant.parse(at), null,
                "Re: pricing " + id, List.of(new Participant("lee@globex.example", "Lee Park", Participant.Role.FROM, null),
                        new Participant("dana@acme.example", null, Participant.Role.TO, null)),
                DANA, opportunity, GLOBEX, false, new SourceRef("mail", "emails", "<" + id + "@globex.example>"));
    }

    static Opportunity opportunity(TenantId tenant, String id, UserId owner, OpportunityStatus status, String... stages) {
        Instant created = Instant.parse("2026-09-01T09:00:00Z");
        List<StageChange> history = new java.util.ArrayList<>();
        for (int i = 0; i < stages.length; i++) {
            history.add(new StageChange(stages[i], created.plusSeconds(86_400L * i), LocalDate.parse("2026-12-15").plusDays(i)));
        }
        return new Opportunity(tenant, OpportunityId.of("crm:" + id), GLOBEX, "Globex " + id, owner, stages[stages.length - 1], status,
                Money.of("48000.50", "EUR"), LocalDate.parse("2026-12-15"), created, history, new SourceRef("crm", "opportunities", id));
    }
}
