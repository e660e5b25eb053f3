package org.plumly.connector.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CalDAV server answers, read safely. */
class DavXmlTest {

    @Test
    void aSyncAnswerGivesChangedAndRemovedMembersAndTheNewToken() throws IOException {
        DavXml.Multistatus answer = DavXml.multistatus("""
                <?xml version="1.0" encoding="utf-8"?>
                <d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
                  <d:response><d:href>/dana/work/a.ics</d:href>
                    <d:propstat><d:prop><d:getetag>"1"</d:getetag><cal:calendar-data>BEGIN:VCALENDAR&#13;
                END:VCALENDAR</cal:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
                  <d:response><d:href>/dana/work/b.ics</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>
                  <d:sync-token>http://radicale.org/ns/sync/abc</d:sync-token>
                </d:multistatus>
                """);

        assertThat(answer.syncToken()).contains("http://radicale.org/ns/sync/abc");
        assertThat(answer.responses()).hasSize(2);
        assertThat(answer.responses().get(0).removed()).isFalse();
        assertThat(answer.responses().get(0).etag()).contains("\"1\"");
        assertThat(answer.responses().get(0).calendarData()).hasValueSatisfying(data -> assertThat(data).startsWith("BEGIN:VCALENDAR"));
        assertThat(answer.responses().get(1).removed()).isTrue();
    }

    @Test
    void anAnswerWithADoctypeIsRefusedSoNoEntityReachesAFileOrAHost(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "hub-secret");
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE d:multistatus [<!ENTITY leak SYSTEM "%s">]>
                <d:multistatus xmlns:d="DAV:"><d:response><d:href>&leak;</d:href></d:response></d:multistatus>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> DavXml.multistatus(hostile)).isInstanceOf(IOException.class).hasMessageNotContaining("hub-secret");
        assertThat(DavXml.hasPrecondition(hostile, "valid-sync-token")).isFalse();
    }

    @Test
    void aPreconditionIsFoundInADavError() {
        assertThat(DavXml.hasPrecondition("<D:error xmlns:D=\"DAV:\"><D:valid-sync-token/></D:error>", "valid-sync-token")).isTrue();
        assertThat(DavXml.hasPrecondition("<D:error xmlns:D=\"DAV:\"><D:need-privileges/></D:error>", "valid-sync-token")).isFalse();
        assertThat(DavXml.hasPrecondition("Forbidden", "valid-sync-token")).isFalse();
    }
}
