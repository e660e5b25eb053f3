package org.plumly.tone.dl4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.tone.ToneClassifier;
import org.plumly.api.tone.ToneVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tone classifier service: the model shipped in this bundle, run by ND4J's native CPU backend.
 * The model is loaded when the component activates, so that a bundle whose natives cannot load fails
 * at deployment, where the operator sees it, and not at the first message.
 */
@Component(service = ToneClassifier.class, configurationPid = "org.plumly.tone.dl4j")
@Designate(ocd = Dl4jToneClassifier.Config.class)
public class Dl4jToneClassifier implements ToneClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(Dl4jToneClassifier.class);

    @ObjectClassDefinition(name = "Plumly tone classifier (DL4J)")
    public @interface Config {
        @AttributeDefinition(description = "Native threads ND4J may use for one batch; 1 suits a machine the hub and "
                + "Cassandra share, more only on cores of its own")
        int threads() default 1;

        @AttributeDefinition(description = "Sentences scored per message, the first ones; a longer message's tone "
                + "rests on those")
        int maxSentences() default 200;

        @AttributeDefinition(description = "Characters of one sentence that are read, the first ones")
        int maxSentenceChars() default 1000;
    }

    private final ToneModel model;
    private final int maxSentences;
    private final int maxSentenceChars;

    @Activate
    public Dl4jToneClassifier(Config config) {
        if (config.threads() < 1 || config.maxSentences() < 1 || config.maxSentenceChars() < 1) {
            throw new IllegalArgumentException("threads, maxSentences and maxSentenceChars must be at least 1");
        }
        long started = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Dl4jToneClassifier.class.getClassLoader());
        try {
            // ND4J looks up its backend and its helpers through a ServiceLoader on this class loader: the bundle's,
            // which holds the embedded libraries.
            ND4JClassLoading.setNd4jClassloaderFromClass(Dl4jToneClassifier.class);
            Nd4j.getEnvironment().setMaxThreads(config.threads());
            Nd4j.getEnvironment().setMaxMasterThreads(config.threads());
            model = readShippedModel();
        } finally {
            thread.setContextClassLoader(previous);
        }
        maxSentences = config.maxSentences();
        maxSentenceChars = config.maxSentenceChars();
        LOG.info("Tone model {} loaded in {} ms ({} native threads)", model.name(),
                (System.nanoTime() - started) / 1_000_000, config.threads());
    }

    private static ToneModel readShippedModel() {
        try {
            return ToneModel.shipped();
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped tone model cannot be read", e);
        }
    }

    @Override
    public ToneVerdict classify(String text) {
        return classifyAll(List.of(text)).get(0);
    }

    @Override
    public List<ToneVerdict> classifyAll(List<String> texts) {
        return model.classify(texts, maxSentences, maxSentenceChars);
    }
}
