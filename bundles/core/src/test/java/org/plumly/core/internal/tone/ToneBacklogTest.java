package org.plumly.core.internal.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumly.core.internal.tone.KeywordTone.DANA;
import static org.plumly.core.internal.tone.KeywordTone.LEE;
import static org.plumly.core.internal.tone.KeywordTone.mail;
import static org.plumly.core.internal.tone.KeywordTone.mime;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.tone.ToneClassifier;
import org.plumly.api.tone.ToneVerdict;
import org.plumly.core.internal.testing.Configs;
import org.plumly.store.cassandra.testing.StoresForTests;

/** The backlog on the real stores: Dana's time line holds customer mail classified before, mail never classified, and her replies. */
@ExtendWith(VertxExtension.class)
class ToneBacklogTest {
    private static final UserId DANA_ID = UserId.of("crm:dana");

    private final TenantId tenant = StoresForTests.newTenant();
    private final ActivityStore activities = StoresForTests.activities();
    private final Activity classifiedBefore = mail(tenant, "mail", "m1", LEE, DANA, "2026-11-20T09:00:00Z", DANA_ID);
    private final Activity recent = mail(tenant, "mail", "m2", LEE, DANA, "2026-11-21T09:00:00Z", DANA_ID);
    private final Activity old = mail(tenant, "mail", "m3", LEE, DANA, "2026-08-01T09:00:00Z", DANA_ID);
    private final Activity reply = mail(tenant, "mail", "m4", DANA, LEE, "2026-11-21T10:00:00Z", DANA_ID);
    private final ToneVerdict earlier = KeywordTone.classifier("keyword 0").classify("Kept as it was.");
    private final ToneClassifier classifier = KeywordTone.classifier("keyword 1");
    private TonePipeline tone;
    private ToneBacklog backlog;

    @BeforeEach
    void danasMailWasSyncedBeforeAClassifierWasInstalled(Vertx vertx) {
        StoresForTests.directory().putUser(new User(tenant, DANA_ID, "Dana Reyes", DANA, true, null));
        for (Activity activity : List.of(classifiedBefore, recent, old, reply)) {
            activities.put(activity);
            activities.putContent(tenant, activity.id(), mime("A deal breaker, says " + activity.id()));
        }
        activities.putTone(tenant, classifiedBefore.id(), earlier, Instant.parse("2026-11-20T09:05:00Z"));
        tone = new TonePipeline(activities, vertx, Configs.of(TonePipeline.Config.class, Map.of()));
        tone.setExtractor(KeywordTone.extractor());
        tone.setClassifier(classifier);
        backlog = new ToneBacklog(StoresForTests.directory(), activities, tone);
    }

    @AfterEach
    void stop() throws InterruptedException {
        tone.stop();
    }

    @Test
    void itClassifiesOnlyTheCustomerMailSinceTheGivenTimeThatHasNoVerdict() {
        ToneBacklog.Report report = backlog.classify(tenant, Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(report).isEqualTo(new ToneBacklog.Report(1, 2, 1, new ToneOutcome(1, List.of(), 0, Set.of())));
        Map<ActivityId, ToneVerdict> tones = activities.tones(tenant, List.of(classifiedBefore.id(), recent.id(), old.id(), reply.id()));
        assertThat(tones).containsOnlyKeys(classifiedBefore.id(), recent.id());
        assertThat(tones.get(classifiedBefore.id())).as("a verdict given before is kept").isEqualTo(earlier);
        assertThat(tones.get(recent.id()).model()).isEqualTo("keyword 1");
    }

    @Test
    void withoutASinceItReachesBackToTheOldestMailAndASecondRunFindsNothingLeft() {
        ToneBacklog.Report first = backlog.classify(tenant, null);
        ToneBacklog.Report second = backlog.classify(tenant, null);

        assertThat(first.outcome().classified()).isEqualTo(2);
        assertThat(activities.tones(tenant, List.of(old.id(), reply.id()))).containsOnlyKeys(old.id());
        assertThat(second).isEqualTo(new ToneBacklog.Report(1, 3, 3, ToneOutcome.NOTHING));
    }

    @Test
    void withoutAClassifierItSaysWhyNothingWasClassified() {
        tone.unsetClassifier(classifier);

        ToneBacklog.Report report = backlog.classify(tenant, null);

        assertThat(report.outcome().notClassified()).isEqualTo(2);
        assertThat(report.outcome().notClassifiedBecause()).containsExactly(TonePipeline.NO_CLASSIFIER);
    }
}
