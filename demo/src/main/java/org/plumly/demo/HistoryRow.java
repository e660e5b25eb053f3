package org.plumly.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One OpportunityHistory row: a stage entered, or a new close date or amount within the same stage. */
record HistoryRow(String id, Stage stage, BigDecimal amount, LocalDate closeDate, Instant at) {
}
