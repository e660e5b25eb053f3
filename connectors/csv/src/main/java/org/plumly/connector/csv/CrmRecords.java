package org.plumly.connector.csv;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Contact;
import org.plumly.api.ContactId;
import org.plumly.api.EmailAddress;
import org.plumly.api.Money;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.OpportunityStatus;
import org.plumly.api.ReportingLine;
import org.plumly.api.SourceRef;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.connector.ConnectorConfig;

/**
 * Turns rows into Plumly's records. Every id derives from the row's {@link SourceRef}, and every
 * reference (an owner, an account, a manager) is built the same way from the referenced row's id, so
 * it equals the id the referenced record gets in its own stream.
 */
final class CrmRecords {
    private final TenantId tenant;
    private final String integration;
    private final Currency currency;
    private final Owners owners;
    private final String usersFile;
    private long unknownOwners;

    CrmRecords(ConnectorConfig config, Export export, Owners owners) {
        this.tenant = config.tenant();
        this.integration = config.integration();
        this.currency = export.settings().currency();
        this.owners = owners;
        this.usersFile = export.name(Source.USERS);
    }

    User user(Row row) throws BadRow {
        SourceRef source = ref(CrmStream.USERS, row.required(Field.USER_ID));
        Boolean active = row.flag(Field.USER_ACTIVE);
        return new User(tenant, UserId.of(source.entityId()), row.personName(Field.USER_NAME, Field.USER_FIRST_NAME, Field.USER_LAST_NAME),
                email(row, row.required(Field.USER_EMAIL), Field.USER_EMAIL), active == null || active, source);
    }

    /** The line from a user to their manager; null for a user without one. */
    ReportingLine reportingLine(Row row) throws BadRow {
        String user = row.required(Field.USER_ID);
        String managerCell = row.text(Field.USER_MANAGER);
        if (managerCell == null) {
            return null;
        }
        String manager = owners.userRowId(managerCell).orElseThrow(() -> notAUser(row, Field.USER_MANAGER));
        if (manager.equals(user)) {
            throw new BadRow("column " + row.header(Field.USER_MANAGER) + " names the user as their own manager");
        }
        Instant created = row.instant(Field.USER_CREATED);
        LocalDate from = created == null ? LocalDate.EPOCH : LocalDate.ofInstant(created, ZoneOffset.UTC);
        return new ReportingLine(tenant, userId(user), userId(manager), from, null, ref(CrmStream.REPORTING_LINES, user));
    }

    Account account(Row row) throws BadRow {
        SourceRef source = ref(CrmStream.ACCOUNTS, row.required(Field.ACCOUNT_ID));
        Field domainField = row.text(Field.ACCOUNT_DOMAIN) != null ? Field.ACCOUNT_DOMAIN : Field.ACCOUNT_WEBSITE;
        String domain = row.text(domainField);
        String ownerCell = row.text(Field.ACCOUNT_OWNER);
        String owner = ownerCell == null ? null : owners.userRowId(ownerCell).orElse(null);
        if (ownerCell != null && owner == null) {
            unknownOwners++; // an account may be without owner: kept, and counted for the log
        }
        return new Account(tenant, AccountId.of(source.entityId()), row.required(Field.ACCOUNT_NAME),
                domain == null ? Set.of() : Set.of(host(row, domain, domainField)), owner == null ? null : userId(owner), source);
    }

    Contact contact(Row row) throws BadRow {
        SourceRef source = ref(CrmStream.CONTACTS, row.required(Field.CONTACT_ID));
        String account = firstId(row.text(Field.CONTACT_ACCOUNT));
        String email = row.text(Field.CONTACT_EMAIL);
        return new Contact(tenant, ContactId.of(source.entityId()), account == null ? null : accountId(account),
                row.personName(Field.CONTACT_NAME, Field.CONTACT_FIRST_NAME, Field.CONTACT_LAST_NAME),
                email == null ? List.of() : List.of(email(row, email, Field.CONTACT_EMAIL)), row.text(Field.CONTACT_PHONE),
                row.text(Field.CONTACT_TITLE), source);
    }

