package org.plumly.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.SourceRef;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/**
 * A third party's connector as the mid-sync update test ships it, in two builds: it reads accounts page
 * by page from an HTTP source ({@code GET <url>/accounts?page=N}, one {@code id,name} line per account,
 * 204 after the last page) and checkpoints after every page.
 */
public class PagedSourceConnector implements Connector, BundleActivator {
    static final String TYPE = "paged-source";

    /** Which build this is: the spec's name says it, so the test can tell v1 from v2. */
    protected String build() {
        return "1";
    }

    @Override
    public void start(BundleContext context) {
        context.registerService(Connector.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
    }

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(TYPE, "Paged source (build " + build() + ")", AuthorizationKind.NONE, Set.of(),
                List.of(new ConfigField("url", "Source URL", ConfigField.Type.URL, true, false, null)));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        try {
            int status = context.egress().send(request(context, "/accounts?page=check"), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 || status == 204 ? CheckResult.ok() : CheckResult.failed("the source answered " + status);
        } catch (ConnectorException e) {
            return CheckResult.failed(e.getMessage());
        }
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) {
        return List.of(StreamDescriptor.incremental("accounts", RecordKind.ACCOUNT));
    }

    @Override
    public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
        int page;
        try {
            page = Integer.parseInt(state.find("page").orElse("0"));
        } catch (NumberFormatException e) {
            throw ConnectorException.invalidState("page is not a number");
        }
        while (!sink.stopRequested()) {
            HttpResponse<InputStream> response = context.egress().send(request(context, "/accounts?page=" + page),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 204) {
                return;
            }
            if (response.statusCode() != 200) {
                throw ConnectorException.transientFailure("the source answered " + response.statusCode(), null);
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String[] fields = line.split(",", 2);
                    SourceRef source = new SourceRef(context.config().integration(), "accounts", fields[0]);
                    sink.emit(new Account(context.config().tenant(), AccountId.of(source.entityId()), fields[1], Set.of(), null, source));
                }
            } catch (IOException e) {
                throw ConnectorException.transientFailure("the page broke off", e);
            }
            page++;
            sink.checkpoint(state.with("page", Integer.toString(page)));
        }
    }

    private static HttpRequest request(ConnectorContext context, String path) {
        return HttpRequest.newBuilder(URI.create(context.config().get("url") + path)).build();
    }
}
