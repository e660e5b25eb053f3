package org.plumly.training.corenlp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's file formats: {@code id<TAB>text} in, {@code id<TAB>label<TAB>score} out. */
final class MessageTsv {

  static final String INPUT_HEADER = "id\ttext";
  static final String OUTPUT_HEADER = "id\tlabel\tscore";

  record Message(String id, String text) {}

  record Prediction(String id, String label, String score) {}

  private MessageTsv() {}

  static List<Message> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(file + ": empty file, expected the header \"id<TAB>text\"");
    }
    String header = stripCarriageReturn(lines.get(0));
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    if (!header.equals(INPUT_HEADER)) {
      throw new IOException(file + ": the header must be \"id<TAB>text\", found \"" + header + "\"");
    }
    List<Message> messages = new ArrayList<>(lines.size() - 1);
    for (int i = 1; i < lines.size(); i++) {
      String line = stripCarriageReturn(lines.get(i));
      if (line.isEmpty() && i == lines.size() - 1) {
        break;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IOException(file + ":" + (i + 1) + ": no tab between id and text");
      }
      if (tab == 0) {
        throw new IOException(file + ":" + (i + 1) + ": empty id");
      }
      messages.add(new Message(line.substring(0, tab), line.substring(tab + 1)));
    }
    return messages;
  }

  static void write(Path file, List<Prediction> predictions) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(OUTPUT_HEADER);
      out.write('\n');
      for (Prediction p : predictions) {
        out.write(p.id());
        out.write('\t');
        out.write(p.label());
        out.write('\t');
        out.write(p.score());
        out.write('\n');
      }
    }
  }

  private static String stripCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
