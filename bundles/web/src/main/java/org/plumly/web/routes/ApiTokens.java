package org.plumly.web.routes;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.plumly.api.privacy.Caller;

/**
 * API tokens: what a script, an integration test or an operator's tool presents as
 * {@code Authorization: Bearer <token>}. The hub keeps only a hash of each token; the token itself is
 * shown once, when issued.
 *
 * <pre>{@code
 * String token = tokens.issue(new Caller(acme, UserId.of("admin-1"), Set.of(Role.COMPANY_ADMIN)), "deploy script");
 * }</pre>
 */
@ProviderType
public interface ApiTokens {

    /** Issues a token that authenticates as {@code caller}; returns the token, which is not kept. */
    String issue(Caller caller, String label);

    /** Withdraws the token with this id (its hash prefix, as {@link #list} shows it); false when none. */
    boolean revoke(String tokenId);

    /** The tokens issued, without their secrets. */
    List<IssuedToken> list();

    /** A token as the hub remembers it: an id, who it authenticates as, and a label. */
    record IssuedToken(String id, Caller caller, String label) {
    }
}
