package org.plumly.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Opportunity;
import org.plumly.api.StageChange;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingSink;

/**
 * Each stream is a full refresh, yet cheap to run again: files unchanged since a read in full are not
 * read again, and a read stopped half-way goes on from its last checkpoint without losing a row.
 */
class RereadTest {
    private static final int OPPORTUNITIES = 2 * BatchedRead.BATCH + 200;

    @TempDir
    Path root;
    Imports imports;
    Path folder;

    @BeforeEach
    void writeExport() {
        imports = Imports.salesforceExport(root, OPPORTUNITIES);
        folder = imports.folder();
    }

    @Test
    void aReadCheckpointsEveryBatchAndEndsMarkingTheFilesReadInFull() throws Exception {
        RecordingSink full = imports.read("opportunities");

        assertThat(full.records()).hasSize(OPPORTUNITIES);
        assertThat(full.checkpoints()).extracting(state -> state.cursor().get("rows")).containsExactly("500", "1000", "1200");
        assertThat(full.checkpoints()).extracting(state -> state.cursor().get("complete")).containsExactly("false", "false", "true");
        assertThat(full.endsWithCheckpoint()).isTrue();
    }

    @Test
    void unchangedFilesAreNotReadAgain() throws Exception {
        StreamState saved = imports.read("opportunities").lastCheckpoint().orElseThrow();

        RecordingSink again = imports.read(saved);

        assertThat(again.records()).isEmpty();
        assertThat(again.checkpoints()).containsExactly(saved);
    }

    @Test
    void aChangedFileIsReadAgainInFull() throws Exception {
        StreamState saved = imports.read("opportunities").lastCheckpoint().orElseThrow();
        SalesforceExport.write(folder, OPPORTUNITIES + 1);

        assertThat(imports.read(saved).records()).hasSize(OPPORTUNITIES + 1);
    }

    @Test
    void aChangeToAJoinedFileAloneReadsTheStreamAgain() throws Exception {
        StreamState saved = imports.read("opportunities").lastCheckpoint().orElseThrow();
        StreamState users = imports.read("users").lastCheckpoint().orElseThrow();
        Path history = folder.resolve("OpportunityHistory.csv");
        Files.setLastModifiedTime(history, FileTime.from(Files.getLastModifiedTime(history).toInstant().plusSeconds(60)));

        assertThat(imports.read(saved).records()).hasSize(OPPORTUNITIES);
        assertThat(imports.read(users).records()).as("users do not depend on the history").isEmpty();
    }

    @Test
    void otherSettingsReadUnchangedFilesAgain() throws Exception {
        StreamState saved = imports.read("opportunities").lastCheckpoint().orElseThrow();

        assertThat(imports.with("currency", "EUR").read(saved).records()).hasSize(OPPORTUNITIES);
    }

    @Test
    void aStoppedReadGoesOnFromItsLastCheckpointWithoutLosingARow() throws Exception {
        RecordingSink stopped = imports.read(StreamState.initial("opportunities"), RecordingSink.stoppingAfterCheckpoints(1));

        assertThat(stopped.stopWasSeen()).isTrue();
        assertThat(stopped.refusedAfterStop()).isZero();
        assertThat(stopped.records()).hasSize(BatchedRead.BATCH);
        RecordingSink rest = imports.read(stopped.lastCheckpoint().orElseThrow());

        assertThat(rest.records()).hasSize(OPPORTUNITIES - BatchedRead.BATCH);
        Set<String> delivered = sourceIds(stopped);
        delivered.addAll(sourceIds(rest));
        assertThat(delivered).hasSize(OPPORTUNITIES).contains(SalesforceExport.opportunityId(1), SalesforceExport.opportunityId(OPPORTUNITIES));
        Opportunity first = Imports.records(rest, Opportunity.class).get(0);
        assertThat(first.source().sourceId()).isEqualTo(SalesforceExport.opportunityId(BatchedRead.BATCH + 1));
        assertThat(first.stageHistory()).as("joined after resuming too").extracting(StageChange::stage)
                .containsExactly("Prospecting", "Negotiation/Review", "Closed Lost");
    }

    @Test
    void aStoppedReadWhoseFileChangedStartsOver() throws Exception {
        RecordingSink stopped = imports.read(StreamState.initial("opportunities"), RecordingSink.stoppingAfterCheckpoints(1));
        Path file = folder.resolve("Opportunity.csv");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(imports.read(stopped.lastCheckpoint().orElseThrow()).records()).hasSize(OPPORTUNITIES);
    }

    @Test
    void aStateItDidNotWriteIsRefused() {
        for (Map<String, String> garbage : List.of(Map.of("rows", "12"), Map.of("source", "x", "rows", "-1", "complete", "true"),
                Map.of("source", "\u0000", "rows", "1", "complete", "true"), Map.of("source", "x", "rows", "1", "complete", "yes"))) {
            assertThatThrownBy(() -> imports.read(new StreamState("users", garbage)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.INVALID_STATE));
        }
    }

    private static Set<String> sourceIds(RecordingSink read) {
        return Imports.records(read, Opportunity.class).stream().map(o -> o.source().sourceId()).collect(Collectors.toSet());
    }
}
