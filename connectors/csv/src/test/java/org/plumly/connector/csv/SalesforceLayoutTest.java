package org.plumly.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumly.connector.csv.SalesforceExport.BLUEFIN;
import static org.plumly.connector.csv.SalesforceExport.FORMER_REP;
import static org.plumly.connector.csv.SalesforceExport.GLOBEX;
import static org.plumly.connector.csv.SalesforceExport.HEAD;
import static org.plumly.connector.csv.SalesforceExport.REP;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Contact;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.ReportingLine;
import org.plumly.api.SourceRef;
import org.plumly.api.StageChange;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.connector.testkit.RecordingSink;

/** The Data Loader export of {@code demo/README.md}, read into Plumly's records. */
class SalesforceLayoutTest {
    @TempDir
    Path root;
    Imports imports;

    @BeforeEach
    void writeExport() {
        imports = Imports.salesforceExport(root, 8);
    }

    @Test
    void usersKeepNameLowerCasedEmailAndWhetherTheyAreActive() throws Exception {
        List<User> users = Imports.records(imports.read("users"), User.class);

        assertThat(users).extracting(User::name).containsExactly("Sam Okafor", "Dana Reyes", "Lee Park");
        assertThat(users.get(0).email()).isEqualTo("sam.okafor@northwind.example");
        assertThat(users).extracting(User::active).containsExactly(true, true, false);
        assertThat(users.get(1).id()).isEqualTo(UserId.of(new SourceRef(Imports.INTEGRATION, "users", REP).entityId()));
        assertThat(users.get(1).source()).isEqualTo(new SourceRef(Imports.INTEGRATION, "users", REP));
    }

    @Test
    void reportingLinesComeFromTheManagerColumnFromTheDayTheUserWasCreated() throws Exception {
        RecordingSink read = imports.read("reporting-lines");
        List<ReportingLine> lines = Imports.records(read, ReportingLine.class);
        Map<String, User> users = byId(Imports.records(imports.read("users"), User.class), u -> u.id().value());

        assertThat(lines).hasSize(2); // the head of sales reports to no one: no line, no rejection
        assertThat(read.rejections()).isEmpty();
        ReportingLine dana = lines.get(0);
        assertThat(users.get(dana.user().value()).name()).isEqualTo("Dana Reyes");
        assertThat(users.get(dana.manager().value()).name()).isEqualTo("Sam Okafor");
        assertThat(dana.validFrom()).isEqualTo(LocalDate.parse("2025-03-17"));
        assertThat(dana.validTo()).isNull();
        assertThat(dana.source()).isEqualTo(new SourceRef(Imports.INTEGRATION, "reporting-lines", REP));
    }

    @Test
    void accountsTakeTheirMailDomainFromTheWebsiteWithoutWww() throws Exception {
        List<Account> accounts = Imports.records(imports.read("accounts"), Account.class);

        assertThat(accounts).extracting(Account::name).containsExactly("Bluefin Logistics", "Globex, Inc.", "Initech");
        assertThat(accounts).extracting(Account::domains)
                .containsExactly(Set.of("bluefin-logistics.example"), Set.of("globex.example"), Set.of());
        assertThat(accounts.get(2).owner()).isNull();
    }

    @Test
    void contactsJoinTheirNamesAndKeepAnEmptyAccountAsNone() throws Exception {
        List<Contact> contacts = Imports.records(imports.read("contacts"), Contact.class);

        assertThat(contacts).extracting(Contact::name).containsExactly("Ada Quinn", "Ben O'Neil", "Cy Doe");
        Contact ada = contacts.get(0);
        assertThat(ada.emails()).containsExactly("ada.quinn@bluefin-logistics.example");
        assertThat(ada.phone()).isEqualTo("+1 555 0100");
        assertThat(ada.title()).isEqualTo("CFO");
        assertThat(contacts.get(1).phone()).isNull();
        assertThat(contacts.get(2).account()).isNull();
        assertThat(contacts.get(2).emails()).isEmpty();
    }

    @Test
    void everyReferenceIsTheIdOfTheRecordItNamesInItsOwnStream() throws Exception {
        Map<String, User> users = byId(Imports.records(imports.read("users"), User.class), u -> u.id().value());
        Map<String, Account> accounts = byId(Imports.records(imports.read("accounts"), Account.class), a -> a.id().value());
        List<Contact> contacts = Imports.records(imports.read("contacts"), Contact.class);
        List<Opportunity> opportunities = Imports.records(imports.read("opportunities"), Opportunity.class);
        List<ReportingLine> lines = Imports.records(imports.read("reporting-lines"), ReportingLine.class);

        assertThat(accounts.get(accountId(BLUEFIN)).owner().value()).isIn(users.keySet());
        assertThat(users.get(accounts.get(accountId(GLOBEX)).owner().value()).name()).isEqualTo("Lee Park");
        assertThat(contacts.get(0).account().value()).isEqualTo(accountId(BLUEFIN));
        assertThat(accounts.get(contacts.get(1).account().value()).name()).isEqualTo("Globex, Inc.");
        for (Opportunity opportunity : opportunities) {
            assertThat(users).containsKey(opportunity.owner().value());
            assertThat(accounts).containsKey(opportunity.account().value());
        }
        assertThat(users.get(opportunities.get(1).owner().value()).name()).isEqualTo("Dana Reyes");
        for (ReportingLine line : lines) {
            assertThat(users).containsKeys(line.user().value(), line.manager().value());
        }
        assertThat(lines).extracting(line -> line.manager().value()).containsOnly(userId(HEAD));
        assertThat(lines).extracting(line -> users.get(line.user().value()).email())
                .containsExactly("dana.reyes@northwind.example", "lee.park@northwind.example");
        assertThat(userId(FORMER_REP)).isIn(users.keySet());
    }

