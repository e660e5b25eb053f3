package ${package};

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
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

/**
 * Reads the contacts of ${connectorType}: {@code GET /v1/contacts?modifiedSince=…&cursor=…} with the
 * API key in {@code X-Api-Key} answers {@code {"data": [contacts, oldest change first], "nextCursor": …}}.
 * The stream resumes from the newest modification time it delivered; that instant is read again
 * (cursors are inclusive) and the hub drops the repeats by their source id.
 */
@Component(service = Connector.class)
public class ${connectorClass}Connector implements Connector {
    static final String CONTACTS = "contacts";
    private static final String DEFAULT_URL = "https://api.${connectorType}.example";
    private static final String MODIFIED_SINCE = "modifiedSince";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec("${connectorType}", "${connectorClass}", AuthorizationKind.API_KEY,
                Set.of(URI.create(DEFAULT_URL).getHost()),
                List.of(new ConfigField("baseUrl", "API address", ConfigField.Type.URL, false, false, DEFAULT_URL),
                        ConfigField.secret("apiKey", "API key")));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        try {
            contacts(context, Instant.EPOCH, null);
            return CheckResult.ok();
        } catch (ConnectorException failed) {
            return CheckResult.failed(failed.getMessage());
        }
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) {
        return List.of(StreamDescriptor.incremental(CONTACTS, RecordKind.CONTACT));
    }

    @Override
    public void read(ConnectorContext context, StreamState state, RecordSink sink) throws ConnectorException {
        Instant since = modifiedSince(state);
        Instant newest = since;
        String page = null;
        do {
            Map<?, ?> answer = contacts(context, since, page);
            for (Object item : listIn(answer, "data")) {
                try {
                    Map<?, ?> fields = (Map<?, ?>) item;
                    Instant modified = Instant.parse(text(fields, "updatedAt"));
                    sink.emit(contact(context.config(), fields));
                    newest = modified.isAfter(newest) ? modified : newest;
                } catch (RuntimeException malformed) { // ClassCastException, DateTimeParseException, IllegalArgumentException
                    sink.reject("contacts page after " + since, "malformed contact: " + malformed.getClass().getSimpleName());
                }
            }
            sink.checkpoint(state.with(MODIFIED_SINCE, newest.toString()));
            page = answer.get("nextCursor") instanceof String next ? next : null;
        } while (page != null && !sink.stopRequested());
    }

    private static Instant modifiedSince(StreamState state) throws ConnectorException {
        if (state.isInitial()) {
            return Instant.EPOCH;
        }
        String saved = state.find(MODIFIED_SINCE)
                .orElseThrow(() -> ConnectorException.invalidState("the state of " + state.stream() + " holds no " + MODIFIED_SINCE));
        try {
            return Instant.parse(saved);
        } catch (DateTimeParseException garbage) {
            throw ConnectorException.invalidState(MODIFIED_SINCE + " of " + state.stream() + " is not an instant");
        }
    }

    private static Contact contact(ConnectorConfig config, Map<?, ?> fields) {
        SourceRef source = new SourceRef(config.integration(), CONTACTS, text(fields, "id"));
        Object email = fields.get("email");
        return new Contact(config.tenant(), ContactId.of(source.entityId()), null, text(fields, "name"),
                email instanceof String address ? List.of(address) : List.of(), null,
                fields.get("title") instanceof String title ? title : null, source);
    }

    private static Map<?, ?> contacts(ConnectorContext context, Instant since, String page) throws ConnectorException {
        ConnectorConfig config = context.config();
        String url = config.find("baseUrl").orElse(DEFAULT_URL).replaceAll("/+$", "") + "/v1/contacts?" + MODIFIED_SINCE + "="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8)
                + (page == null ? "" : "&cursor=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw ConnectorException.misconfigured("the API address is not a URL");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("X-Api-Key", config.get("apiKey"))
                .header("Accept", "application/json")
                .build();
        HttpResponse<String> response = context.egress().send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw ConnectorException.unauthorized(uri.getHost() + " refused the API key (HTTP " + status + ")");
        }
        if (status == 404) {
            throw ConnectorException.misconfigured("no contacts API at " + uri.getHost() + uri.getPath());
        }
        if (status != 200) {
            throw ConnectorException.transientFailure("HTTP " + status + " from " + uri.getHost(), null);
        }
        try {
            return (Map<?, ?>) Json.parse(response.body());
        } catch (IllegalArgumentException | ClassCastException malformed) {
            throw ConnectorException.transientFailure("malformed answer from " + uri.getHost() + ": " + malformed.getMessage(), malformed);
        }
    }

    private static List<?> listIn(Map<?, ?> answer, String key) throws ConnectorException {
        if (answer.get(key) instanceof List<?> list) {
            return list;
        }
        throw ConnectorException.transientFailure("answer without a '" + key + "' list", null);
    }

    private static String text(Map<?, ?> fields, String key) {
        Object value = fields.get(key);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        throw new IllegalArgumentException("no " + key);
    }
}
