package org.plumly.core.internal.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.plumly.api.Account;
import org.plumly.api.Activity;
import org.plumly.api.Integration;
import org.plumly.api.Opportunity;
import org.plumly.api.Participant;
import org.plumly.api.StageChange;
import org.plumly.api.SyncRun;
import org.plumly.api.User;
import org.plumly.api.connector.ConfigField;
import org.plumly.api.connector.ConnectorSpec;
import org.plumly.core.internal.connectors.ConnectorRegistry;

/** The API's JSON for connectors, integrations, runs, opportunities and activities. Never a secret value. */
final class Json {
    private Json() {
    }

    static JsonObject connector(ConnectorRegistry.Installed installed) {
        ConnectorSpec spec = installed.spec();
        JsonArray fields = new JsonArray();
        for (ConfigField field : spec.fields()) {
            JsonObject json = new JsonObject().put("key", field.key()).put("label", field.label())
                    .put("type", field.type().name()).put("required", field.required()).put("secret", field.secret());
            if (field.defaultValue() != null && !field.secret()) {
                json.put("default", field.defaultValue());
            }
            fields.add(json);
        }
        JsonObject json = new JsonObject().put("type", spec.type()).put("name", spec.name())
                .put("authorization", spec.authorization().name())
                .put("scopes", new JsonArray(spec.scopes().stream().sorted().toList()))
                .put("allowedHosts", new JsonArray(spec.allowedHosts().stream().sorted().toList()))
                .put("fields", fields).put("bundle", installed.bundle());
        if (spec.oauth2() != null) {
            json.put("oauth2", new JsonObject().put("authorizationEndpoint", spec.oauth2().authorization().toString())
                    .put("tokenEndpoint", spec.oauth2().token().toString()));
        }
        return json;
    }

    static JsonObject integration(Integration integration, Set<String> secretsSet, boolean syncing) {
        JsonObject json = new JsonObject().put("id", integration.id()).put("connector", integration.connectorType())
                .put("status", integration.status().name()).put("settings", new JsonObject(Map.copyOf(integration.settings())))
                .put("syncIntervalMinutes", integration.syncInterval().toMinutes())
                .put("createdBy", integration.createdBy()).put("createdAt", integration.createdAt().toString())
                .put("syncing", syncing);
        if (secretsSet != null) {
            json.put("secretsSet", new JsonArray(secretsSet.stream().sorted().toList()));
        }
        if (integration.authorizedBy() != null) {
            json.put("authorizedBy", integration.authorizedBy()).put("authorizedAt", integration.authorizedAt().toString());
        }
        return json;
    }

    static JsonObject run(SyncRun run) {
        JsonObject streams = new JsonObject();
        run.streams().forEach((name, counts) -> streams.put(name, counts(counts)));
        JsonArray rejections = new JsonArray();
        run.rejections().forEach(r -> rejections.add(new JsonObject().put("stream", r.stream()).put("location", r.location())
                .put("reason", r.reason())));
        JsonObject json = new JsonObject().put("id", run.id()).put("integration", run.integration())
                .put("trigger", run.trigger().name()).put("status", run.status().name()).put("node", run.node())
                .put("startedAt", run.startedAt().toString()).put("total", counts(run.total())).put("streams", streams)
                .put("errors", new JsonArray(run.errors())).put("rejections", rejections);
        if (run.finishedAt() != null) {
            json.put("finishedAt", run.finishedAt().toString());
        }
        return json;
    }

    /** An opportunity with the names of its account and owner (null when the directory has none). */
    static JsonObject opportunity(Opportunity opportunity, Account account, User owner) {
        JsonObject json = new JsonObject().put("id", opportunity.id().value()).put("name", opportunity.name())
                .put("stage", opportunity.stage()).put("status", opportunity.status().name())
                .put("owner", person(opportunity.owner().value(), owner == null ? null : owner.name()))
                .put("createdAt", opportunity.createdAt().toString());
        if (opportunity.account() != null) {
            json.put("account", new JsonObject().put("id", opportunity.account().value())
                    .put("name", account == null ? null : account.name()));
        }
        if (opportunity.amount() != null) {
            json.put("amount", new JsonObject().put("value", opportunity.amount().amount().toPlainString())
                    .put("currency", opportunity.amount().currency().getCurrencyCode()));
        }
        if (opportunity.closeDate() != null) {
            json.put("closeDate", opportunity.closeDate().toString());
        }
        JsonArray history = new JsonArray();
        for (StageChange change : opportunity.stageHistory()) {
            JsonObject entry = new JsonObject().put("stage", change.stage()).put("enteredAt", change.enteredAt().toString());
            if (change.closeDate() != null) {
                entry.put("closeDate", change.closeDate().toString());
            }
            history.add(entry);
        }
        return json.put("stageHistory", history);
    }

    /** An e-mail or meeting on a time line, with the people in it. */
    static JsonObject activity(Activity activity) {
        JsonArray participants = new JsonArray();
        for (Participant participant : activity.participants()) {
            JsonObject json = new JsonObject().put("email", participant.email()).put("name", participant.name())
                    .put("role", participant.role().name());
            if (participant.response() != null) {
                json.put("response", participant.response().name());
            }
            participants.add(json);
        }
        JsonObject json = new JsonObject().put("id", activity.id().value()).put("kind", activity.kind().name())
                .put("direction", activity.direction().name()).put("occurredAt", activity.occurredAt().toString())
                .put("subject", activity.subject()).put("participants", participants).put("cancelled", activity.cancelled())
                .put("source", new JsonObject().put("integration", activity.source().integration())
                        .put("stream", activity.source().stream()));
        if (activity.endsAt() != null) {
            json.put("endsAt", activity.endsAt().toString());
        }
        if (activity.owner() != null) {
            json.put("owner", activity.owner().value());
        }
        if (activity.account() != null) {
            json.put("account", activity.account().value());
        }
        return json;
    }

    private static JsonObject person(String id, String name) {
        return new JsonObject().put("id", id).put("name", name);
    }

    private static JsonObject counts(SyncRun.StreamCounts counts) {
        return new JsonObject().put("emitted", counts.emitted()).put("stored", counts.stored())
                .put("rejected", counts.rejected()).put("discarded", counts.discarded());
    }
}