    Opportunity opportunity(Row row, StageHistory history) throws BadRow {
        String id = row.required(Field.OPPORTUNITY_ID);
        SourceRef source = ref(CrmStream.OPPORTUNITIES, id);
        String account = firstId(row.text(Field.OPPORTUNITY_ACCOUNT));
        String owner = owners.userRowId(row.required(Field.OPPORTUNITY_OWNER)).orElseThrow(() -> notAUser(row, Field.OPPORTUNITY_OWNER));
        String stage = row.required(Field.OPPORTUNITY_STAGE);
        BigDecimal amount = row.amount(Field.OPPORTUNITY_AMOUNT);
        return new Opportunity(tenant, OpportunityId.of(source.entityId()), account == null ? null : accountId(account),
                row.required(Field.OPPORTUNITY_NAME), userId(owner), stage, status(row, stage),
                amount == null ? null : new Money(amount, currency(row)), row.date(Field.OPPORTUNITY_CLOSE_DATE),
                row.requiredInstant(Field.OPPORTUNITY_CREATED), history.of(row, id), source);
    }

    /** How many rows named an owner the users file does not hold (and were kept without one). */
    long unknownOwners() {
        return unknownOwners;
    }

    private SourceRef ref(CrmStream stream, String rowId) {
        return new SourceRef(integration, stream.streamName(), rowId);
    }

    private UserId userId(String usersRowId) {
        return UserId.of(ref(CrmStream.USERS, usersRowId).entityId());
    }

    private AccountId accountId(String accountsRowId) {
        return AccountId.of(ref(CrmStream.ACCOUNTS, accountsRowId).entityId());
    }

    private BadRow notAUser(Row row, Field field) {
        return new BadRow("column " + row.header(field) + " names no user of " + usersFile);
    }

    /** Won or lost by the closed and won columns where the file has them, else by the stage's name. */
    private static OpportunityStatus status(Row row, String stage) throws BadRow {
        Boolean closed = row.flag(Field.OPPORTUNITY_CLOSED);
        Boolean won = row.flag(Field.OPPORTUNITY_WON);
        if (Boolean.TRUE.equals(won)) {
            return OpportunityStatus.WON;
        }
        String normal = stage.toLowerCase(Locale.ROOT).replace(" ", "");
        OpportunityStatus named = normal.equals("closedwon") ? OpportunityStatus.WON
                : normal.equals("closedlost") ? OpportunityStatus.LOST : OpportunityStatus.OPEN;
        if (closed == null) {
            return named == OpportunityStatus.WON && Boolean.FALSE.equals(won) ? OpportunityStatus.LOST : named;
        }
        if (!closed) {
            return OpportunityStatus.OPEN;
        }
        return won == null && named == OpportunityStatus.WON ? OpportunityStatus.WON : OpportunityStatus.LOST;
    }

    private Currency currency(Row row) throws BadRow {
        String code = row.text(Field.OPPORTUNITY_CURRENCY);
        if (code == null) {
            return currency;
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new BadRow("column " + row.header(Field.OPPORTUNITY_CURRENCY) + " is not an ISO 4217 currency code");
        }
    }

    /** The first id of a cell that may list several ({@code 123;456}, HubSpot's associations). */
    private static String firstId(String cell) {
        if (cell == null) {
            return null;
        }
        for (String id : cell.split(";")) {
            if (!id.isBlank()) {
                return id.strip();
            }
        }
        return null;
    }

    private static String email(Row row, String value, Field field) throws BadRow {
        try {
            return EmailAddress.normalize(value);
        } catch (IllegalArgumentException malformed) {
            throw new BadRow("column " + row.header(field) + " is not an e-mail address");
        }
    }

    /** The mail domain of a web site or domain cell: its host, lower-cased, without {@code www.}. */
    private static String host(Row row, String value, Field field) throws BadRow {
        try {
            String host = URI.create(value.contains("://") ? value : "https://" + value).getHost();
            if (host != null) {
                host = host.toLowerCase(Locale.ROOT);
                return EmailAddress.domain("x@" + (host.startsWith("www.") ? host.substring(4) : host));
            }
        } catch (IllegalArgumentException malformed) {
            // the reason below says it
        }
        throw new BadRow("column " + row.header(field) + " holds no host name");
    }
}