    @Test
    void opportunitiesCarryStatusAmountInTheirCurrencyDatesAndStageHistory() throws Exception {
        List<Opportunity> opportunities = Imports.records(imports.read("opportunities"), Opportunity.class);

        assertThat(opportunities).hasSize(8);
        Opportunity lost = opportunities.get(0); // n = 1
        assertThat(lost.stage()).isEqualTo("Closed Lost");
        assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
        Opportunity open = opportunities.get(2); // n = 3
        assertThat(open.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(open.amount().amount()).isEqualByComparingTo(new BigDecimal("1003.50"));
        assertThat(open.amount().currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(open.closeDate()).isEqualTo(LocalDate.parse("2026-07-03"));
        assertThat(open.createdAt()).isEqualTo(Instant.parse("2025-01-01T12:00:00Z"));
        assertThat(open.stageHistory()).containsExactly(
                new StageChange("Prospecting", Instant.parse("2025-01-01T12:00:00Z"), LocalDate.parse("2026-06-03")),
                new StageChange("Negotiation/Review", Instant.parse("2025-01-02T12:00:00Z"), LocalDate.parse("2026-07-03")));
        Opportunity won = opportunities.get(3); // n = 4
        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.stageHistory()).extracting(StageChange::stage)
                .containsExactly("Prospecting", "Negotiation/Review", "Closed Won");
        assertThat(opportunities.get(4).amount().currency()).isEqualTo(Currency.getInstance("EUR")); // n = 5
    }

    @Test
    void historyRowsInAnyOrderJoinTheirOpportunityOldestFirst() throws Exception {
        Csv.write(imports.folder(), "OpportunityHistory.csv", SalesforceExport.HISTORY, List.of(
                List.of("008000000000000009", SalesforceExport.opportunityId(2), "Closed Won", "", "2026-07-01", "2025-03-01T00:00:00.000Z"),
                List.of("008000000000000008", SalesforceExport.opportunityId(1), "Qualification", "", "", "2025-02-01T00:00:00.000Z"),
                List.of("008000000000000007", SalesforceExport.opportunityId(2), "Prospecting", "", "2026-06-01", "2025-01-01T00:00:00.000Z"),
                List.of("008000000000000006", "006999999999999999", "Prospecting", "", "", "2025-01-01T00:00:00.000Z")));

        Map<String, Opportunity> opportunities = byId(Imports.records(imports.read("opportunities"), Opportunity.class),
                o -> o.source().sourceId());

        assertThat(opportunities.get(SalesforceExport.opportunityId(2)).stageHistory()).extracting(StageChange::stage)
                .containsExactly("Prospecting", "Closed Won");
        assertThat(opportunities.get(SalesforceExport.opportunityId(1)).stageHistory())
                .containsExactly(new StageChange("Qualification", Instant.parse("2025-02-01T00:00:00Z"), null));
        assertThat(opportunities.get(SalesforceExport.opportunityId(3)).stageHistory()).isEmpty();
    }

    @Test
    void opportunitiesWithoutCurrencyTakeTheSettingsCurrency() throws Exception {
        List<Opportunity> opportunities = Imports.records(imports.with("currency", "gbp").read("opportunities"), Opportunity.class);

        assertThat(opportunities.get(0).amount().currency()).isEqualTo(Currency.getInstance("USD"));
        Csv.write(imports.folder(), "Opportunity.csv", SalesforceExport.OPPORTUNITY, List.of(
                List.of("006000000000000001", "Renewal", "", REP, "Prospecting", "10", "", "", "2025-01-01T00:00:00.000Z", "false", "false", "")));
        Opportunity renewal = Imports.records(imports.read("opportunities"), Opportunity.class).get(0);
        assertThat(renewal.amount().currency()).isEqualTo(Currency.getInstance("GBP"));
        assertThat(renewal.account()).isNull();
        assertThat(renewal.closeDate()).isNull();
    }

    private static String userId(String rowId) {
        return new SourceRef(Imports.INTEGRATION, "users", rowId).entityId();
    }

    private static String accountId(String rowId) {
        return AccountId.of(new SourceRef(Imports.INTEGRATION, "accounts", rowId).entityId()).value();
    }

    private static <T> Map<String, T> byId(List<T> records, Function<T, String> id) {
        return records.stream().collect(Collectors.toMap(id, r -> r));
    }
}
