package org.plumly.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void theSuffixMarksTheUpperCaseLettersOfEachFiveCharacters() {
        assertThat(SalesforceIds.withSuffix("0015000000Gv7qJ")).isEqualTo("0015000000Gv7qJAAR");
        assertThat(SalesforceIds.withSuffix("00100000000000A")).isEqualTo("00100000000000AAAQ");
    }

    @Test
    void idsCarryThePrefixAreEighteenCharactersAndNeverRepeat() {
        SalesforceIds ids = new SalesforceIds("006", 41_000_017L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String id = ids.next();
            assertThat(id).hasSize(18).startsWith("006").matches("[0-9A-Za-z]{18}");
            assertThat(SalesforceIds.withSuffix(id.substring(0, 15))).isEqualTo(id);
            assertThat(seen.add(id.toLowerCase(java.util.Locale.ROOT))).as("case-insensitively unique: %s", id).isTrue();
        }
    }
}
