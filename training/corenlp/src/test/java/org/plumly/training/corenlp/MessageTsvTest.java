package org.plumly.training.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTsvTest {

  @TempDir Path dir;

  @Test
  void readsIdsAndTextsInOrderAndWritesPredictions() throws IOException {
    Path in = dir.resolve("in.tsv");
    Files.writeString(in, "\uFEFFid\ttext\r\nm2\tGreat demo, thanks! See you Tuesday.\r\nm1\t\n",
        StandardCharsets.UTF_8);
    List<MessageTsv.Message> messages = MessageTsv.read(in);
    assertEquals(List.of(
        new MessageTsv.Message("m2", "Great demo, thanks! See you Tuesday."),
        new MessageTsv.Message("m1", "")), messages);

    Path out = dir.resolve("out.tsv");
    MessageTsv.write(out, List.of(
        new MessageTsv.Prediction("m2", "positive", "3.1000"),
        new MessageTsv.Prediction("m1", "neutral", "2.0000")));
    assertEquals("id\tlabel\tscore\nm2\tpositive\t3.1000\nm1\tneutral\t2.0000\n",
        Files.readString(out, StandardCharsets.UTF_8));
  }

  @Test
  void rejectsAWrongHeaderOrALineWithoutTab() throws IOException {
    Path wrongHeader = dir.resolve("a.tsv");
    Files.writeString(wrongHeader, "label\ttext\npositive\tGood\n");
    assertThrows(IOException.class, () -> MessageTsv.read(wrongHeader));
    Path noTab = dir.resolve("b.tsv");
    Files.writeString(noTab, "id\ttext\njust text\n");
    assertThrows(IOException.class, () -> MessageTsv.read(noTab));
  }
}
