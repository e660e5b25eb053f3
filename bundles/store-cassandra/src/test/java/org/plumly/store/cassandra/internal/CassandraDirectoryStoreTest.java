package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Contact;
import org.plumly.api.ContactId;
import org.plumly.api.ReportingLine;
import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.store.DirectoryStore;

class CassandraDirectoryStoreTest {
    private final DirectoryStore store = TestStores.shared().directory;
    private final TenantId tenant = TestStores.newTenant();
    private final UserId dana = UserId.of("crm:dana");
    private final UserId sam = UserId.of("crm:sam");
    private final UserId kim = UserId.of("crm:kim");

    @Test
    void usersAreFoundByIdAndByTheirCurrentAddressOnly() {
        User before = new User(tenant, dana, "Dana Reyes", "dana@acme.example", true, new SourceRef("crm", "users", "dana"));
        store.putUser(before);
        User renamed = new User(tenant, dana, "Dana Reyes-Park", "dana.park@acme.example", true, before.source());
        store.putUser(renamed);

        assertThat(store.findUser(tenant, dana)).contains(renamed);
        assertThat(store.findUserByEmail(tenant, "Dana.Park@ACME.example")).contains(renamed);
        assertThat(store.findUserByEmail(tenant, "dana@acme.example")).isEmpty();
        assertThat(CassandraActivityStoreTest.readAll(request -> store.users(tenant, request), 1)).containsExactly(renamed);
    }

    @Test
    void reportsAreThoseWhoseLineHoldsOnTheDayAsked() {
        store.putReportingLine(new ReportingLine(tenant, dana, sam, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-07-01"), null));
        store.putReportingLine(new ReportingLine(tenant, dana, kim, LocalDate.parse("2026-07-01"), null, null));
        store.putReportingLine(new ReportingLine(tenant, UserId.of("crm:lou"), sam, LocalDate.parse("2026-03-01"), null, null));

        assertThat(store.reportsOf(tenant, sam, LocalDate.parse("2026-06-30"))).containsExactlyInAnyOrder(dana, UserId.of("crm:lou"));
        assertThat(store.reportsOf(tenant, sam, LocalDate.parse("2026-07-01"))).containsExactly(UserId.of("crm:lou"));
        assertThat(store.reportsOf(tenant, kim, LocalDate.parse("2026-07-01"))).containsExactly(dana);
        assertThat(store.managersOf(tenant, dana)).extracting(ReportingLine::manager).containsExactly(kim, sam);
    }

    @Test
    void accountsAreFoundByTheDomainsTheyHaveNow() {
        AccountId globex = AccountId.of("crm:globex");
        store.putAccount(new Account(tenant, globex, "Globex", Set.of("globex.example", "globex-mail.example"), dana, null));
        store.putAccount(new Account(tenant, globex, "Globex", Set.of("globex.example"), dana, null));

        assertThat(store.accountsByDomain(tenant, "GLOBEX.example")).extracting(Account::id).containsExactly(globex);
        assertThat(store.accountsByDomain(tenant, "globex-mail.example")).isEmpty();
        assertThat(store.findAccount(tenant, globex).orElseThrow().owner()).isEqualTo(dana);
    }

    @Test
    void contactsAreFoundByAddressAndListedByAccountPageByPage() {
        AccountId globex = AccountId.of("crm:globex");
        List<Contact> contacts = IntStream.range(0, 5).mapToObj(i -> new Contact(tenant, ContactId.of("crm:c" + i), globex, "Person " + i,
                List.of("p" + i + "@globex.example"), "+1 555 010" + i, "Buyer", null)).toList();
        contacts.forEach(store::putContact);
        Contact moved = new Contact(tenant, ContactId.of("crm:c4"), AccountId.of("crm:initech"), "Person 4", List.of("p4@initech.example"), null, null, null);
        store.putContact(moved);

        assertThat(store.contactsByEmail(tenant, "p1@globex.example")).containsExactly(contacts.get(1));
        assertThat(store.contactsByEmail(tenant, "p4@globex.example")).isEmpty();
        assertThat(CassandraActivityStoreTest.readAll(request -> store.contactsOf(tenant, globex, request), 2))
                .containsExactlyInAnyOrderElementsOf(contacts.subList(0, 4));
        assertThat(store.findContact(tenant, moved.id())).contains(moved);
    }
}
