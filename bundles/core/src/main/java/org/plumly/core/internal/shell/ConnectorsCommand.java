package org.plumly.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.plumly.core.internal.connectors.ConnectorRegistry;

/** {@code plumly:connectors}: the connectors installed on this hub. */
@Service
@Command(scope = "plumly", name = "connectors", description = "Lists the installed connectors")
public final class ConnectorsCommand implements Action {
    @Reference
    ConnectorRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Type");
        table.column("Name");
        table.column("Authorization");
        table.column("Bundle");
        registry.all().forEach(installed -> table.addRow().addContent(installed.spec().type(), installed.spec().name(),
                installed.spec().authorization().name(), installed.bundle()));
        table.print(System.out);
        return null;
    }
}
