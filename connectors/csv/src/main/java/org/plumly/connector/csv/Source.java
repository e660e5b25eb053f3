package org.plumly.connector.csv;

/**
 * One file of an export: what it holds, and the prefix of its {@code mapping.…} settings. The users
 * file feeds both the users and the reporting-lines stream; the opportunity history file only joins
 * the opportunities stream.
 */
enum Source {
    USERS("users"), ACCOUNTS("accounts"), CONTACTS("contacts"), OPPORTUNITIES("opportunities"),
    OPPORTUNITY_HISTORY("opportunities.history");

    private final String key;

    Source(String key) {
        this.key = key;
    }

    /** As it appears in settings, such as {@code opportunities.history}. */
    String key() {
        return key;
    }

    /** The setting that names the file in the folder instead of the layout's name. */
    String fileSetting() {
        return "mapping." + key + ".file";
    }
}
