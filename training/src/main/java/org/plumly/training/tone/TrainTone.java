package org.plumly.training.tone;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.plumly.api.tone.Tone;
import org.plumly.tone.dl4j.ToneFeatures;
import org.plumly.tone.dl4j.ToneModel;

/**
 * Trains the tone model and writes it where the bundle ships it. Seeded; the held-out sentences are
 * never seen here except to record the final figures in the manifest, which the build re-checks.
 *
 * <pre>
 * ./plumly train tone     (or: java … TrainTone --data training/data/sales-mail --out bundles/tone-dl4j/src/main/resources/org/plumly/tone/dl4j/model)
 * </pre>
 */
public final class TrainTone {
    private static final String MODEL_NAME = "tone-dl4j 0.1.0";

    private final Options options;

    private TrainTone(Options options) {
        this.options = options;
    }

    record Options(Path data, Path cache, Path out, long seed, int dimensions, int hidden, int epochs, int batch,
                   double learningRate, double l2, double dropout, int salesMailWeight) {
        static Options parse(String[] args) {
            Map<String, String> given = Arguments.parse(args, List.of("data", "cache", "out", "seed", "dimensions",
                    "hidden", "epochs", "batch", "learning-rate", "l2", "dropout", "sales-mail-weight"));
            return new Options(Path.of(given.getOrDefault("data", "training/data/sales-mail")),
                    Path.of(given.getOrDefault("cache", "training/target/corpora")),
                    Path.of(given.getOrDefault("out", "bundles/tone-dl4j/src/main/resources/org/plumly/tone/dl4j/model")),
                    Long.parseLong(given.getOrDefault("seed", "42")),
                    Integer.parseInt(given.getOrDefault("dimensions", "32768")),
                    Integer.parseInt(given.getOrDefault("hidden", "64")),
                    Integer.parseInt(given.getOrDefault("epochs", "15")),
                    Integer.parseInt(given.getOrDefault("batch", "32")),
                    Double.parseDouble(given.getOrDefault("learning-rate", "0.001")),
                    Double.parseDouble(given.getOrDefault("l2", "0.0001")),
                    Double.parseDouble(given.getOrDefault("dropout", "0.5")),
                    Integer.parseInt(given.getOrDefault("sales-mail-weight", "3")));
        }
    }

    public static void main(String[] args) throws IOException {
        new TrainTone(Options.parse(args)).run();
    }

