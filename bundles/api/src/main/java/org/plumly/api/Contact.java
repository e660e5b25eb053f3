package org.plumly.api;

import java.util.List;
import java.util.Objects;

/**
 * A person at an account: the people reps write to and meet.
 *
 * <pre>{@code
 * new Contact(acme, ContactId.of("crm:003C9"), globex, "Lee Park", List.of("lee@globex.example"), null, "CFO", source);
 * }</pre>
 *
 * @param account the account they work for, or null when unknown
 * @param emails  their addresses, lower-cased, the first one preferred; may be empty
 * @param phone   or null
 * @param title   job title, or null
 */
public record Contact(TenantId tenant, ContactId id, AccountId account, String name, List<String> emails,
                      String phone, String title, SourceRef source) implements SourcedRecord {
    public Contact {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Ids.text(name, "name");
        emails = Objects.requireNonNull(emails, "emails").stream().map(EmailAddress::normalize).distinct().toList();
    }
}
