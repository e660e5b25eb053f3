package org.plumly.api.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.plumly.api.ActivityId;
import org.plumly.api.CustomerRecord;
import org.plumly.api.OpportunityId;
import org.plumly.api.TenantId;
import org.plumly.api.tone.Tone;
import org.plumly.api.tone.ToneScores;

/**
 * A message's tone verdict was stored: published on {@value #ADDRESS} after the store took it, so a
 * consumer that reads the verdict back finds it. The sentences stay in the store.
 *
 * <p>JSON, as published:
 * <pre>{@code
 * {"tenant": "acme", "activity": "mail:1a2b", "opportunity": "crm:0068d0", "tone": "NEGATIVE",
 *  "negative": 0.81, "positive": 0.04, "neutral": 0.15, "occurredAt": "2026-11-23T22:24:42Z"}
 * }</pre>
 *
 * <pre>{@code
 * vertx.eventBus().<JsonObject>consumer(ToneClassified.ADDRESS, message -> {
 *     ToneClassified event = ToneClassified.fromJson(message.body().getMap());
 *     if (event.tone() == Tone.NEGATIVE && event.opportunity() != null) { ... }
 * });
 * }</pre>
 *
 * @param opportunity the deal the message is linked to, or null when identity resolution linked none
 * @param occurredAt  when the message was sent
 */
public record ToneClassified(TenantId tenant, ActivityId activity, OpportunityId opportunity, ToneScores scores,
                             Instant occurredAt) implements CustomerRecord {
    public static final String ADDRESS = "plumly.tone.classified";

    public ToneClassified {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    public Tone tone() {
        return scores.tone();
    }

    /** The JSON object's members, in the order above, with plain JSON values (strings, numbers, null). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tenant", tenant.value());
        json.put("activity", activity.value());
        json.put("opportunity", opportunity == null ? null : opportunity.value());
        json.put("tone", tone().name());
        json.put("negative", scores.negative());
        json.put("positive", scores.positive());
        json.put("neutral", scores.neutral());
        json.put("occurredAt", occurredAt.toString());
        return json;
    }

    /**
     * Reads an event from its JSON object's members.
     *
     * @throws IllegalArgumentException when a member is missing or not of its type
     */
    public static ToneClassified fromJson(Map<String, ?> json) {
        try {
            Object opportunity = json.get("opportunity");
            return new ToneClassified(TenantId.of((String) json.get("tenant")), ActivityId.of((String) json.get("activity")),
                    opportunity == null ? null : OpportunityId.of((String) opportunity),
                    new ToneScores(number(json, "positive"), number(json, "neutral"), number(json, "negative")),
                    Instant.parse((String) Objects.requireNonNull(json.get("occurredAt"), "occurredAt")));
        } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a " + ADDRESS + " event: " + e.getMessage(), e);
        }
    }

    private static double number(Map<String, ?> json, String name) {
        return ((Number) Objects.requireNonNull(json.get(name), name)).doubleValue();
    }
}