    private void run() throws IOException {
        List<LabelledSentence> all = Corpora.all(options.data(), options.cache());
        List<LabelledSentence> training = new ArrayList<>();
        List<LabelledSentence> validation = new ArrayList<>();
        List<LabelledSentence> heldOut = new ArrayList<>();
        for (LabelledSentence sentence : all) {
            if (Corpora.heldOut(sentence)) {
                heldOut.add(sentence);
            } else if (Corpora.validation(sentence)) {
                validation.add(sentence);
            } else {
                // the register Plumly classifies counts this many times per epoch
                int times = sentence.corpus().equals(Corpora.SALES_MAIL) ? options.salesMailWeight() : 1;
                for (int i = 0; i < times; i++) {
                    training.add(sentence);
                }
            }
        }
        System.out.printf("sentences: %d training, %d validation, %d held out%n", training.size(), validation.size(), heldOut.size());

        ToneModel model = new ToneModel(network(), new ToneFeatures(options.dimensions()), MODEL_NAME);
        Random random = new Random(options.seed());
        double best = -1;
        int bestEpoch = 0;
        INDArray bestParameters = null;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            Collections.shuffle(training, random);
            for (int from = 0; from < training.size(); from += options.batch()) {
                model.network().fit(batch(model.features(), training.subList(from, Math.min(training.size(), from + options.batch()))));
            }
            double score = meanMacroF1(model, validation);
            System.out.printf(Locale.ROOT, "epoch %2d: validation mean macro-F1 %.4f%n", epoch, score);
            if (score > best) {
                best = score;
                bestEpoch = epoch;
                bestParameters = model.network().params().dup();
            }
        }
        model.network().setParams(bestParameters);
        Evaluation.Result uci = Evaluation.of(model, subset(heldOut, Corpora.UCI));
        Evaluation.Result sales = Evaluation.of(model, subset(heldOut, Corpora.SALES_MAIL));
        System.out.printf(Locale.ROOT, "kept epoch %d (validation %.4f); held out: uci macro-F1 %.4f, sales-mail macro-F1 %.4f%n",
                bestEpoch, best, uci.figures().macroF1(), sales.figures().macroF1());
        write(model, bestEpoch, training.size(), uci.figures(), sales.figures());
    }

    private MultiLayerNetwork network() {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .updater(new Adam(options.learningRate()))
                .l2(options.l2())
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(options.dimensions()).nOut(options.hidden())
                        .activation(Activation.RELU).dropOut(1 - options.dropout()).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(options.hidden())
                        .nOut(ToneModel.OUTPUTS.size()).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    private static DataSet batch(ToneFeatures features, List<LabelledSentence> sentences) {
        int dimensions = features.dimensions();
        float[] input = new float[sentences.size() * dimensions];
        float[] labels = new float[sentences.size() * ToneModel.OUTPUTS.size()];
        for (int i = 0; i < sentences.size(); i++) {
            features.write(sentences.get(i).text(), input, i * dimensions);
            labels[i * ToneModel.OUTPUTS.size() + ToneModel.OUTPUTS.indexOf(sentences.get(i).label())] = 1f;
        }
        return new DataSet(Nd4j.create(input, new long[] {sentences.size(), dimensions}, 'c'),
                Nd4j.create(labels, new long[] {sentences.size(), ToneModel.OUTPUTS.size()}, 'c'));
    }

    private static double meanMacroF1(ToneModel model, List<LabelledSentence> sentences) {
        return (Evaluation.of(model, subset(sentences, Corpora.UCI)).figures().macroF1()
                + Evaluation.of(model, subset(sentences, Corpora.SALES_MAIL)).figures().macroF1()) / 2;
    }

    static List<LabelledSentence> subset(List<LabelledSentence> sentences, String corpus) {
        return sentences.stream().filter(s -> s.corpus().equals(corpus)).toList();
    }

    private void write(ToneModel model, int epoch, int trainingSentences, Figures uci, Figures sales) throws IOException {
        Files.createDirectories(options.out());
        ModelSerializer.writeModel(model.network(), options.out().resolve(ToneModel.NETWORK).toFile(), false);
        Properties manifest = new Properties();
        manifest.setProperty("name", MODEL_NAME);
        manifest.setProperty("trained", LocalDate.now(ZoneOffset.UTC).toString());
        manifest.setProperty("dimensions", Integer.toString(options.dimensions()));
        manifest.setProperty("training", String.format(Locale.ROOT,
                "seed=%d hidden=%d epochs=%d(of %d) batch=%d learningRate=%s l2=%s dropout=%s salesMailWeight=%d sentences=%d",
                options.seed(), options.hidden(), epoch, options.epochs(), options.batch(), options.learningRate(),
                options.l2(), options.dropout(), options.salesMailWeight(), trainingSentences));
        manifest.setProperty("heldOut.uci.macroF1", format(uci.macroF1()));
        manifest.setProperty("heldOut.uci.accuracy", format(uci.accuracy()));
        manifest.setProperty("heldOut.salesMail.macroF1", format(sales.macroF1()));
        manifest.setProperty("heldOut.salesMail.accuracy", format(sales.accuracy()));
        manifest.setProperty("heldOut.salesMail.neutralF1", format(sales.f1().get(Tone.NEUTRAL)));
        try (OutputStream out = Files.newOutputStream(options.out().resolve(ToneModel.MANIFEST))) {
            manifest.store(out, "The tone model shipped in bundles/tone-dl4j: see MODEL_CARD.md. Written by TrainTone.");
        }
        System.out.println("wrote " + options.out().resolve(ToneModel.NETWORK) + " (" + Files.size(options.out().resolve(ToneModel.NETWORK)) + " bytes)");
    }

    static String format(double figure) {
        return String.format(Locale.ROOT, "%.4f", figure);
    }
}
