package org.plumly.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One interaction on the time line: an e-mail, a meeting, a call or a task. The body of a message is
 * not here: raw content is stored apart (see {@link org.plumly.api.store.ActivityStore#putContent}),
 * so time lines can be read without touching message bodies.
 *
 * <pre>{@code
 * new Activity(acme, ActivityId.of(ref.entityId()), ActivityKind.MEETING, Direction.OUTBOUND,
 *         start, end, "Pricing review", List.of(organizer, attendee), dana, renewal, globex, false, ref);
 * }</pre>
 *
 * @param occurredAt  when it was sent, or when a meeting or call starts
 * @param endsAt      when a meeting or call ends, or null
 * @param subject     subject or title, or null
 * @param owner       the user whose activity it is, or null until identities are resolved
 * @param opportunity the opportunity it belongs to, or null until resolved
 * @param account     the account it belongs to, or null until resolved
 * @param cancelled   a meeting that was called off
 */
public record Activity(TenantId tenant, ActivityId id, ActivityKind kind, Direction direction, Instant occurredAt,
                       Instant endsAt, String subject, List<Participant> participants, UserId owner,
                       OpportunityId opportunity, AccountId account, boolean cancelled, SourceRef source)
        implements SourcedRecord {
    public Activity {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(occurredAt, "occurred at");
        if (endsAt != null && endsAt.isBefore(occurredAt)) {
            throw new IllegalArgumentException("an activity cannot end (" + endsAt + ") before it starts (" + occurredAt + ")");
        }
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        Objects.requireNonNull(source, "source");
    }

    /**
     * The same activity with the direction, owner, opportunity and account identity resolution decided:
     * who of the tenant's people it belongs to and which deal it is about.
     */
    public Activity resolvedTo(Direction direction, UserId owner, OpportunityId opportunity, AccountId account) {
        return new Activity(tenant, id, kind, direction, occurredAt, endsAt, subject, participants, owner,
                opportunity, account, cancelled, source);
    }
}
