package org.plumly.cassandra.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CassandraForTestsTest {

    @Test
    void aGivenContactPointIsUsedAsItIs() {
        String before = System.getProperty(CassandraForTests.CONTACT_POINT_PROPERTY);
        System.setProperty(CassandraForTests.CONTACT_POINT_PROPERTY, " 127.0.0.1:19999 ");
        try {
            assertThat(CassandraForTests.contactPoint()).isEqualTo("127.0.0.1:19999");
        } finally {
            if (before == null) {
                System.clearProperty(CassandraForTests.CONTACT_POINT_PROPERTY);
            } else {
                System.setProperty(CassandraForTests.CONTACT_POINT_PROPERTY, before);
            }
        }
    }

    @Test
    void aMissingBlankOrUnresolvedPropertyMeansNoContactPointIsGiven() {
        assertThat(CassandraForTests.configured(null)).isEmpty();
        assertThat(CassandraForTests.configured("  ")).isEmpty();
        assertThat(CassandraForTests.configured("${plumly.cassandra.contactPoint}")).isEmpty();
        assertThat(CassandraForTests.configured("localhost:9042")).contains("localhost:9042");
    }
}
