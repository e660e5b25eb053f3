package org.plumly.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;

class CallerTest {

    @Test
    void onlyAPlatformOperatorBelongsToNoTenant() {
        assertThat(new Caller(null, UserId.of("ops"), Set.of(Role.PLATFORM_OPERATOR)).has(Role.PLATFORM_OPERATOR)).isTrue();
        assertThatThrownBy(() -> new Caller(null, UserId.of("dana"), Set.of(Role.REP))).hasMessageContaining("no tenant");
        assertThatThrownBy(() -> new Caller(null, UserId.of("x"), Set.of(Role.PLATFORM_OPERATOR, Role.COMPANY_ADMIN)))
                .hasMessageContaining("no tenant");
    }

    @Test
    void aCallerHasARole() {
        assertThatThrownBy(() -> new Caller(TenantId.of("acme"), UserId.of("dana"), Set.of())).hasMessageContaining("role");
    }
}
