package org.plumly.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.plumly.api.RawContent;
import org.plumly.api.content.ContentExtractor;
import org.plumly.api.content.ExtractedContent;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.Tone;
import org.plumly.api.tone.ToneClassifier;
import org.plumly.api.tone.ToneVerdict;

/**
 * The demo company's mail, as its customers wrote it, through the hub's content extractor and tone
 * classifier services: Tika and DL4J (with its natives) working inside the distribution, and the
 * verdicts following the tone each message was written in (the demo's tones.csv, which the model
 * never learnt from).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MailToneTest {
    private static final int PER_GROUP = 60;

    @Inject
    private ContentExtractor extractor;

    @Inject
    private ToneClassifier classifier;

    @Configuration
    public Option[] configuration() {
        return PlumlyDistribution.options();
    }

    @Test
    public void customerMailFromTheDemoIsExtractedAndClassifiedByTheToneItWasWrittenIn() throws Exception {
        Path demo = Path.of(System.getProperty(PlumlyDistribution.DEMO_COMPANY));
        Map<String, String> writtenIn = new HashMap<>();
        List<String> rows = Files.readAllLines(demo.resolve("tones.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.split(",");
            writtenIn.put(fields[0], fields[1]);
        }
        // the demo's tones as the classifier's: worried and frustrated mail is negative, enthusiastic mail positive
        Map<String, Tone> asClassified = Map.of("WORRIED", Tone.NEGATIVE, "FRUSTRATED", Tone.NEGATIVE, "ENTHUSIASTIC", Tone.POSITIVE);
        Map<Tone, Map<String, ExtractedContent>> byTone = new HashMap<>();
        List<Path> inboxes;
        try (Stream<Path> files = Files.walk(demo.resolve("mail"))) {
            inboxes = files.filter(p -> p.getParent().getFileName().toString().equals("INBOX") && p.toString().endsWith(".eml"))
                    .sorted().toList();
        }
        for (Path file : inboxes) {
            ExtractedContent mail = extractor.extract(new RawContent("message/rfc822", Files.readAllBytes(file)));
            String id = mail.metadata().get("message-id");
            Tone tone = asClassified.get(writtenIn.getOrDefault(id, ""));
            if (tone != null) {
                Map<String, ExtractedContent> some = byTone.computeIfAbsent(tone, t -> new LinkedHashMap<>());
                if (some.size() < PER_GROUP) {
                    some.put(id, mail);
                }
            }
        }
        List<ExtractedContent> negative = List.copyOf(byTone.get(Tone.NEGATIVE).values());
        List<ExtractedContent> positive = List.copyOf(byTone.get(Tone.POSITIVE).values());
        assertEquals("worried or frustrated customer mails found", PER_GROUP, negative.size());
        assertEquals("enthusiastic customer mails found", PER_GROUP, positive.size());

        double negativeWhenNegative = share(negative, Tone.NEGATIVE);
        double negativeWhenPositive = share(positive, Tone.NEGATIVE);
        double positiveWhenPositive = share(positive, Tone.POSITIVE);
        double positiveWhenNegative = share(negative, Tone.POSITIVE);
        assertTrue("most worried or frustrated mail is negative: " + negativeWhenNegative, negativeWhenNegative > 0.5);
        assertTrue("negative far more often when so written: " + negativeWhenNegative + " vs " + negativeWhenPositive,
                negativeWhenNegative > 3 * negativeWhenPositive);
        assertTrue("positive far more often when so written: " + positiveWhenPositive + " vs " + positiveWhenNegative,
                positiveWhenPositive > 3 * positiveWhenNegative);
    }

    /** The share of the mails classified {@code tone}; each verdict's sentences lie in what the customer wrote. */
    private double share(List<ExtractedContent> mails, Tone tone) {
        List<String> texts = mails.stream().map(ExtractedContent::authoredText).toList();
        List<ToneVerdict> verdicts = classifier.classifyAll(texts);
        int count = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            assertFalse("the quoted history is not classified: " + text, text.contains("wrote:"));
            assertFalse("sentences found in " + text, verdicts.get(i).sentences().isEmpty());
            for (SentenceTone sentence : verdicts.get(i).sentences()) {
                assertEquals(sentence.sentence(), text.substring(sentence.start(), sentence.end()));
            }
            count += verdicts.get(i).tone() == tone ? 1 : 0;
        }
        return (double) count / texts.size();
    }
}
