package org.plumly.connector.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a CRM export, a folder of CSV files the operator placed in the tenant's import folder, read
 * only through {@link ConnectorContext#files()}. Streams {@code users}, {@code reporting-lines} (from the
 * users file's manager column), {@code accounts}, {@code contacts} and {@code opportunities} (with their
 * stage history), each a full refresh that is skipped while its files are unchanged.
 *
 * <p>Settings: {@code folder} (required, relative to the import folder), {@code layout}, {@code currency}
 * (of amounts in rows without one, default USD), and {@code mapping.<file>.<field>} to read a field from
 * another column, {@code mapping.<file>.file} to read a file of another name (such as
 * {@code mapping.opportunities.file = hubspot-crm-exports-all-deals-2026-11-25.csv}).
 *
 * <table>
 * <caption>The files of each layout</caption>
 * <tr><th>file</th><th>{@code salesforce} (default)</th><th>{@code hubspot}</th></tr>
 * <tr><td>users</td><td>{@code User.csv}: Id, Name, Email, ManagerId, IsActive, CreatedDate</td>
 *     <td>{@code owners.csv} (Users &amp; Teams export): User ID, First Name, Last Name, Email, Manager (optional)</td></tr>
 * <tr><td>accounts</td><td>{@code Account.csv}: Id, Name, Website, OwnerId</td>
 *     <td>{@code companies.csv}: Record ID, Company name, Company Domain Name, Website URL, Company owner</td></tr>
 * <tr><td>contacts</td><td>{@code Contact.csv}: Id, AccountId, FirstName, LastName, Email, Phone, Title</td>
 *     <td>{@code contacts.csv}: Record ID, Associated Company IDs (Primary) or Associated Company IDs, First Name,
 *     Last Name, Email, Phone Number, Job Title</td></tr>
 * <tr><td>opportunities</td><td>{@code Opportunity.csv}: Id, Name, AccountId, OwnerId, StageName, Amount,
 *     CurrencyIsoCode, CloseDate, CreatedDate, IsClosed, IsWon</td>
 *     <td>{@code deals.csv}: Record ID, Deal Name, Associated Company IDs (Primary), Deal owner, Deal Stage, Amount,
 *     Currency, Close Date, Create Date, Is Deal Closed?, Is Closed Won, {@code Date entered "<stage> (<pipeline>)"}</td></tr>
 * <tr><td>opportunities.history</td><td>{@code OpportunityHistory.csv}: OpportunityId, StageName, CloseDate,
 *     CreatedDate</td><td>none: the deal's Date entered columns</td></tr>
 * </table>
 *
 * <p>HubSpot names owners ({@code Dana Reyes}, or {@code Dana Reyes (dana@acme.example)}); they are found in
 * the owners file by e-mail, else by name. Dates are {@code yyyy-MM-dd}, with or without a time; a time
 * without an offset is UTC. A row that makes no record is rejected as {@code Opportunity.csv row 17}
 * (the header is row 1) with a reason naming the column, and the other rows go on.
 */
@Component(service = Connector.class)
public class CsvConnector implements Connector {
    private static final Logger LOG = LoggerFactory.getLogger(CsvConnector.class);

    @Override
    public ConnectorSpec spec() {
        List<ConfigField> fields = new ArrayList<>(List.of(
                ConfigField.text(ExportSettings.FOLDER, "Folder of the export, relative to the import folder", true),
                new ConfigField(ExportSettings.LAYOUT, "Layout of the export: salesforce (Data Loader) or hubspot",
                        ConfigField.Type.TEXT, false, false, ExportSettings.DEFAULT_LAYOUT),
                new ConfigField(ExportSettings.CURRENCY, "Currency of amounts in rows without one (ISO 4217 code)",
                        ConfigField.Type.TEXT, false, false, ExportSettings.DEFAULT_CURRENCY)));
        for (Source source : Source.values()) {
            fields.add(ConfigField.text(source.fileSetting(), "File name of the " + source.key() + " instead of "
                    + byLayout(layout -> Optional.ofNullable(layout.files().get(source))), false));
            for (Field field : Field.of(source)) {
                fields.add(ConfigField.text(field.setting(), "Column of the " + source.key() + " file that holds "
                        + field.meaning() + ", instead of " + byLayout(layout -> layout.column(field).map(c -> c.headers().get(0))), false));
            }
        }
        return new ConnectorSpec("csv", "CRM export (CSV)", AuthorizationKind.NONE, Set.of(), fields);
    }

    private static String byLayout(Function<Layout, Optional<String>> what) {
        return Arrays.stream(Layout.values())
                .map(layout -> layout.key() + ": " + what.apply(layout).map(name -> "'" + name + "'").orElse("none"))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        try {
            Export export = Export.in(context.files(), ExportSettings.of(context.config()));
            for (Source source : Source.values()) {
                if (export.settings().fileName(source).isPresent()) {
                    export.open(source).close();
                }
            }
            return CheckResult.ok();
        } catch (ConnectorException failed) {
            return CheckResult.failed(failed.getMessage());
        } catch (RuntimeException failed) {
            LOG.warn("Checking a CSV export failed", failed);
            return CheckResult.failed("the export could not be read (" + failed.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) {
        return Arrays.stream(CrmStream.values()).map(CrmStream::descriptor).toList();
    }

    @Override
    public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
        CrmStream stream = CrmStream.named(state.stream())
                .orElseThrow(() -> ConnectorException.misconfigured("the CSV connector has no stream " + state.stream()));
        ReadCursor cursor = ReadCursor.of(state);
        Export export = Export.in(context.files(), ExportSettings.of(context.config()));
        String source = export.fingerprint(stream.sources(export.settings().layout()));
        if (ReadCursor.readInFull(cursor, source)) {
            sink.checkpoint(state); // unchanged since read in full: nothing to read
            return;
        }
        Owners owners = stream.referencesUsers() ? Owners.of(export) : cell -> Optional.empty();
        CrmRecords records = new CrmRecords(context.config(), export, owners);
        try (CsvFile file = export.open(stream.file())) {
            BatchedRead.Join join = BatchedRead.Join.NONE;
            BatchedRead.Mapping mapping = switch (stream) {
                case USERS -> records::user;
                case REPORTING_LINES -> records::reportingLine;
                case ACCOUNTS -> records::account;
                case CONTACTS -> records::contact;
                case OPPORTUNITIES -> {
                    StageHistory history = StageHistory.of(export, file, sink);
                    join = history;
                    yield row -> records.opportunity(row, history);
                }
            };
            BatchedRead.read(file, stream.streamName(), source, ReadCursor.rowsDone(cursor, source), join, mapping, sink);
        }
        if (records.unknownOwners() > 0) {
            LOG.info("CSV import of {}/{}: {} rows of {} name an owner {} does not hold; kept without an owner",
                    context.config().tenant().value(), context.config().integration(), records.unknownOwners(),
                    export.name(stream.file()), export.name(Source.USERS));
        }
    }
}
