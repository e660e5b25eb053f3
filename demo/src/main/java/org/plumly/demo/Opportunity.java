package org.plumly.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deal with its full history, oldest row first, and the contacts it is worked with (the main one first). */
record Opportunity(String id, String name, String accountId, String ownerId, String product, boolean expansion,
                   Fate fate, String currency, List<HistoryRow> history, List<String> contactIds) {

    HistoryRow last() {
        return history.get(history.size() - 1);
    }

    Stage stage() {
        return last().stage();
    }

    BigDecimal amount() {
        return last().amount();
    }

    LocalDate closeDate() {
        return last().closeDate();
    }

    Instant created() {
        return history.get(0).at();
    }

    boolean isClosed() {
        return stage().isClosed();
    }

    boolean isWon() {
        return stage() == Stage.CLOSED_WON;
    }
}
