package org.plumly.tone.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.Tone;
import org.plumly.api.tone.ToneScores;
import org.plumly.api.tone.ToneVerdict;

/**
 * A trained tone network with the features it was trained on. It scores sentences; a message's tone
 * is the mean of its sentences' scores, each weighted by how far it leans away from neutral, so that
 * one clearly negative sentence is not drowned by a greeting, a request and a sign-off.
 *
 * <p>Files: {@value #NETWORK} (DL4J, without updater state) and {@value #MANIFEST} (name, date, dimensions).
 */
public final class ToneModel {
    public static final String NETWORK = "tone-model.zip";
    public static final String MANIFEST = "tone-model.properties";
    /** The network's output columns. */
    public static final List<Tone> OUTPUTS = List.of(Tone.POSITIVE, Tone.NEUTRAL, Tone.NEGATIVE);
    private static final int BATCH = 256;
    private static final double LEANING_FLOOR = 0.05;
    private static final ToneScores NOTHING_SAID = new ToneScores(0, 1, 0);

    private final MultiLayerNetwork network;
    private final ToneFeatures features;
    private final String name;
    /** The network's input, {@value #BATCH} rows; guarded by the network's lock. */
    private INDArray input;

    public ToneModel(MultiLayerNetwork network, ToneFeatures features, String name) {
        this.network = network;
        this.features = features;
        this.name = name;
    }

    /** Reads a model saved by the training command. */
    public static ToneModel read(InputStream network, InputStream manifest) throws IOException {
        Properties properties = new Properties();
        properties.load(manifest);
        String name = properties.getProperty("name") + " (" + properties.getProperty("trained") + ")";
        int dimensions = Integer.parseInt(properties.getProperty("dimensions"));
        return new ToneModel(ModelSerializer.restoreMultiLayerNetwork(network, false), new ToneFeatures(dimensions), name);
    }

    /** The model this bundle ships, in {@code org/plumly/tone/dl4j/model/}. */
    public static ToneModel shipped() throws IOException {
        try (InputStream network = ToneModel.class.getResourceAsStream("model/" + NETWORK);
             InputStream manifest = ToneModel.class.getResourceAsStream("model/" + MANIFEST)) {
            if (network == null || manifest == null) {
                throw new IOException("the bundle holds no tone model: train one (see MODEL_CARD.md)");
            }
            return read(network, manifest);
        }
    }

    public String name() {
        return name;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public ToneFeatures features() {
        return features;
    }

    /**
     * Classifies messages sentence by sentence.
     *
     * @param maxSentences sentences scored per message, the first ones; the rest count for nothing
     * @param maxSentenceChars characters of a sentence that are read, the first ones
     */
    public List<ToneVerdict> classify(List<String> texts, int maxSentences, int maxSentenceChars) {
        List<List<SentenceSplitter.Span>> spans = new ArrayList<>(texts.size());
        List<String> sentences = new ArrayList<>();
        for (String text : texts) {
            List<SentenceSplitter.Span> found = SentenceSplitter.split(text);
            found = found.subList(0, Math.min(found.size(), maxSentences));
            spans.add(found);
            for (SentenceSplitter.Span span : found) {
                sentences.add(text.substring(span.start(), Math.min(span.end(), span.start() + maxSentenceChars)));
            }
        }
        ToneScores[] scores = score(sentences);
        List<ToneVerdict> verdicts = new ArrayList<>(texts.size());
        int next = 0;
        for (int m = 0; m < texts.size(); m++) {
            String text = texts.get(m);
            List<SentenceTone> sentenceTones = new ArrayList<>(spans.get(m).size());
            for (SentenceSplitter.Span span : spans.get(m)) {
                sentenceTones.add(new SentenceTone(text.substring(span.start(), span.end()), span.start(), span.end(),
                        scores[next++]));
            }
            verdicts.add(new ToneVerdict(message(sentenceTones), sentenceTones, name));
        }
        return verdicts;
    }

    /** The network's probabilities for each sentence, in order. */
    public ToneScores[] score(List<String> sentences) {
        ToneScores[] scores = new ToneScores[sentences.size()];
        int dimensions = features.dimensions();
        for (int from = 0; from < sentences.size(); from += BATCH) {
            int rows = Math.min(BATCH, sentences.size() - from);
            ToneFeatures.Sparse[] rowFeatures = new ToneFeatures.Sparse[rows];
            for (int r = 0; r < rows; r++) {
                rowFeatures[r] = features.sparse(sentences.get(from + r));
            }
            float[] output;
            synchronized (network) {
                // A row has a few hundred features of tens of thousands, and allocating or copying a dense batch costs
                // far more than the network: one zeroed batch is kept, filled where features are, and cleared after.
                if (input == null) {
                    input = Nd4j.zeros(DataType.FLOAT, BATCH, dimensions);
                }
                FloatBuffer cells = input.data().asNioFloat();
                set(cells, rowFeatures, dimensions, true);
                try {
                    INDArray batch = rows == BATCH ? input : input.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
                    output = network.output(batch, false).data().asFloat();
                } finally {
                    set(cells, rowFeatures, dimensions, false);
                }
            }
            for (int r = 0; r < rows; r++) {
                scores[from + r] = scores(output[r * 3], output[r * 3 + 1], output[r * 3 + 2]);
            }
        }
        return scores;
    }

    private static void set(FloatBuffer cells, ToneFeatures.Sparse[] rows, int dimensions, boolean fill) {
        for (int r = 0; r < rows.length; r++) {
            int[] indices = rows[r].indices();
            float[] values = rows[r].values();
            for (int k = 0; k < indices.length; k++) {
                cells.put(r * dimensions + indices[k], fill ? values[k] : 0f);
            }
        }
    }

    private static ToneScores message(List<SentenceTone> sentences) {
        if (sentences.isEmpty()) {
            return NOTHING_SAID;
        }
        double positive = 0;
        double neutral = 0;
        double negative = 0;
        double weights = 0;
        for (SentenceTone sentence : sentences) {
            ToneScores s = sentence.scores();
            double weight = 1 - s.neutral() + LEANING_FLOOR;
            positive += weight * s.positive();
            neutral += weight * s.neutral();
            negative += weight * s.negative();
            weights += weight;
        }
        return scores(positive / weights, neutral / weights, negative / weights);
    }

    private static ToneScores scores(double positive, double neutral, double negative) {
        double p = Math.max(0, positive);
        double u = Math.max(0, neutral);
        double n = Math.max(0, negative);
        double sum = p + u + n;
        return new ToneScores(p / sum, u / sum, n / sum);
    }
}
