package org.plumly.api.privacy;

import java.util.Objects;

/**
 * A policy's answer: permit, deny, or no opinion (abstain), with the reason, which is audited.
 *
 * @param reason such as {@code "manager of dana on 2026-11-25"}; no personal data
 */
public record Decision(Effect effect, String reason) {
    public Decision {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(reason, "reason");
    }

    public static Decision permit(String reason) {
        return new Decision(Effect.PERMIT, reason);
    }

    public static Decision deny(String reason) {
        return new Decision(Effect.DENY, reason);
    }

    public static Decision abstain() {
        return new Decision(Effect.ABSTAIN, "");
    }

    /** Permit, deny, or leave it to the other policies. */
    public enum Effect {
        PERMIT, DENY, ABSTAIN
    }
}
