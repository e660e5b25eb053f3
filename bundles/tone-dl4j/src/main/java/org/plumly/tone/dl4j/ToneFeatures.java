package org.plumly.tone.dl4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a sentence into the network's input: its words, pairs of words and the runs of 3 to 5 letters
 * within each word (so that "disappointing" and "disappointed" share most of their features; at half
 * weight), hashed into a fixed number of dimensions and scaled to unit length. Words after a negation ("not", "never", "n't" …) up to the
 * next punctuation are marked, so that "not happy" and "happy" are different features. Training and
 * classification use this same class, so that a model always sees the features it was trained on.
 */
public final class ToneFeatures {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*|[!?]|[.,;:]");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nothing", "nobody", "none",
            "neither", "nor", "cannot", "without", "hardly");
    private static final int NEGATION_REACH = 4;
    private static final int MIN_CHARS = 3;
    private static final int MAX_CHARS = 5;
    private static final float CHARS_WEIGHT = 0.5f;

    private final int dimensions;

    public ToneFeatures(int dimensions) {
        if (dimensions < 16 || Integer.bitCount(dimensions) != 1) {
            throw new IllegalArgumentException("dimensions must be a power of two of at least 16: " + dimensions);
        }
        this.dimensions = dimensions;
    }

    public int dimensions() {
        return dimensions;
    }

    /** A sentence's features: the dimensions that are not zero, in no particular order, and their values. */
    public record Sparse(int[] indices, float[] values) {
    }

    /** Writes the sentence's features into {@code row[offset, offset + dimensions())}, which must be zero. */
    public void write(String sentence, float[] row, int offset) {
        Sparse sparse = sparse(sentence);
        for (int k = 0; k < sparse.indices().length; k++) {
            row[offset + sparse.indices()[k]] = sparse.values()[k];
        }
    }

    public Sparse sparse(String sentence) {
        Map<Integer, Float> features = new HashMap<>();
        List<String> tokens = tokens(sentence);
        String previous = "<s>";
        for (String token : tokens) {
            features.put(index(token), 1f);
            features.put(index(previous + ' ' + token), 1f);
            previous = token;
        }
        features.put(index(previous + " </s>"), 1f);
        for (String token : tokens) {
            String word = "<" + (token.startsWith("not_") ? token.substring(4) : token) + ">";
            for (int n = MIN_CHARS; n <= MAX_CHARS; n++) {
                for (int i = 0; i + n <= word.length(); i++) {
                    features.put(index("#" + word.substring(i, i + n)), CHARS_WEIGHT);
                }
            }
        }
        double norm = 0;
        for (float value : features.values()) {
            norm += value * value;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        int[] indices = new int[features.size()];
        float[] values = new float[features.size()];
        int k = 0;
        for (Map.Entry<Integer, Float> feature : features.entrySet()) {
            indices[k] = feature.getKey();
            values[k++] = feature.getValue() * scale;
        }
        return new Sparse(indices, values);
    }

    /** Lower-cased words and !/?, with words in a negation's reach prefixed by {@code not_}; other punctuation only ends that reach. */
    static List<String> tokens(String sentence) {
        String text = sentence.toLowerCase(Locale.ROOT).replace("n't", " not").replace("n’t", " not");
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        int negated = 0;
        while (matcher.find()) {
            String token = matcher.group();
            char first = token.charAt(0);
            if (first == '.' || first == ',' || first == ';' || first == ':') {
                negated = 0;
                continue;
            }
            if (first == '!' || first == '?') {
                negated = 0;
                tokens.add(token);
                continue;
            }
            tokens.add(negated > 0 ? "not_" + token : token);
            negated = NEGATIONS.contains(token) ? NEGATION_REACH : Math.max(0, negated - 1);
        }
        return tokens;
    }

    private int index(String feature) {
        int h = feature.hashCode();
        // the finalizer of MurmurHash3: spreads String.hashCode's low bits, which differ little for short words
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & (dimensions - 1);
    }
}
