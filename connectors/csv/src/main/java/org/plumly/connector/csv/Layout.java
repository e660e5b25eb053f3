package org.plumly.connector.csv;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a CRM's export puts things: the file of each {@link Source} and the column of each
 * {@link Field}. Headers are matched ignoring case and surrounding spaces; where a layout lists
 * several headers for a field, the first the file has is read.
 */
enum Layout {
    /** Salesforce Data Loader: API field names as headers, ids of owners and managers. */
    SALESFORCE(Map.of(Source.USERS, "User.csv", Source.ACCOUNTS, "Account.csv", Source.CONTACTS, "Contact.csv",
            Source.OPPORTUNITIES, "Opportunity.csv", Source.OPPORTUNITY_HISTORY, "OpportunityHistory.csv"), false, c -> {
            c.required(Field.USER_ID, "Id").optional(Field.USER_NAME, "Name").optional(Field.USER_FIRST_NAME, "FirstName")
                    .optional(Field.USER_LAST_NAME, "LastName").required(Field.USER_EMAIL, "Email")
                    .optional(Field.USER_MANAGER, "ManagerId").optional(Field.USER_ACTIVE, "IsActive")
                    .optional(Field.USER_CREATED, "CreatedDate");
            c.required(Field.ACCOUNT_ID, "Id").required(Field.ACCOUNT_NAME, "Name").optional(Field.ACCOUNT_WEBSITE, "Website")
                    .optional(Field.ACCOUNT_OWNER, "OwnerId");
            c.required(Field.CONTACT_ID, "Id").optional(Field.CONTACT_ACCOUNT, "AccountId").optional(Field.CONTACT_NAME, "Name")
                    .optional(Field.CONTACT_FIRST_NAME, "FirstName").optional(Field.CONTACT_LAST_NAME, "LastName")
                    .optional(Field.CONTACT_EMAIL, "Email").optional(Field.CONTACT_PHONE, "Phone").optional(Field.CONTACT_TITLE, "Title");
            c.required(Field.OPPORTUNITY_ID, "Id").required(Field.OPPORTUNITY_NAME, "Name")
                    .optional(Field.OPPORTUNITY_ACCOUNT, "AccountId").required(Field.OPPORTUNITY_OWNER, "OwnerId")
                    .required(Field.OPPORTUNITY_STAGE, "StageName").optional(Field.OPPORTUNITY_AMOUNT, "Amount")
                    .optional(Field.OPPORTUNITY_CURRENCY, "CurrencyIsoCode").optional(Field.OPPORTUNITY_CLOSE_DATE, "CloseDate")
                    .required(Field.OPPORTUNITY_CREATED, "CreatedDate").optional(Field.OPPORTUNITY_CLOSED, "IsClosed")
                    .optional(Field.OPPORTUNITY_WON, "IsWon");
            c.required(Field.HISTORY_OPPORTUNITY, "OpportunityId").required(Field.HISTORY_STAGE, "StageName")
                    .optional(Field.HISTORY_CLOSE_DATE, "CloseDate").required(Field.HISTORY_CREATED, "CreatedDate");
        }),

    /**
     * HubSpot: the CRM exports of companies, contacts and deals (property labels as headers, English),
     * and the users export of Settings › Users &amp; Teams. Deals and companies name their owner; the
     * stage history is in the deal's {@code Date entered "<stage> (<pipeline>)"} columns.
     */
    HUBSPOT(Map.of(Source.USERS, "owners.csv", Source.ACCOUNTS, "companies.csv", Source.CONTACTS, "contacts.csv",
            Source.OPPORTUNITIES, "deals.csv"), true, c -> {
            c.required(Field.USER_ID, "User ID").optional(Field.USER_NAME, "Name").optional(Field.USER_FIRST_NAME, "First Name")
                    .optional(Field.USER_LAST_NAME, "Last Name").required(Field.USER_EMAIL, "Email", "Email Address")
                    .optional(Field.USER_MANAGER, "Manager");
            c.required(Field.ACCOUNT_ID, "Record ID").required(Field.ACCOUNT_NAME, "Company name")
                    .optional(Field.ACCOUNT_WEBSITE, "Website URL").optional(Field.ACCOUNT_DOMAIN, "Company Domain Name")
                    .optional(Field.ACCOUNT_OWNER, "Company owner");
            c.required(Field.CONTACT_ID, "Record ID")
                    .optional(Field.CONTACT_ACCOUNT, "Associated Company IDs (Primary)", "Associated Company IDs")
                    .optional(Field.CONTACT_FIRST_NAME, "First Name").optional(Field.CONTACT_LAST_NAME, "Last Name")
                    .optional(Field.CONTACT_EMAIL, "Email").optional(Field.CONTACT_PHONE, "Phone Number")
                    .optional(Field.CONTACT_TITLE, "Job Title");
            c.required(Field.OPPORTUNITY_ID, "Record ID").required(Field.OPPORTUNITY_NAME, "Deal Name")
                    .optional(Field.OPPORTUNITY_ACCOUNT, "Associated Company IDs (Primary)", "Associated Company IDs")
                    .required(Field.OPPORTUNITY_OWNER, "Deal owner").required(Field.OPPORTUNITY_STAGE, "Deal Stage")
                    .optional(Field.OPPORTUNITY_AMOUNT, "Amount").optional(Field.OPPORTUNITY_CURRENCY, "Currency")
                    .optional(Field.OPPORTUNITY_CLOSE_DATE, "Close Date").required(Field.OPPORTUNITY_CREATED, "Create Date")
                    .optional(Field.OPPORTUNITY_CLOSED, "Is Deal Closed?").optional(Field.OPPORTUNITY_WON, "Is Closed Won");
        });

    private final Map<Source, String> files;
    private final boolean ownersByName;
    private final Map<Field, Column> columns = new EnumMap<>(Field.class);

    Layout(Map<Source, String> files, boolean ownersByName, Consumer<Columns> table) {
        this.files = files;
        this.ownersByName = ownersByName;
        table.accept(new Columns(columns));
    }

    /** The layout of a {@code layout} setting, such as {@code salesforce}. */
    static Optional<Layout> named(String name) {
        for (Layout layout : values()) {
            if (layout.key().equalsIgnoreCase(name.strip())) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The files it exports, by what they hold. */
    Map<Source, String> files() {
        return files;
    }

    /** Whether owners and managers are given by name or e-mail, to be looked up in the users file. */
    boolean ownersByName() {
        return ownersByName;
    }

    /** Whether the stage history of opportunities is a file of its own. */
    boolean historyFile() {
        return files.containsKey(Source.OPPORTUNITY_HISTORY);
    }

    /** Where the layout puts a field; empty when it has no column for it. */
    Optional<Column> column(Field field) {
        return Optional.ofNullable(columns.get(field));
    }

    /**
     * The headers a field may have, the first present read; whether a file without any of them is
     * refused.
     */
    record Column(List<String> headers, boolean required) {
    }

    /** Fills a layout's table of columns. */
    static final class Columns {
        private final Map<Field, Column> table;

        private Columns(Map<Field, Column> table) {
            this.table = table;
        }

        Columns required(Field field, String... headers) {
            table.put(field, new Column(List.of(headers), true));
            return this;
        }

        Columns optional(Field field, String... headers) {
            table.put(field, new Column(List.of(headers), false));
            return this;
        }
    }
}
