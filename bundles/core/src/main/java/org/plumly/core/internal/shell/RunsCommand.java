package org.plumly.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plumly.api.SyncRun;
import org.plumly.api.TenantId;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.SyncRunStore;

/** {@code plumly:runs <tenant> <integration>}: the integration's latest runs, newest first. */
@Service
@Command(scope = "plumly", name = "runs", description = "Shows an integration's latest sync runs")
public final class RunsCommand implements Action {
    @Argument(index = 0, name = "tenant", required = true, description = "The tenant id")
    String tenant;

    @Argument(index = 1, name = "integration", required = true, description = "The integration id")
    String integration;

    @Option(name = "-n", description = "How many runs")
    int count = 10;

    @Reference
    SyncRunStore runs;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Run", "Trigger", "Status", "Started", "Finished", "Emitted", "Stored", "Rejected",
                "Discarded", "Last error"}) {
            table.column(column);
        }
        for (SyncRun run : runs.list(TenantId.of(tenant), integration, PageRequest.first(Math.max(1, Math.min(count, 100)))).items()) {
            SyncRun.StreamCounts total = run.total();
            table.addRow().addContent(run.id(), run.trigger(), run.status(), run.startedAt(),
                    run.finishedAt() == null ? "" : run.finishedAt(), total.emitted(), total.stored(), total.rejected(),
                    total.discarded(), run.errors().isEmpty() ? "" : run.errors().get(run.errors().size() - 1));
        }
        table.print(System.out);
        return null;
    }
}
