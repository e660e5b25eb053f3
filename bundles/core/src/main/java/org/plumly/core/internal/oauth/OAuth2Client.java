package org.plumly.core.internal.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.Egress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The client side of the OAuth2 authorization-code grant (RFC 6749) with PKCE S256 (RFC 7636): the URL
 * the admin's browser is sent to, the code exchange and the refresh. Token requests go out through the
 * integration's {@link Egress}, so that the token endpoint obeys its allowed hosts. Failures become
 * {@link ConnectorException}s of the kind the engine acts on; their messages never hold a token, a code,
 * a verifier or a client secret.
 */
public final class OAuth2Client {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_DESCRIPTION = 200;
    /** Errors after which the grant or the client is no good: an admin must authorize again. */
    private static final Set<String> GRANT_GONE = Set.of("invalid_grant", "invalid_client", "unauthorized_client",
            "access_denied");

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public OAuth2Client(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The authorization request URL (RFC 6749 section 4.1.1 with RFC 7636 section 4.3); the endpoint's own query is kept. */
    public URI authorizationUrl(URI authorizationEndpoint, ClientCredentials client, URI redirectUri, Set<String> scopes,
            String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.clientId());
        query.put("redirect_uri", redirectUri.toString());
        if (!scopes.isEmpty()) {
            query.put("scope", scopes.stream().sorted().collect(Collectors.joining(" ")));
        }
        query.put("state", Objects.requireNonNull(state, "state"));
        query.put("code_challenge", Objects.requireNonNull(codeChallenge, "code challenge"));
        query.put("code_challenge_method", "S256");
        String base = authorizationEndpoint.toString();
        String separator = authorizationEndpoint.getRawQuery() == null ? "?" : "&";
        if (base.indexOf('#') >= 0) {
            throw new IllegalArgumentException("an authorization endpoint has no fragment: " + authorizationEndpoint);
        }
        return URI.create(base + separator + form(query).replace("+", "%20"));
    }

    /** Redeems an authorization code (RFC 6749 section 4.1.3) with its PKCE verifier. */
    public TokenSet exchangeCode(Egress egress, TokenEndpoint endpoint, String code, String codeVerifier, URI redirectUri,
            Set<String> requestedScopes) throws ConnectorException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", Objects.requireNonNull(code, "code"));
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", Objects.requireNonNull(codeVerifier, "code verifier"));
        return tokenRequest(egress, endpoint, form, requestedScopes, "the code exchange", code, codeVerifier);
    }

    /**
     * Gets a new access token with a refresh token (RFC 6749 section 6). When the server rotates the refresh
     * token the result holds the new one; otherwise it keeps {@code refreshToken}.
     */
    public TokenSet refresh(Egress egress, TokenEndpoint endpoint, String refreshToken, Set<String> grantedScopes)
            throws ConnectorException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", Objects.requireNonNull(refreshToken, "refresh token"));
        return tokenRequest(egress, endpoint, form, grantedScopes, "the refresh", refreshToken)
                .keepingRefreshToken(refreshToken);
    }

    private TokenSet tokenRequest(Egress egress, TokenEndpoint endpoint, Map<String, String> form, Set<String> scopesIfUnsaid,
            String what, String... sent) throws ConnectorException {
        ClientCredentials client = endpoint.client();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.uri())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (client.authentication() == ClientCredentials.Authentication.CLIENT_SECRET_BASIC && client.clientSecret() != null) {
            String pair = URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", client.clientId());
            if (client.clientSecret() != null) {
                form.put("client_secret", client.clientSecret());
            }
        }
        Instant sentAt = clock.instant();
        HttpResponse<String> response = egress.send(request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String[] secrets = Arrays.copyOf(sent, sent.length + 1);
        secrets[sent.length] = client.clientSecret();
        String at = "the token endpoint " + endpoint.uri();
        int status = response.statusCode();
        if (status == 200) {
            return tokens(parse(response, at, what), at, what, sentAt, scopesIfUnsaid);
        }
        if (status >= 500) {
            throw ConnectorException.transientFailure(at + " failed " + what + " with HTTP " + status, null);
        }
        String error = oauthError(response, secrets);
        if (status == 401 || status == 403 || GRANT_GONE.stream().anyMatch(error::startsWith)) {
            throw ConnectorException.unauthorized(at + " refused " + what + " (HTTP " + status + (error.isEmpty() ? "" : ", " + error)
                    + "): the grant is no longer valid and an admin must authorize the integration again");
        }
        throw ConnectorException.misconfigured(at + " rejected " + what + " (HTTP " + status
                + (error.isEmpty() ? "" : ", " + error) + ")");
    }

    private JsonNode parse(HttpResponse<String> response, String at, String what) throws ConnectorException {
        String type = response.headers().firstValue("Content-Type").orElse("none");
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JsonProcessingException notJson) {
            throw ConnectorException.misconfigured(at + " answered " + what + " with HTTP 200 but not with JSON (Content-Type "
                    + type + "): is it the right token URL?");
        }
        if (body == null || !body.isObject()) {
            throw ConnectorException.misconfigured(at + " answered " + what + " with HTTP 200 but not with a JSON object");
        }
        return body;
    }

    private TokenSet tokens(JsonNode body, String at, String what, Instant sentAt, Set<String> scopesIfUnsaid)
            throws ConnectorException {
        JsonNode access = body.get("access_token");
        if (access == null || !access.isTextual() || access.asText().isBlank()) {
            throw ConnectorException.misconfigured(at + " answered " + what + " without an access_token (fields: "
                    + fieldNames(body) + ")");
        }
        JsonNode type = body.get("token_type");
        if (type != null && !"bearer".equalsIgnoreCase(type.asText())) {
            throw ConnectorException.misconfigured(at + " answered " + what + " with token_type '" + type.asText()
                    + "'; only Bearer tokens are supported");
        }
        Instant expiresAt = null;
        JsonNode expiresIn = body.get("expires_in");
        if (expiresIn != null && !expiresIn.isNull()) {
            long seconds;
            try {
                seconds = expiresIn.isNumber() ? expiresIn.asLong() : Long.parseLong(expiresIn.asText().trim());
            } catch (NumberFormatException notNumber) {
                throw ConnectorException.misconfigured(at + " answered " + what + " with an expires_in that is not a number");
            }
            expiresAt = sentAt.plusSeconds(Math.max(0, seconds));
        }
        JsonNode refresh = body.get("refresh_token");
        String refreshToken = refresh != null && refresh.isTextual() ? refresh.asText() : null;
        JsonNode scope = body.get("scope");
        Set<String> scopes = scope != null && scope.isTextual()
                ? Arrays.stream(scope.asText().trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet())
                : scopesIfUnsaid;
        return new TokenSet(access.asText(), refreshToken, expiresAt, scopes);
    }

    /** {@code error: description} of an RFC 6749 section 5.2 reply, with anything we sent blanked out; empty when there is none. */
    private String oauthError(HttpResponse<String> response, String[] sent) {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JsonProcessingException notJson) {
            return "";
        }
        if (body == null || !body.isObject() || !body.path("error").isTextual()) {
            return "";
        }
        String error = body.get("error").asText().replaceAll("[^\\x21-\\x7e]", "");
        String description = body.path("error_description").asText("");
        for (String secret : sent) {
            if (secret != null && !secret.isEmpty()) {
                description = description.replace(secret, "****");
            }
        }
        description = description.replaceAll("\\p{Cntrl}", " ").strip();
        if (description.length() > MAX_DESCRIPTION) {
            description = description.substring(0, MAX_DESCRIPTION) + "…";
        }
        return description.isEmpty() ? error : error + ": " + description;
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
