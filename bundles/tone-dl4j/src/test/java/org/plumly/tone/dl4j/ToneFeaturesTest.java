package org.plumly.tone.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToneFeaturesTest {
    private final ToneFeatures features = new ToneFeatures(1 << 14);

    private float[] vector(String sentence) {
        float[] row = new float[features.dimensions()];
        features.write(sentence, row, 0);
        return row;
    }

    @Test
    void wordsAfterANegationAreMarkedUntilPunctuation() {
        assertEquals(List.of("we", "are", "not", "not_happy", "not_with", "not_the", "not_price", "but", "fine"),
                ToneFeatures.tokens("We are not happy with the price, but fine."));
    }

    @Test
    void contractedNegationsCount() {
        assertEquals(List.of("we", "do", "not", "not_like", "not_it", "!"), ToneFeatures.tokens("We don't like it!"));
        assertEquals(List.of("i", "ca", "not", "not_wait"), ToneFeatures.tokens("I can’t wait"));
    }

    @Test
    void theNegationReachEndsAfterFourWords() {
        assertEquals(List.of("no", "not_one", "not_on", "not_our", "not_side", "objected", "strongly"),
                ToneFeatures.tokens("No one on our side objected strongly"));
    }

    @Test
    void aSentenceIsAUnitVectorAndTheSameEachTime() {
        float[] first = vector("Please send the updated quote by Friday.");
        double norm = 0;
        for (float v : first) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-5);
        assertArrayEquals(first, vector("Please send the updated quote by Friday."));
    }

    @Test
    void negationChangesTheFeatures() {
        assertFalse(Arrays.equals(vector("We are happy with it"), vector("We are not happy with it")));
    }

    @Test
    void writesOnlyIntoItsOwnRow() {
        float[] rows = new float[features.dimensions() * 2];
        features.write("Second row only", rows, features.dimensions());
        for (int i = 0; i < features.dimensions(); i++) {
            assertEquals(0f, rows[i]);
        }
    }

    @Test
    void dimensionsMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new ToneFeatures(1000));
        assertThrows(IllegalArgumentException.class, () -> new ToneFeatures(8));
    }
}
