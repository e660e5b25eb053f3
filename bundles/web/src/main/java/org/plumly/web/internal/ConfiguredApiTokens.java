package org.plumly.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.privacy.Caller;
import org.plumly.api.privacy.Role;
import org.plumly.web.routes.ApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens kept as SHA-256 hashes in {@code etc/org.plumly.web.tokens.cfg}, one property per token:
 * {@code token.<hash> = <tenant>|<user>|<ROLE,ROLE>|<label>} (the tenant is empty for a platform
 * operator). The file holds no secret: a token cannot be recovered from its hash.
 */
@Component(service = {ApiTokens.class, ConfiguredApiTokens.class}, configurationPid = ConfiguredApiTokens.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ConfiguredApiTokens implements ApiTokens {
    static final String PID = "org.plumly.web.tokens";
    private static final String PREFIX = "token.";
    private static final String TOKEN_PREFIX = "plm_";
    private static final int ID_LENGTH = 12;
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredApiTokens.class);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> byHash = new ConcurrentHashMap<>();
    private final ConfigurationAdmin configurations;

    @Activate
    public ConfiguredApiTokens(@Reference ConfigurationAdmin configurations, Map<String, Object> properties) {
        this.configurations = configurations;
        load(properties);
    }

    @Modified
    synchronized void load(Map<String, Object> properties) {
        Map<String, IssuedToken> loaded = new ConcurrentHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                String hash = key.substring(PREFIX.length());
                parse(hash, String.valueOf(value)).ifPresentOrElse(token -> loaded.put(hash, token),
                        () -> LOG.warn("Ignoring malformed API token entry {} in {}.cfg", shortId(hash), PID));
            }
        });
        byHash.keySet().retainAll(loaded.keySet());
        byHash.putAll(loaded);
    }

    /** The caller a presented token authenticates as. */
    Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(token))).map(IssuedToken::caller);
    }

    @Override
    public synchronized String issue(Caller caller, String label) {
        String cleanLabel = label == null ? "" : label.replaceAll("[|\\p{Cntrl}]", " ").strip();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = hash(token);
        IssuedToken issued = new IssuedToken(shortId(hash), caller, cleanLabel);
        updateConfiguration(properties -> properties.put(PREFIX + hash, format(issued)));
        byHash.put(hash, issued);
        LOG.info("Issued API token {} for {} ({})", issued.id(), caller.user().value(), cleanLabel);
        return token;
    }

    @Override
    public synchronized boolean revoke(String tokenId) {
        List<String> hashes = byHash.keySet().stream().filter(hash -> shortId(hash).equals(tokenId)).toList();
        if (hashes.isEmpty()) {
            return false;
        }
        byHash.keySet().removeAll(hashes);
        updateConfiguration(properties -> hashes.forEach(hash -> properties.remove(PREFIX + hash)));
        LOG.info("Revoked API token {}", tokenId);
        return true;
    }

    @Override
    public List<IssuedToken> list() {
        return new ArrayList<>(byHash.values());
    }

    private void updateConfiguration(Consumer<Dictionary<String, Object>> change) {
        try {
            Configuration configuration = configurations.getConfiguration(PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            change.accept(properties);
            configuration.update(properties);
        } catch (IOException e) {
            throw new IllegalStateException("could not save the API tokens to " + PID + ".cfg", e);
        }
    }

    private static String format(IssuedToken token) {
        Caller caller = token.caller();
        return (caller.tenant() == null ? "" : caller.tenant().value()) + "|" + caller.user().value() + "|"
                + caller.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")) + "|" + token.label();
    }

    private static Optional<IssuedToken> parse(String hash, String value) {
        String[] parts = value.split("\\|", 4);
        if (parts.length < 3 || !hash.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Arrays.stream(parts[2].split(",")).map(String::strip).filter(r -> !r.isEmpty()).map(Role::valueOf).forEach(roles::add);
            TenantId tenant = parts[0].isBlank() ? null : TenantId.of(parts[0].strip());
            Caller caller = new Caller(tenant, UserId.of(parts[1].strip()), roles);
            return Optional.of(new IssuedToken(shortId(hash), caller, parts.length == 4 ? parts[3] : ""));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String shortId(String hash) {
        return hash.substring(0, Math.min(ID_LENGTH, hash.length()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
