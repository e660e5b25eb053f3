package org.plumly.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.StageChange;
import org.plumly.api.connector.SourceFiles;
import org.plumly.connector.testkit.RecordingSink;
import org.plumly.connector.testkit.RecordingSink.Rejected;

/** The join of Salesforce's history file, chunk by chunk of the opportunities read ahead. */
class HistoryFileTest {
    @TempDir
    Path root;

    @Test
    void everyOpportunityGetsItsHistoryWhicheverChunkItIsIn() throws Exception {
        Imports imports = Imports.salesforceExport(root, 250);
        Csv.writeText(imports.folder(), "OpportunityHistory.csv", String.join(",", SalesforceExport.HISTORY) + "\n"
                + "008000000000009999," + SalesforceExport.opportunityId(250) + ",Renewal,,,2026-01-01T00:00:00.000Z\n"
                + "008000000000009998," + SalesforceExport.opportunityId(1) + ",Prospecting,,,not a date\n"
                + "008000000000009997," + SalesforceExport.opportunityId(2) + ",Prospecting,,,2025-01-01T00:00:00.000Z\n"
                + "008000000000009996,,Prospecting,,,2025-01-01T00:00:00.000Z\n");
        Export export = Export.in(SourceFiles.in(root), ExportSettings.of(imports.context().config()));
        RecordingSink sink = new RecordingSink();
        StageHistory.HistoryFile history = new StageHistory.HistoryFile(export, sink, 100);

        List<List<StageChange>> joined = new ArrayList<>();
        try (CsvFile opportunities = export.open(Source.OPPORTUNITIES)) {
            RowSource rows = history.rows(opportunities::next);
            for (Row row; (row = rows.next()) != null; ) {
                joined.add(history.of(row, row.text(Field.OPPORTUNITY_ID)));
            }
        }

        assertThat(joined).hasSize(250);
        assertThat(joined.get(249)).extracting(StageChange::stage).containsExactly("Renewal"); // in the third chunk
        assertThat(joined.get(1)).extracting(StageChange::stage).containsExactly("Prospecting");
        assertThat(joined.get(0)).isEmpty();
        assertThat(joined.subList(2, 249)).allMatch(List::isEmpty);
        assertThat(sink.rejections()).as("each once, though the file is scanned once per chunk").containsExactly(
                new Rejected("OpportunityHistory.csv row 3", "column CreatedDate is not a date (yyyy-MM-dd, with a time or not)"),
                new Rejected("OpportunityHistory.csv row 5", "column OpportunityId is empty"));
    }
}
