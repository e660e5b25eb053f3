package org.plumly.training.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plumly.api.tone.Tone;
import org.plumly.tone.dl4j.ToneModel;

/**
 * The model in the bundle still scores, on today's held-out sentences, what its manifest says it scored
 * when it was trained: a changed feature extractor, a relabelled sentence, a moved split or a model
 * file from another run shows here. Nothing is retrained.
 */
class ShippedModelTest {
    private static final double SAME = 0.0005;
    private static ToneModel model;
    private static Properties manifest;
    private static List<LabelledSentence> heldOut;

    @BeforeAll
    static void loadTheModelAndTheHeldOutSentences() throws IOException {
        model = ToneModel.shipped();
        manifest = new Properties();
        try (InputStream in = ToneModel.class.getResourceAsStream("model/" + ToneModel.MANIFEST)) {
            manifest.load(in);
        }
        heldOut = Corpora.all(Path.of("data/sales-mail"), Path.of("target/corpora")).stream()
                .filter(Corpora::heldOut).toList();
    }

    private static double recorded(String key) {
        return Double.parseDouble(manifest.getProperty(key));
    }

    @Test
    void theUciFiguresAreTheRecordedOnes() {
        Figures figures = Evaluation.of(model, TrainTone.subset(heldOut, Corpora.UCI)).figures();
        assertEquals(recorded("heldOut.uci.macroF1"), figures.macroF1(), SAME);
        assertEquals(recorded("heldOut.uci.accuracy"), figures.accuracy(), SAME);
    }

    @Test
    void theSalesMailFiguresAreTheRecordedOnesNeutralIncluded() {
        Figures figures = Evaluation.of(model, TrainTone.subset(heldOut, Corpora.SALES_MAIL)).figures();
        assertEquals(recorded("heldOut.salesMail.macroF1"), figures.macroF1(), SAME);
        assertEquals(recorded("heldOut.salesMail.accuracy"), figures.accuracy(), SAME);
        assertEquals(recorded("heldOut.salesMail.neutralF1"), figures.f1().get(Tone.NEUTRAL), SAME);
    }

    @Test
    void theHeldOutSetsAreTheSizeOfAFifth() {
        long uci = TrainTone.subset(heldOut, Corpora.UCI).size();
        long sales = TrainTone.subset(heldOut, Corpora.SALES_MAIL).size();
        assertTrue(uci > 500 && uci < 700, "uci held out: " + uci);
        assertTrue(sales > 300 && sales < 450, "sales-mail held out: " + sales);
    }
}
