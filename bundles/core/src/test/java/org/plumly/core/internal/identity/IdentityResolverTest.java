package org.plumly.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.ActivityKind;
import org.plumly.api.Contact;
import org.plumly.api.ContactId;
import org.plumly.api.Direction;
import org.plumly.api.Money;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.Participant;
import org.plumly.api.Participant.Role;
import org.plumly.api.SourceRef;
import org.plumly.api.StageChange;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.store.cassandra.testing.StoresForTests;

/**
 * The resolution rule on the real stores, case by case, including the ones it cannot decide: the
 * expected answer is written next to each.
 */
class IdentityResolverTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final UserId DANA = UserId.of("crm:dana");
    private static final UserId LEE = UserId.of("crm:lee");
    private static final AccountId BLUEFIN = AccountId.of("crm:bluefin");
    private static final AccountId GLOBEX = AccountId.of("crm:globex");
    private static final OpportunityId NEW_BUSINESS = OpportunityId.of("crm:o-new");
    private static final OpportunityId EXPANSION = OpportunityId.of("crm:o-expansion");
    private static final OpportunityId GLOBEX_DEAL = OpportunityId.of("crm:o-globex");
    private static final OpportunityId GLOBEX_WON_LAST_YEAR = OpportunityId.of("crm:o-globex-2025");

    private final TenantId tenant = StoresForTests.newTenant();
    private final IdentityResolver resolver = new IdentityResolver(StoresForTests.directory(), StoresForTests.opportunities());
    private int mails;

    @BeforeEach
    void northwindAndTwoCustomers() {
        var directory = StoresForTests.directory();
        directory.putUser(new User(tenant, DANA, "Dana Reyes", "dana@northwind.example", true, ref("users", "dana")));
        directory.putUser(new User(tenant, LEE, "Lee Park", "lee@northwind.example", true, ref("users", "lee")));
        directory.putAccount(new Account(tenant, BLUEFIN, "Bluefin Logistics", Set.of("bluefin.example"), DANA, ref("accounts", "bluefin")));
        directory.putAccount(new Account(tenant, GLOBEX, "Globex", Set.of("globex.example", "globex-group.example"), LEE,
                ref("accounts", "globex")));
        directory.putContact(new Contact(tenant, ContactId.of("crm:ann"), BLUEFIN, "Ann Ito", List.of("ann@bluefin.example"), null,
                "COO", ref("contacts", "ann")));
        directory.putContact(new Contact(tenant, ContactId.of("crm:sam"), GLOBEX, "Sam Cole",
                List.of("sam@globex.example", "sam.cole@gmail.com"), null, "CTO", ref("contacts", "sam")));
        var opportunities = StoresForTests.opportunities();
        opportunities.put(deal(NEW_BUSINESS, BLUEFIN, "Bluefin Logistics - Fleet Toolkit", DANA, OpportunityStatus.OPEN,
                "2026-06-01T09:00:00Z", "2026-10-01T09:00:00Z"));
        opportunities.put(deal(EXPANSION, BLUEFIN, "Bluefin Logistics - Warehouse Expansion Scanners", DANA, OpportunityStatus.OPEN,
                "2026-08-01T09:00:00Z", "2026-09-01T09:00:00Z"));
        opportunities.put(deal(GLOBEX_DEAL, GLOBEX, "Globex - Renewal 2026", LEE, OpportunityStatus.OPEN,
                "2026-09-01T09:00:00Z", "2026-09-15T09:00:00Z"));
        opportunities.put(deal(GLOBEX_WON_LAST_YEAR, GLOBEX, "Globex - Starter", LEE, OpportunityStatus.WON,
                "2025-01-10T09:00:00Z", "2025-03-01T09:00:00Z"));
    }

    @Test
    void aRepsMailToAKnownContactIsOutboundOnTheAccountsOnlyLiveDeal() {
        Activity resolved = resolve(mail(NOW, "Re: renewal quote", from("lee@northwind.example"), to("sam@globex.example")));

        assertThat(resolved.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(resolved.owner()).isEqualTo(LEE);
        assertThat(resolved.account()).isEqualTo(GLOBEX);
        assertThat(resolved.opportunity()).isEqualTo(GLOBEX_DEAL);
    }

    @Test
    void aCustomersAnswerIsInboundAndOwnedByTheRepItWasSentTo() {
        Activity resolved = resolve(mail(NOW, "Re: renewal quote", from("sam@globex.example"), to("lee@northwind.example"),
                cc("dana@northwind.example")));

        assertThat(resolved.direction()).isEqualTo(Direction.INBOUND);
        assertThat(resolved.owner()).isEqualTo(LEE);
        assertThat(resolved.opportunity()).isEqualTo(GLOBEX_DEAL);
    }

    @Test
    void anUnknownPersonAtAnAccountsSecondDomainFindsTheAccountByDomain() {
        Activity resolved = resolve(mail(NOW, "Invoice", from("billing@globex-group.example"), to("lee@northwind.example")));

        assertThat(resolved.account()).isEqualTo(GLOBEX);
        assertThat(resolved.opportunity()).isEqualTo(GLOBEX_DEAL);
    }

    @Test
    void aPersonalAddressCountsOnlyWhenAContactHasIt() {
        Activity known = resolve(mail(NOW, "from my phone", from("sam.cole@gmail.com"), to("lee@northwind.example")));
        Activity unknown = resolve(mail(NOW, "hello", from("someone.else@gmail.com"), to("lee@northwind.example")));

        assertThat(known.account()).isEqualTo(GLOBEX);
        assertThat(known.opportunity()).isEqualTo(GLOBEX_DEAL);
        assertThat(unknown.direction()).isEqualTo(Direction.INBOUND);
        assertThat(unknown.owner()).isEqualTo(LEE);
        assertThat(unknown.account()).isNull();
        assertThat(unknown.opportunity()).isNull();
    }

    @Test
    void anUnknownDomainLinksNoAccount() {
        Activity resolved = resolve(mail(NOW, "Webinar: pipeline hygiene", from("events@conference-hub.example"),
                to("dana@northwind.example")));

        assertThat(resolved.owner()).isEqualTo(DANA);
        assertThat(resolved.account()).isNull();
        assertThat(resolved.opportunity()).isNull();
    }

    @Test
    void internalOnlyMailIsInternalAndAboutNoDeal() {
        Activity resolved = resolve(mail(NOW, "Bluefin forecast", from("dana@northwind.example"), to("lee@northwind.example"),
                cc("finance@northwind.example")));

        assertThat(resolved.direction()).isEqualTo(Direction.INTERNAL);
        assertThat(resolved.owner()).isEqualTo(DANA);
        assertThat(resolved.account()).isNull();
        assertThat(resolved.opportunity()).isNull();
    }

    @Test
    void twoOpenDealsOnOneAccountAreToldApartByTheSubjectElseTheDealWorkedLast() {
        Activity aboutScanners = resolve(mail(NOW, "Re: scanners for the new warehouse", from("ann@bluefin.example"),
                to("dana@northwind.example")));
        Activity aboutNothingInParticular = resolve(mail(NOW, "Re: catching up", from("ann@bluefin.example"),
                to("dana@northwind.example")));
        Activity beforeTheExpansionMoved = resolve(mail(Instant.parse("2026-08-15T09:00:00Z"), "Re: catching up",
                from("ann@bluefin.example"), to("dana@northwind.example")));

        assertThat(aboutScanners.opportunity()).isEqualTo(EXPANSION);
        // Fleet Toolkit's stage moved on 1 October, after the expansion's last move (1 September).
        assertThat(aboutNothingInParticular.opportunity()).isEqualTo(NEW_BUSINESS);
        // In mid-August the expansion had just been created, after the new business deal's creation.
        assertThat(beforeTheExpansionMoved.opportunity()).isEqualTo(EXPANSION);
    }

    @Test
    void twoOpenDealsWithDifferentOwnersGoByTheActivitysOwner() {
        StoresForTests.opportunities().put(deal(EXPANSION, BLUEFIN, "Bluefin Logistics - Warehouse Expansion Scanners", LEE,
                OpportunityStatus.OPEN, "2026-08-01T09:00:00Z", "2026-09-01T09:00:00Z"));

        Activity toLee = resolve(mail(NOW, "Re: catching up", from("ann@bluefin.example"), to("lee@northwind.example")));
        Activity toDana = resolve(mail(NOW, "Re: scanners", from("ann@bluefin.example"), to("dana@northwind.example")));

        assertThat(toLee.opportunity()).isEqualTo(EXPANSION);
        assertThat(toDana.opportunity()).isEqualTo(NEW_BUSINESS);
    }

    @Test
    void mailFromTheLifeOfAClosedDealGoesToThatDealAndLaterMailToNone() {
        Activity duringIt = resolve(mail(Instant.parse("2025-02-10T09:00:00Z"), "Re: order form", from("sam@globex.example"),
                to("lee@northwind.example")));
        Activity rightAfterClosing = resolve(mail(Instant.parse("2025-03-05T09:00:00Z"), "Kick-off", from("sam@globex.example"),
                to("lee@northwind.example")));
        Activity betweenDeals = resolve(mail(Instant.parse("2025-06-01T09:00:00Z"), "Hello again", from("sam@globex.example"),
                to("lee@northwind.example")));

        assertThat(duringIt.opportunity()).isEqualTo(GLOBEX_WON_LAST_YEAR);
        assertThat(rightAfterClosing.opportunity()).isEqualTo(GLOBEX_WON_LAST_YEAR);
        assertThat(betweenDeals.account()).isEqualTo(GLOBEX);
        assertThat(betweenDeals.opportunity()).isNull();
    }

    @Test
    void aTieBetweenTwoAccountsLinksNeither() {
        Activity resolved = resolve(mail(NOW, "Intro", from("dana@northwind.example"), to("ann@bluefin.example"),
                to("sam@globex.example")));

        assertThat(resolved.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(resolved.account()).isNull();
        assertThat(resolved.opportunity()).isNull();
    }

    @Test
    void theAccountWithMoreParticipantsWins() {
        Activity resolved = resolve(mail(NOW, "Intro", from("dana@northwind.example"), to("ann@bluefin.example"),
                to("ops@bluefin.example"), cc("sam@globex.example")));

        assertThat(resolved.account()).isEqualTo(BLUEFIN);
    }

    @Test
    void meetingsGoByTheirOrganizer() {
        Activity ours = resolve(meeting(NOW, new Participant("lee@northwind.example", "Lee", Role.ORGANIZER, null),
                new Participant("sam@globex.example", "Sam", Role.ATTENDEE, Participant.Response.ACCEPTED)));
        Activity theirs = resolve(meeting(NOW, new Participant("sam@globex.example", "Sam", Role.ORGANIZER, null),
                new Participant("dana@northwind.example", "Dana", Role.ATTENDEE, Participant.Response.TENTATIVE),
                new Participant("lee@northwind.example", "Lee", Role.ATTENDEE, Participant.Response.ACCEPTED)));

        assertThat(ours.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(ours.owner()).isEqualTo(LEE);
        assertThat(ours.opportunity()).isEqualTo(GLOBEX_DEAL);
        assertThat(theirs.direction()).isEqualTo(Direction.INBOUND);
        assertThat(theirs.owner()).isEqualTo(DANA);
        assertThat(theirs.opportunity()).isEqualTo(GLOBEX_DEAL);
    }

    @Test
    void whatTheSourceLinkedIsKept() {
        Activity linked = mail(NOW, "Re: scanners", from("ann@bluefin.example"), to("dana@northwind.example"))
                .resolvedTo(Direction.INBOUND, LEE, NEW_BUSINESS, BLUEFIN);

        Activity resolved = resolve(linked);

        assertThat(resolved.owner()).isEqualTo(LEE);
        assertThat(resolved.opportunity()).isEqualTo(NEW_BUSINESS);
    }

    @Test
    void resolvingAgainGivesTheSameLinks() {
        Activity mail = mail(NOW, "Re: catching up", from("ann@bluefin.example"), to("dana@northwind.example"));

        assertThat(resolve(resolve(mail))).isEqualTo(resolve(mail));
    }

    private Activity resolve(Activity activity) {
        return resolver.batch(tenant).resolve(activity);
    }

    private Activity mail(Instant at, String subject, Participant... participants) {
        String id = "mail-" + ++mails;
        return new Activity(tenant, ActivityId.of("box:" + id), ActivityKind.EMAIL, Direction.INBOUND, at, null, subject,
                List.of(participants), null, null, null, false, new SourceRef("box", "inbox", id));
    }

    private Activity meeting(Instant at, Participant... participants) {
        String id = "meeting-" + ++mails;
        return new Activity(tenant, ActivityId.of("cal:" + id), ActivityKind.MEETING, Direction.INTERNAL, at, at.plusSeconds(1800),
                "Review", List.of(participants), null, null, null, false, new SourceRef("cal", "events", id));
    }

    private static Participant from(String email) {
        return new Participant(email, null, Role.FROM, null);
    }

    private static Participant to(String email) {
        return new Participant(email, null, Role.TO, null);
    }

    private static Participant cc(String email) {
        return new Participant(email, null, Role.CC, null);
    }

    private Opportunity deal(OpportunityId id, AccountId account, String name, UserId owner, OpportunityStatus status,
            String created, String lastMove) {
        List<StageChange> history = new ArrayList<>();
        history.add(new StageChange("Prospecting", Instant.parse(created), null));
        history.add(new StageChange(status == OpportunityStatus.WON ? "Closed Won" : "Proposal/Price Quote", Instant.parse(lastMove),
                null));
        return new Opportunity(tenant, id, account, name, owner, history.get(1).stage(), status, Money.of("48000", "USD"),
                LocalDate.parse("2026-12-31"), Instant.parse(created), history, ref("opportunities", id.value()));
    }

    private static SourceRef ref(String stream, String id) {
        return new SourceRef("crm", stream, id);
    }
}
