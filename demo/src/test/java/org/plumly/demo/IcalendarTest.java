package org.plumly.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IcalendarTest {

    @Test
    void foldedLinesStayWithin75OctetsAndNeverCutACharacter() {
        String value = "SUMMARY:" + "Prüfmittel – Kalibrierung für Müller ".repeat(8);
        StringBuilder out = new StringBuilder();
        Icalendar.line(out, value);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(3);
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo(value + "\r\n");
    }

    @Test
    void textEscapesBackslashSemicolonCommaAndNewline() {
        assertThat(Icalendar.text("a\\b; c, d\ne")).isEqualTo("a\\\\b\\; c\\, d\\ne");
    }
}
