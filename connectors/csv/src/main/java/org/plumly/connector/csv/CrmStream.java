package org.plumly.connector.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.StreamDescriptor;

/** The streams of an export, one per CRM object, each read from one file (joined with others). */
enum CrmStream {
    USERS("users", RecordKind.USER, Source.USERS, false),
    REPORTING_LINES("reporting-lines", RecordKind.REPORTING_LINE, Source.USERS, true),
    ACCOUNTS("accounts", RecordKind.ACCOUNT, Source.ACCOUNTS, true),
    CONTACTS("contacts", RecordKind.CONTACT, Source.CONTACTS, false),
    OPPORTUNITIES("opportunities", RecordKind.OPPORTUNITY, Source.OPPORTUNITIES, true);

    private final String streamName;
    private final RecordKind kind;
    private final Source file;
    private final boolean referencesUsers;

    CrmStream(String streamName, RecordKind kind, Source file, boolean referencesUsers) {
        this.streamName = streamName;
        this.kind = kind;
        this.file = file;
        this.referencesUsers = referencesUsers;
    }

    static Optional<CrmStream> named(String name) {
        return Arrays.stream(values()).filter(stream -> stream.streamName.equals(name)).findFirst();
    }

    String streamName() {
        return streamName;
    }

    /** Full refresh: an export is read whole, though not again while its files are unchanged. */
    StreamDescriptor descriptor() {
        return StreamDescriptor.fullRefresh(streamName, kind);
    }

    /** The file its rows come from. */
    Source file() {
        return file;
    }

    /** Whether it refers to users (owners, managers). */
    boolean referencesUsers() {
        return referencesUsers;
    }

    /** Every file its records depend on under {@code layout}: its own, and those joined or looked up. */
    List<Source> sources(Layout layout) {
        List<Source> sources = new ArrayList<>(List.of(file));
        if (referencesUsers && layout.ownersByName() && file != Source.USERS) {
            sources.add(Source.USERS);
        }
        if (this == OPPORTUNITIES && layout.historyFile()) {
            sources.add(Source.OPPORTUNITY_HISTORY);
        }
        return sources;
    }
}
