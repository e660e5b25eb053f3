package org.plumly.store.cassandra.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Contact;
import org.plumly.api.ContactId;
import org.plumly.api.EmailAddress;
import org.plumly.api.ReportingLine;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;

/**
 * Users, reporting lines, accounts and contacts. Lookup tables (by e-mail, by domain, by account) are
 * written beside the row and never cleaned up on change: a lookup checks each hit against the row, so
 * an address that moved to another contact does not find the old one. The source index keeps every
 * lookup key a record was listed under, so that a purge finds the stale ones too.
 */
final class CassandraDirectoryStore implements DirectoryStore {
    private final Cql cql;
    private final SourceIndex index;

    CassandraDirectoryStore(Cql cql, SourceIndex index) {
        this.cql = cql;
        this.index = index;
    }

    /** Written before the record's rows: a record whose write fails half-way is still found by a purge. */
    private void indexed(Statement<?> entry) {
        if (entry != null) {
            cql.execute(entry);
        }
    }

    @Override
    public void putUser(User user) {
        String tenant = user.tenant().value();
        indexed(index.entry(user.tenant(), user.source(), SourceIndex.USER, user.id().value(), Set.of(SourceIndex.EMAIL + user.email())));
        cql.execute(cql.bind("INSERT INTO users (tenant, user_id, name, email, active, source) VALUES (?, ?, ?, ?, ?, ?)",
                tenant, user.id().value(), user.name(), user.email(), user.active(), Sources.write(user.source())));
        cql.execute(cql.bind("INSERT INTO users_by_email (tenant, email, user_id) VALUES (?, ?, ?)", tenant, user.email(), user.id().value()));
    }

    @Override
    public Optional<User> findUser(TenantId tenant, UserId id) {
        return Optional.ofNullable(cql.one(cql.bind("SELECT user_id, name, email, active, source FROM users WHERE tenant = ? AND user_id = ?",
                tenant.value(), id.value()))).map(row -> toUser(tenant, row));
    }

    @Override
    public Optional<User> findUserByEmail(TenantId tenant, String email) {
        String address = EmailAddress.normalize(email);
        for (Row hit : cql.all(cql.bind("SELECT user_id FROM users_by_email WHERE tenant = ? AND email = ?", tenant.value(), address))) {
            Optional<User> user = findUser(tenant, UserId.of(hit.getString("user_id"))).filter(u -> u.email().equals(address));
            if (user.isPresent()) {
                return user;
            }
        }
        return Optional.empty();
    }

    @Override
    public Page<User> users(TenantId tenant, PageRequest request) {
        return cql.page(cql.bind("SELECT user_id, name, email, active, source FROM users WHERE tenant = ?", tenant.value()),
                request, "users", tenant, "", row -> toUser(tenant, row));
    }

    private static User toUser(TenantId tenant, Row row) {
        return new User(tenant, UserId.of(row.getString("user_id")), row.getString("name"), row.getString("email"),
                row.getBoolean("active"), Sources.read(row.getString("source")));
    }

    @Override
    public void putReportingLine(ReportingLine line) {
        String tenant = line.tenant().value();
        indexed(index.entry(line.tenant(), line.source(), SourceIndex.REPORTING_LINE,
                SourceIndex.reportingLineId(line.user(), line.validFrom(), line.manager()), Set.of()));
        cql.execute(cql.bind("INSERT INTO reporting_lines_by_user (tenant, user_id, valid_from, manager_id, valid_to, source) VALUES (?, ?, ?, ?, ?, ?)",
                tenant, line.user().value(), line.validFrom(), line.manager().value(), line.validTo(), Sources.write(line.source())));
        cql.execute(cql.bind("INSERT INTO reporting_lines_by_manager (tenant, manager_id, user_id, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)",
                tenant, line.manager().value(), line.user().value(), line.validFrom(), line.validTo()));
    }

    @Override
    public List<ReportingLine> managersOf(TenantId tenant, UserId user) {
        return cql.all(cql.bind("SELECT valid_from, manager_id, valid_to, source FROM reporting_lines_by_user WHERE tenant = ? AND user_id = ?",
                        tenant.value(), user.value())).stream()
                .map(row -> new ReportingLine(tenant, user, UserId.of(row.getString("manager_id")), row.getLocalDate("valid_from"),
                        row.getLocalDate("valid_to"), Sources.read(row.getString("source"))))
                .toList();
    }

    @Override
    public List<UserId> reportsOf(TenantId tenant, UserId manager, LocalDate day) {
        List<UserId> reports = new ArrayList<>();
        for (Row row : cql.all(cql.bind("SELECT user_id, valid_from, valid_to FROM reporting_lines_by_manager WHERE tenant = ? AND manager_id = ?",
                tenant.value(), manager.value()))) {
            LocalDate from = row.getLocalDate("valid_from");
            LocalDate to = row.getLocalDate("valid_to");
            UserId user = UserId.of(row.getString("user_id"));
            if (!day.isBefore(from) && (to == null || day.isBefore(to)) && !reports.contains(user)) {
                reports.add(user);
            }
        }
        return reports;
    }

