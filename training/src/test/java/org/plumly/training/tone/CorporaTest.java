package org.plumly.training.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.tone.Tone;

class CorporaTest {

    @Test
    void plumlysOwnSetHasAtLeast1500SentencesOfEachToneWithNeutralTheLargest() throws IOException {
        List<LabelledSentence> sales = Corpora.salesMail(Path.of("data/sales-mail"));
        Map<Tone, Long> counts = sales.stream().collect(Collectors.groupingBy(LabelledSentence::label, Collectors.counting()));
        assertTrue(sales.size() >= 1500, "sentences: " + sales.size());
        assertTrue(counts.get(Tone.NEUTRAL) > counts.get(Tone.POSITIVE) && counts.get(Tone.NEUTRAL) > counts.get(Tone.NEGATIVE), counts.toString());
        assertEquals(sales.size(), sales.stream().map(s -> Corpora.normalized(s.text())).distinct().count(), "no text twice");
    }

    @Test
    void theUciSentencesComeFromTheNpmPackageCheckedAgainstItsDigest() throws IOException {
        List<LabelledSentence> uci = Corpora.uci(Path.of("target/corpora"));
        assertEquals(3000, uci.size());
        Map<Tone, Long> counts = uci.stream().collect(Collectors.groupingBy(LabelledSentence::label, Collectors.counting()));
        assertEquals(Map.of(Tone.POSITIVE, 1500L, Tone.NEGATIVE, 1500L), counts);
    }

    @Test
    void aTamperedDownloadIsReplacedOrRefused(@TempDir Path cache) throws IOException {
        Files.write(cache.resolve("sentiment-5.0.2.tgz"), new byte[] {1, 2, 3});
        Path tarball = Corpora.sentimentPackage(cache);
        assertTrue(Files.size(tarball) > 100_000, "downloaded again");
    }

    @Test
    void theSplitDependsOnTheTextOnly() {
        LabelledSentence one = new LabelledSentence("a:1", Corpora.SALES_MAIL, Tone.NEUTRAL, "Attached is the SOW.");
        LabelledSentence same = new LabelledSentence("b:9", Corpora.UCI, Tone.POSITIVE, "attached  is the sow.");
        assertEquals(Corpora.heldOut(one), Corpora.heldOut(same));
        assertEquals(Corpora.validation(one), Corpora.validation(same));
    }

    @Test
    void validationNeverOverlapsTheHeldOutSentences() throws IOException {
        List<LabelledSentence> sales = Corpora.salesMail(Path.of("data/sales-mail"));
        assertFalse(sales.stream().anyMatch(s -> Corpora.heldOut(s) && Corpora.validation(s)));
        Map<Boolean, Long> split = sales.stream().collect(Collectors.partitioningBy(Corpora::heldOut, Collectors.counting()));
        assertTrue(split.get(true) > 0.15 * sales.size() && split.get(true) < 0.25 * sales.size(), split.toString());
    }

    @Test
    void aBadLabelNamesItsFileAndLine(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("x.tsv"), "label\ttext\nneutral\tFine.\nangry\tWhy?\n");
        IOException error = assertThrows(IOException.class, () -> Corpora.salesMail(folder));
        assertEquals("sales-mail/x.tsv:3: label must be positive, neutral or negative, not 'angry'", error.getMessage());
    }

    @Test
    void aMissingHeaderIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("x.tsv"), "neutral\tFine.\n");
        assertThrows(IOException.class, () -> Corpora.salesMail(folder));
    }
}
