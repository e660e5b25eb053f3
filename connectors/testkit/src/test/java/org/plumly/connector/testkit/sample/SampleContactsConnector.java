package org.plumly.connector.testkit.sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.plumly.api.Contact;
import org.plumly.api.ContactId;
import org.plumly.api.SourceRef;
import org.plumly.api.connector.AuthorizationKind;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorContext;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.api.connector.RecordKind;
import org.plumly.api.connector.RecordSink;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.api.connector.StreamState;

/** A connector that keeps every rule of the kit: reads {@link SampleCrm}'s contacts page by page through the egress. */
class SampleContactsConnector implements Connector {
    static final String STREAM = "contacts";
    private static final String CURSOR = "modifiedSince";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec("sample-crm", "Sample CRM", AuthorizationKind.API_KEY, Set.of("api.sample-crm.example"),
                List.of(new ConfigField("baseUrl", "API address", ConfigField.Type.URL, true, false, "https://api.sample-crm.example"),
                        ConfigField.secret("apiKey", "API key")));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        try {
            page(context, Instant.EPOCH, 0);
            return CheckResult.ok();
        } catch (ConnectorException failed) {
            return CheckResult.failed(failed.getMessage());
        }
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) {
        return List.of(StreamDescriptor.incremental(STREAM, RecordKind.CONTACT));
    }

    @Override
    public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
        Instant since = since(state);
        ConnectorConfig config = context.config();
        Instant newest = since;
        for (Integer page = 0; page != null; ) {
            JsonNode body = page(context, since, page);
            for (JsonNode contact : body.get("contacts")) {
                SourceRef source = new SourceRef(config.integration(), STREAM, contact.get("id").asText());
                sink.emit(new Contact(config.tenant(), ContactId.of(source.entityId()), null, contact.get("name").asText(),
                        List.of(contact.get("email").asText()), null, null, source));
                Instant modified = Instant.parse(contact.get("modified").asText());
                newest = modified.isAfter(newest) ? modified : newest;
            }
            sink.checkpoint(state.with(CURSOR, newest.toString()));
            page = body.get("nextPage").isNull() || sink.stopRequested() ? null : body.get("nextPage").asInt();
        }
    }

    private static Instant since(StreamState state) throws ConnectorException {
        if (state.isInitial()) {
            return Instant.EPOCH;
        }
        String cursor = state.find(CURSOR).orElseThrow(() -> ConnectorException.invalidState("no " + CURSOR + " in the state"));
        try {
            return Instant.parse(cursor);
        } catch (DateTimeParseException garbage) {
            throw ConnectorException.invalidState(CURSOR + " is not an instant");
        }
    }

    private static JsonNode page(ConnectorContext context, Instant since, int page) throws ConnectorException {
        ConnectorConfig config = context.config();
        URI uri = URI.create(config.get("baseUrl") + "/v1/contacts?modifiedSince="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8) + "&page=" + page);
        HttpRequest request = HttpRequest.newBuilder(uri).header("X-Api-Key", config.get("apiKey")).build();
        HttpResponse<String> response = context.egress().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            throw ConnectorException.unauthorized("the API key was refused by " + uri.getHost());
        }
        if (response.statusCode() != 200) {
            throw ConnectorException.transientFailure("HTTP " + response.statusCode() + " from " + uri.getHost(), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException malformed) {
            throw ConnectorException.transientFailure("malformed page from " + uri.getHost(), malformed);
        }
    }
}
