package org.plumly.connector.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;

/** What the settings mean beyond their face value. */
class SettingsTest {

    private static Settings settings(String... pairs) throws ConnectorException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        IcalConnector connector = new IcalConnector();
        return Settings.of(new ConnectorConfig(TenantId.of("northwind"), "dana-calendar",
                connector.spec().withDefaults(values), connector.spec().secretKeys()));
    }

    @Test
    void aWebcalAddressIsReadOverHttps() throws ConnectorException {
        assertThat(settings("source", "feed", "url", "webcal://calendar.example/feeds/k3y/basic.ics").url())
                .isEqualTo(URI.create("https://calendar.example/feeds/k3y/basic.ics"));
    }

    @Test
    void aCalDavAddressIsACollection() throws ConnectorException {
        assertThat(settings("source", "caldav", "url", "https://dav.example/dana/work").url())
                .isEqualTo(URI.create("https://dav.example/dana/work/"));
    }

    @Test
    void theOriginChangesWithWhereAndWhoButNotWithThePasswordAndHoldsNoAddress() throws ConnectorException {
        String origin = settings("source", "feed", "url", "https://calendar.example/feeds/k3y/basic.ics").origin();
        assertThat(origin).matches("[0-9a-f]{32}").doesNotContain("k3y");
        assertThat(settings("source", "feed", "url", "https://calendar.example/feeds/other/basic.ics").origin()).isNotEqualTo(origin);
        assertThat(settings("source", "caldav", "url", "https://dav.example/dana/work/", "username", "dana", "password", "a").origin())
                .isEqualTo(settings("source", "caldav", "url", "https://dav.example/dana/work/", "username", "dana", "password", "b").origin())
                .isNotEqualTo(settings("source", "caldav", "url", "https://dav.example/dana/work/", "username", "lee").origin());
    }

    @Test
    void theDefaultsAreThoseOfTheSpec() throws ConnectorException {
        Settings defaults = settings("source", "file", "file", "calendar/dana.ics");
        assertThat(defaults.windowPastDays()).isEqualTo(550);
        assertThat(defaults.windowFutureDays()).isEqualTo(90);
        assertThat(defaults.batchSize()).isEqualTo(100);
        assertThat(defaults.floatingZone().getId()).isEqualTo("UTC");
    }
}
