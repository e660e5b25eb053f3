package org.plumly.connector.csv;

import java.util.Arrays;
import java.util.List;

/**
 * A value the connector reads from a file, whichever column holds it. Each can be pointed at another
 * column with the setting {@code mapping.<file>.<field>}, such as {@code mapping.opportunities.stage}.
 */
enum Field {
    USER_ID(Source.USERS, "id", "the user's id"),
    USER_NAME(Source.USERS, "name", "full name"),
    USER_FIRST_NAME(Source.USERS, "firstName", "first name"),
    USER_LAST_NAME(Source.USERS, "lastName", "last name"),
    USER_EMAIL(Source.USERS, "email", "e-mail address"),
    USER_MANAGER(Source.USERS, "manager", "the manager's user id (or, where owners are named, name or e-mail)"),
    USER_ACTIVE(Source.USERS, "active", "active, true or false"),
    USER_CREATED(Source.USERS, "createdAt", "when the user was created; the reporting line holds from that day"),

    ACCOUNT_ID(Source.ACCOUNTS, "id", "the account's id"),
    ACCOUNT_NAME(Source.ACCOUNTS, "name", "name"),
    ACCOUNT_WEBSITE(Source.ACCOUNTS, "website", "web site, whose host without www. is a mail domain"),
    ACCOUNT_DOMAIN(Source.ACCOUNTS, "domain", "mail domain"),
    ACCOUNT_OWNER(Source.ACCOUNTS, "owner", "the owner's user id (or, where owners are named, name or e-mail)"),

    CONTACT_ID(Source.CONTACTS, "id", "the contact's id"),
    CONTACT_ACCOUNT(Source.CONTACTS, "account", "the account's id (the first of a ;-separated list)"),
    CONTACT_NAME(Source.CONTACTS, "name", "full name"),
    CONTACT_FIRST_NAME(Source.CONTACTS, "firstName", "first name"),
    CONTACT_LAST_NAME(Source.CONTACTS, "lastName", "last name"),
    CONTACT_EMAIL(Source.CONTACTS, "email", "e-mail address"),
    CONTACT_PHONE(Source.CONTACTS, "phone", "phone number"),
    CONTACT_TITLE(Source.CONTACTS, "title", "job title"),

    OPPORTUNITY_ID(Source.OPPORTUNITIES, "id", "the opportunity's id"),
    OPPORTUNITY_NAME(Source.OPPORTUNITIES, "name", "name"),
    OPPORTUNITY_ACCOUNT(Source.OPPORTUNITIES, "account", "the account's id (the first of a ;-separated list)"),
    OPPORTUNITY_OWNER(Source.OPPORTUNITIES, "owner", "the owner's user id (or, where owners are named, name or e-mail)"),
    OPPORTUNITY_STAGE(Source.OPPORTUNITIES, "stage", "current stage"),
    OPPORTUNITY_AMOUNT(Source.OPPORTUNITIES, "amount", "amount, a plain decimal"),
    OPPORTUNITY_CURRENCY(Source.OPPORTUNITIES, "currency", "ISO currency code of the amount"),
    OPPORTUNITY_CLOSE_DATE(Source.OPPORTUNITIES, "closeDate", "expected or actual close date"),
    OPPORTUNITY_CREATED(Source.OPPORTUNITIES, "createdAt", "when it was created"),
    OPPORTUNITY_CLOSED(Source.OPPORTUNITIES, "closed", "closed, true or false"),
    OPPORTUNITY_WON(Source.OPPORTUNITIES, "won", "won, true or false"),

    HISTORY_OPPORTUNITY(Source.OPPORTUNITY_HISTORY, "opportunity", "the opportunity's id"),
    HISTORY_STAGE(Source.OPPORTUNITY_HISTORY, "stage", "the stage entered"),
    HISTORY_CLOSE_DATE(Source.OPPORTUNITY_HISTORY, "closeDate", "the close date at that moment"),
    HISTORY_CREATED(Source.OPPORTUNITY_HISTORY, "createdAt", "when the stage was entered");

    private final Source source;
    private final String name;
    private final String meaning;

    Field(Source source, String name, String meaning) {
        this.source = source;
        this.name = name;
        this.meaning = meaning;
    }

    Source source() {
        return source;
    }

    String meaning() {
        return meaning;
    }

    /** The setting that maps it to another column, such as {@code mapping.opportunities.stage}. */
    String setting() {
        return "mapping." + source.key() + "." + name;
    }

    /** Whether it is one of the columns a person's name is made of, at least one of which a file must have. */
    boolean partOfName() {
        return name.equals("name") || name.equals("firstName") || name.equals("lastName");
    }

    static List<Field> of(Source source) {
        return Arrays.stream(values()).filter(field -> field.source == source).toList();
    }
}
