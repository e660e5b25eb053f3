package org.plumly.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DomainRecordsTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final SourceRef SOURCE = new SourceRef("acme-crm", "opportunities", "006D1");

    @Test
    void tenantIdsAreLowerCaseSlugs() {
        assertThat(TenantId.of("acme-2").value()).isEqualTo("acme-2");
        assertThatThrownBy(() -> TenantId.of("Acme")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantId.of("-acme")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantId.of("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entityIdsRejectSpacesAndControlCharacters() {
        assertThatThrownBy(() -> UserId.of("dana reyes")).hasMessageContaining("user id");
        assertThatThrownBy(() -> ActivityId.of("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpportunityId.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sourceReferencesGiveStableEntityIdsSharedAcrossStreams() {
        SourceRef owner = new SourceRef("acme-crm", "users", "005 A1");
        SourceRef sameOwnerFromOpportunities = new SourceRef("acme-crm", "opportunities", "005 A1");

        assertThat(owner.entityId()).isEqualTo("acme-crm:005%20A1");
        assertThat(UserId.of(owner.entityId())).isEqualTo(UserId.of(sameOwnerFromOpportunities.entityId()));
        assertThat(new SourceRef("acme-crm", "users", "100%").entityId()).isEqualTo("acme-crm:100%25");
    }

    @Test
    void emailAddressesAreComparedLowerCasedAndTrimmed() {
        assertThat(EmailAddress.normalize("  Dana@ACME.example ")).isEqualTo("dana@acme.example");
        assertThat(EmailAddress.domain("lee@Globex.Example")).isEqualTo("globex.example");
        assertThatThrownBy(() -> EmailAddress.normalize("dana@")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddress.normalize("a@b@c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddress.normalize("da na@acme.example")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportingLineHoldsFromItsFirstDayUntilTheDayBeforeItsEnd() {
        ReportingLine line = new ReportingLine(ACME, UserId.of("dana"), UserId.of("sam"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-01"), null);

        assertThat(line.holdsOn(LocalDate.parse("2025-12-31"))).isFalse();
        assertThat(line.holdsOn(LocalDate.parse("2026-01-01"))).isTrue();
        assertThat(line.holdsOn(LocalDate.parse("2026-02-28"))).isTrue();
        assertThat(line.holdsOn(LocalDate.parse("2026-03-01"))).isFalse();
    }

    @Test
    void nobodyReportsToThemselvesOrEndsBeforeTheyStart() {
        assertThatThrownBy(() -> new ReportingLine(ACME, UserId.of("dana"), UserId.of("dana"), LocalDate.EPOCH, null, null))
                .hasMessageContaining("themselves");
        assertThatThrownBy(() -> new ReportingLine(ACME, UserId.of("dana"), UserId.of("sam"),
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"), null))
                .hasMessageContaining("must be after");
    }

    @Test
    void anOpportunityKeepsItsStageHistoryOldestFirst() {
        Instant created = Instant.parse("2026-09-01T09:00:00Z");
        Opportunity renewal = new Opportunity(ACME, OpportunityId.of(SOURCE.entityId()), null, "Globex renewal",
                UserId.of("dana"), "Proposal", OpportunityStatus.OPEN, Money.of("48000", "EUR"), null, created,
                List.of(new StageChange("Proposal", created.plusSeconds(7200), null), new StageChange("Qualification", created, null)),
                SOURCE);

        assertThat(renewal.stageHistory()).extracting(StageChange::stage).containsExactly("Qualification", "Proposal");
        assertThat(renewal.isOpen()).isTrue();
    }

    @Test
    void moneyIsNeverNegative() {
        assertThatThrownBy(() -> Money.of("-1", "EUR")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Money.of("1", "XYZ1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountDomainsAreNormalizedAndChecked() {
        Account globex = new Account(ACME, AccountId.of("globex"), "Globex", Set.of("Globex.Example"), null, null);

        assertThat(globex.domains()).containsExactly("globex.example");
        assertThatThrownBy(() -> new Account(ACME, AccountId.of("x"), "X", Set.of("a b"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anActivityCannotEndBeforeItStartsAndNeedsItsSource() {
        Instant start = Instant.parse("2026-11-03T14:00:00Z");
        Participant lee = new Participant("Lee@Globex.example", "Lee Park", Participant.Role.ATTENDEE, Participant.Response.ACCEPTED);

        assertThat(lee.email()).isEqualTo("lee@globex.example");
        assertThatThrownBy(() -> new Activity(ACME, ActivityId.of("m1"), ActivityKind.MEETING, Direction.OUTBOUND, start,
                start.minusSeconds(1), "Review", List.of(lee), null, null, null, false, SOURCE))
                .hasMessageContaining("before it starts");
        assertThatThrownBy(() -> new Activity(ACME, ActivityId.of("m1"), ActivityKind.MEETING, Direction.OUTBOUND, start,
                null, "Review", List.of(lee), null, null, null, false, null))
                .hasMessageContaining("source");
    }

    @Test
    void resolvingAnActivityKeepsEverythingButItsLinks() {
        Activity mail = new Activity(ACME, ActivityId.of("e1"), ActivityKind.EMAIL, Direction.INBOUND,
                Instant.parse("2026-11-03T14:00:00Z"), null, "Re: quote", List.of(), null, null, null, false, SOURCE);

        Activity resolved = mail.resolvedTo(Direction.INBOUND, UserId.of("dana"), OpportunityId.of("o1"), AccountId.of("globex"));

        assertThat(resolved.opportunity()).isEqualTo(OpportunityId.of("o1"));
        assertThat(resolved.owner()).isEqualTo(UserId.of("dana"));
        assertThat(resolved).usingRecursiveComparison().ignoringFields("owner", "opportunity", "account").isEqualTo(mail);
    }

    @Test
    void anInsightWithoutEvidenceIsRefused() {
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        assertThatThrownBy(() -> new Insight(ACME, InsightId.of("i1"), "follow-up-gap", OpportunityId.of("o1"),
                UserId.of("dana"), Severity.HIGH, InsightStatus.OPEN, "No next meeting.", List.of(), now, now))
                .hasMessageContaining("evidence");
    }

    @Test
    void rawContentDoesNotPrintItsBytes() {
        assertThat(new RawContent("message/rfc822", "Subject: secret".getBytes()).toString())
                .isEqualTo("RawContent[message/rfc822, 15 bytes]");
    }
}
