package org.plumly.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plumly.api.ActivityId;
import org.plumly.api.OpportunityId;
import org.plumly.api.TenantId;
import org.plumly.api.tone.ToneScores;

class ToneClassifiedTest {
    private final ToneClassified event = new ToneClassified(TenantId.of("acme"), ActivityId.of("mail:1a2b"),
            OpportunityId.of("crm:0068d0"), new ToneScores(0.04, 0.15, 0.81), Instant.parse("2026-11-23T22:24:42Z"));

    @Test
    void itsJsonHoldsIdsToneAndProbabilitiesOnly() {
        assertThat(event.toJson()).containsExactly(Map.entry("tenant", "acme"), Map.entry("activity", "mail:1a2b"),
                Map.entry("opportunity", "crm:0068d0"), Map.entry("tone", "NEGATIVE"), Map.entry("negative", 0.81),
                Map.entry("positive", 0.04), Map.entry("neutral", 0.15), Map.entry("occurredAt", "2026-11-23T22:24:42Z"));
    }

    @Test
    void itReadsBackFromItsJsonAlsoWithoutAnOpportunity() {
        ToneClassified unlinked = new ToneClassified(event.tenant(), event.activity(), null, event.scores(), event.occurredAt());

        assertThat(ToneClassified.fromJson(event.toJson())).isEqualTo(event);
        assertThat(ToneClassified.fromJson(unlinked.toJson())).isEqualTo(unlinked);
    }

    @Test
    void aPayloadThatIsNotOneIsRefusedClearly() {
        Map<String, Object> json = new HashMap<>(event.toJson());
        json.put("negative", "very");

        assertThatThrownBy(() -> ToneClassified.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ToneClassified.ADDRESS);
        json.remove("negative");
        assertThatThrownBy(() -> ToneClassified.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }
}
