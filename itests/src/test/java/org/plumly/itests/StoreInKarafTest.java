package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.OpportunityId;
import org.plumly.api.Participant;
import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.PageRequest;

/** The Cassandra store inside the running distribution: the driver resolves in OSGi and the stores work. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class StoreInKarafTest {

    @Inject
    @Filter(timeout = 120_000)
    private ActivityStore activities;

    private final Hub hub = new Hub();

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Test
    public void healthShowsTheStoreUpOnItsKeyspace() throws InterruptedException {
        Hub.eventually("the store reports UP", () -> hub.bodyOrEmpty("/api/health").contains("\"store\""));
        JsonObject store = new JsonObject(hub.bodyOrEmpty("/api/health")).getJsonObject("dependencies").getJsonObject("store");

        assertEquals("UP", store.getString("status"));
        assertTrue(store.getString("detail"), store.getString("detail").contains("keyspace plumly_itests"));
    }

    @Test
    public void anActivityStoredThroughTheServiceIsOnItsTimeline() {
        TenantId tenant = TenantId.of("itest-" + UUID.randomUUID().toString().substring(0, 8));
        OpportunityId renewal = OpportunityId.of("crm:renewal");
        SourceRef source = new SourceRef("mail", "emails", "<m1@globex.example>");
        Activity mail = new Activity(tenant, ActivityId.of(source.entityId()), ActivityKind.EMAIL, Direction.INBOUND,
                Instant.parse("2026-11-03T14:00:00Z"), null, "Re: pricing",
                List.of(new Participant("lee@globex.example", "Lee Park", Participant.Role.FROM, null)),
                UserId.of("crm:dana"), renewal, null, false, source);

        activities.put(mail);

        assertEquals(List.of(mail), activities.timeline(tenant, renewal, PageRequest.first(10)).items());
    }
}
