package org.plumly.training.tone;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.tika.mime.MimeTypeException;
import org.plumly.api.RawContent;
import org.plumly.api.content.ContentException;
import org.plumly.api.content.ExtractedContent;
import org.plumly.api.tone.Tone;
import org.plumly.api.tone.ToneVerdict;
import org.plumly.extract.tika.TikaContentExtractor;
import org.plumly.tone.dl4j.ToneModel;

/**
 * The shipped model on whole messages it never learnt from: the demo company's customer mail (written
 * by {@code demo/}, not by the authors of the training sentences), read from the mailboxes' .eml files by
 * the hub's own Tika extractor as sync would, and compared with the tone each message was written in
 * ({@code tones.csv}). Prints the table of written tone against answer, and messages per second of
 * extraction and of classification in batch.
 */
final class DemoMailCheck {
    private DemoMailCheck() {
    }

    static void run(Path demo) throws IOException, MimeTypeException {
        Map<String, String> writtenIn = new TreeMap<>();
        List<String> rows = Files.readAllLines(demo.resolve("tones.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.split(",");
            writtenIn.put(fields[0], fields[1]);
        }
        List<Path> inboxes;
        try (Stream<Path> files = Files.walk(demo.resolve("mail"))) {
            inboxes = files.filter(p -> p.toString().endsWith(".eml") && p.getParent().getFileName().toString().equals("INBOX"))
                    .sorted().toList();
        }
        TikaContentExtractor extractor = new TikaContentExtractor(defaults());
        Map<String, String> authored = new LinkedHashMap<>();
        int failed = 0;
        long started = System.nanoTime();
        for (Path file : inboxes) {
            try {
                ExtractedContent mail = extractor.extract(new RawContent("message/rfc822", Files.readAllBytes(file)));
                String id = mail.metadata().get("message-id");
                if (writtenIn.containsKey(id)) {
                    authored.putIfAbsent(id, mail.authoredText());
                }
            } catch (ContentException e) {
                failed++;
            }
        }
        double extraction = (System.nanoTime() - started) / 1e9;

        ToneModel model = ToneModel.shipped();
        List<String> ids = new ArrayList<>(authored.keySet());
        List<String> texts = ids.stream().map(authored::get).toList();
        model.classify(texts, Evaluation.MAX_SENTENCES, Evaluation.MAX_SENTENCE_CHARS);
        started = System.nanoTime();
        List<ToneVerdict> verdicts = model.classify(texts, Evaluation.MAX_SENTENCES, Evaluation.MAX_SENTENCE_CHARS);
        double classification = (System.nanoTime() - started) / 1e9;

        Map<String, Map<Tone, Integer>> table = new TreeMap<>();
        int sentences = 0;
        for (int i = 0; i < ids.size(); i++) {
            table.computeIfAbsent(writtenIn.get(ids.get(i)), t -> new EnumMap<>(Tone.class))
                    .merge(verdicts.get(i).tone(), 1, Integer::sum);
            sentences += verdicts.get(i).sentences().size();
        }
        System.out.printf(Locale.ROOT, "%ndemo company customer mail: %d messages (%d sentences) from %d inbox files, %d not extracted%n",
                ids.size(), sentences, inboxes.size(), failed);
        System.out.printf(Locale.ROOT, "%-14s %9s %9s %9s%n", "written", "positive", "neutral", "negative");
        table.forEach((written, answers) -> System.out.printf(Locale.ROOT, "%-14s %9d %9d %9d%n", written,
                answers.getOrDefault(Tone.POSITIVE, 0), answers.getOrDefault(Tone.NEUTRAL, 0), answers.getOrDefault(Tone.NEGATIVE, 0)));
        System.out.printf(Locale.ROOT, "extraction (Tika bundle's component, cold): %.0f files/s; classification in batch: %.0f messages/s%n",
                inboxes.size() / extraction, ids.size() / classification);
    }

    /** The extractor's configuration with every default, as a hub without etc/org.plumly.extract.tika.cfg has it. */
    private static TikaContentExtractor.Config defaults() {
        return (TikaContentExtractor.Config) Proxy.newProxyInstance(TikaContentExtractor.Config.class.getClassLoader(),
                new Class<?>[] {TikaContentExtractor.Config.class}, (proxy, method, arguments) ->
                        method.getName().equals("annotationType") ? TikaContentExtractor.Config.class : method.getDefaultValue());
    }
}
