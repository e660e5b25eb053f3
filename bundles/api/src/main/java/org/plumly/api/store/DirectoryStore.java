package org.plumly.api.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Contact;
import org.plumly.api.ContactId;
import org.plumly.api.ReportingLine;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;

/**
 * People and companies of a tenant: its users and their reporting lines, its accounts and their
 * contacts, with the lookups identity resolution needs (by e-mail address, by domain). Writes are
 * idempotent upserts by id.
 *
 * <pre>{@code
 * directory.putUser(dana);
 * directory.putReportingLine(new ReportingLine(acme, dana.id(), sam.id(), LocalDate.parse("2026-01-01"), null, null));
 * List<UserId> team = directory.reportsOf(acme, sam.id(), LocalDate.now());
 * }</pre>
 */
@ProviderType
public interface DirectoryStore {

    void putUser(User user);

    Optional<User> findUser(TenantId tenant, UserId id);

    Optional<User> findUserByEmail(TenantId tenant, String email);

    Page<User> users(TenantId tenant, PageRequest request);

    /** Stores a reporting line; one per user, manager and start day. */
    void putReportingLine(ReportingLine line);

    /** The lines of a user, latest start first: their manager over time. */
    List<ReportingLine> managersOf(TenantId tenant, UserId user);

    /** Who reports directly to {@code manager} on {@code day}. */
    List<UserId> reportsOf(TenantId tenant, UserId manager, LocalDate day);

    void putAccount(Account account);

    Optional<Account> findAccount(TenantId tenant, AccountId id);

    /** Accounts that listed {@code domain} among theirs. */
    List<Account> accountsByDomain(TenantId tenant, String domain);

    void putContact(Contact contact);

    Optional<Contact> findContact(TenantId tenant, ContactId id);

    /** Contacts that have {@code email} among their addresses. */
    List<Contact> contactsByEmail(TenantId tenant, String email);

    Page<Contact> contactsOf(TenantId tenant, AccountId account, PageRequest request);
}