    @Override
    public void putAccount(Account account) {
        String tenant = account.tenant().value();
        indexed(index.entry(account.tenant(), account.source(), SourceIndex.ACCOUNT, account.id().value(),
                account.domains().stream().map(domain -> SourceIndex.DOMAIN + domain).collect(Collectors.toSet())));
        cql.execute(cql.bind("INSERT INTO accounts (tenant, account_id, name, domains, owner_id, source) VALUES (?, ?, ?, ?, ?, ?)",
                tenant, account.id().value(), account.name(), account.domains(),
                account.owner() == null ? null : account.owner().value(), Sources.write(account.source())));
        for (String domain : account.domains()) {
            cql.execute(cql.bind("INSERT INTO accounts_by_domain (tenant, domain, account_id) VALUES (?, ?, ?)", tenant, domain, account.id().value()));
        }
    }

    @Override
    public Optional<Account> findAccount(TenantId tenant, AccountId id) {
        Row row = cql.one(cql.bind("SELECT name, domains, owner_id, source FROM accounts WHERE tenant = ? AND account_id = ?", tenant.value(), id.value()));
        if (row == null) {
            return Optional.empty();
        }
        String owner = row.getString("owner_id");
        return Optional.of(new Account(tenant, id, row.getString("name"), row.getSet("domains", String.class),
                owner == null ? null : UserId.of(owner), Sources.read(row.getString("source"))));
    }

    @Override
    public List<Account> accountsByDomain(TenantId tenant, String domain) {
        String normal = EmailAddress.domain("x@" + domain);
        return cql.all(cql.bind("SELECT account_id FROM accounts_by_domain WHERE tenant = ? AND domain = ?", tenant.value(), normal)).stream()
                .map(hit -> findAccount(tenant, AccountId.of(hit.getString("account_id"))))
                .flatMap(Optional::stream)
                .filter(account -> account.domains().contains(normal))
                .toList();
    }

    @Override
    public void putContact(Contact contact) {
        String tenant = contact.tenant().value();
        indexed(index.entry(contact.tenant(), contact.source(), SourceIndex.CONTACT, contact.id().value(), contactLookups(contact)));
        String account = contact.account() == null ? null : contact.account().value();
        cql.execute(cql.bind("INSERT INTO contacts (tenant, contact_id, account_id, name, emails, phone, title, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, contact.id().value(), account, contact.name(), contact.emails(), contact.phone(), contact.title(), Sources.write(contact.source())));
        for (String email : contact.emails()) {
            cql.execute(cql.bind("INSERT INTO contacts_by_email (tenant, email, contact_id) VALUES (?, ?, ?)", tenant, email, contact.id().value()));
        }
        if (account != null) {
            cql.execute(cql.bind("INSERT INTO contacts_by_account (tenant, account_id, contact_id) VALUES (?, ?, ?)", tenant, account, contact.id().value()));
        }
    }

    private static Set<String> contactLookups(Contact contact) {
        Set<String> lookups = new HashSet<>();
        contact.emails().forEach(email -> lookups.add(SourceIndex.EMAIL + email));
        if (contact.account() != null) {
            lookups.add(SourceIndex.OF_ACCOUNT + contact.account().value());
        }
        return lookups;
    }

    @Override
    public Optional<Contact> findContact(TenantId tenant, ContactId id) {
        return contacts(tenant, List.of(id)).stream().findFirst();
    }

    /** The contacts of these ids, read concurrently. */
    private List<Contact> contacts(TenantId tenant, List<ContactId> ids) {
        return cql.rows(ids.stream().map(id -> cql.bind("SELECT contact_id, account_id, name, emails, phone, title, source FROM contacts"
                + " WHERE tenant = ? AND contact_id = ?", tenant.value(), id.value())).toList()).stream().map(row -> {
                    String account = row.getString("account_id");
                    return new Contact(tenant, ContactId.of(row.getString("contact_id")), account == null ? null : AccountId.of(account),
                            row.getString("name"), row.getList("emails", String.class), row.getString("phone"), row.getString("title"),
                            Sources.read(row.getString("source")));
                }).toList();
    }

    @Override
    public List<Contact> contactsByEmail(TenantId tenant, String email) {
        String address = EmailAddress.normalize(email);
        List<ContactId> hits = cql.all(cql.bind("SELECT contact_id FROM contacts_by_email WHERE tenant = ? AND email = ?", tenant.value(), address))
                .stream().map(hit -> ContactId.of(hit.getString("contact_id"))).toList();
        return contacts(tenant, hits).stream()
                .filter(contact -> contact.emails().contains(address))
                .toList();
    }

    @Override
    public Page<Contact> contactsOf(TenantId tenant, AccountId account, PageRequest request) {
        Page<ContactId> ids = cql.page(cql.bind("SELECT contact_id FROM contacts_by_account WHERE tenant = ? AND account_id = ?", tenant.value(), account.value()),
                request, "contacts-of-account", tenant, account.value(), row -> ContactId.of(row.getString("contact_id")));
        List<Contact> contacts = contacts(tenant, ids.items()).stream()
                .filter(contact -> account.equals(contact.account()))
                .toList();
        return new Page<>(contacts, ids.nextCursor());
    }
}
