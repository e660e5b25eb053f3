package org.plumly.core.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
    private static final ClientCredentials CLIENT = ClientCredentials.post("plumly", "secret");

    @Test
    void secretsGoToATokenEndpointOverHttpsOrOnThisMachineOnly() {
        assertThat(new TokenEndpoint(URI.create("https://login.example.com/oauth2/token"), CLIENT).uri().getHost())
                .isEqualTo("login.example.com");
        assertThat(new TokenEndpoint(URI.create("http://127.0.0.1:8080/token"), CLIENT).uri().getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> new TokenEndpoint(URI.create("http://login.example.com/oauth2/token"), CLIENT))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> new TokenEndpoint(URI.create("ftp://localhost/token"), CLIENT)).hasMessageContaining("https");
    }
}
