package org.plumly.training.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stanford CoreNLP's sentiment annotator as a baseline for {@code ./plumly bench tone}.
 *
 * <pre>
 * java -Xmx3g -jar target/plumly-tone-corenlp-baseline-0.1.0-SNAPSHOT.jar --in FILE --out FILE [--threads N] [--warmup N]
 * </pre>
 *
 * <p>Reads {@code id<TAB>text}, writes {@code id<TAB>label<TAB>score} (see {@link ToneAggregator}
 * for the label and score), then prints one line to stdout:
 * {@code system=corenlp messages=<n> seconds=<s> version=<v>}. The seconds cover annotating and
 * aggregating all messages once, after the models are loaded and after a warm-up over the first
 * {@code --warmup} messages (default 50); reading and writing files is not timed. Everything
 * CoreNLP logs goes to stderr.
 *
 * <p>Threads: one {@link StanfordCoreNLP} pipeline is shared by a fixed pool of {@code --threads}
 * workers (default: available processors), each annotating whole messages. CoreNLP supports
 * concurrent {@code annotate(Annotation)} calls on distinct annotations with one pipeline: its
 * own {@code AnnotationPipeline.annotate(Iterable, numThreads, callback)} and its server do
 * exactly that. We use our own pool rather than that method because in 4.5.10 it annotates
 * every document twice when {@code numThreads == 1} (the single-thread branch does not return).
 */
public final class CoreNlpBaseline {

  static final String SYSTEM = "corenlp";
  static final String ANNOTATORS = "tokenize,ssplit,pos,parse,sentiment";

  private CoreNlpBaseline() {}

  public static void main(String[] args) {
    // Only our result line may reach stdout: send everything else (CoreNLP logs to stderr by
    // default, but be sure) to stderr.
    PrintStream stdout =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    try {
      stdout.println(run(Options.parse(args)));
    } catch (UsageException e) {
      System.err.println("CoreNlpBaseline: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
    } catch (Exception e) {
      System.err.println("CoreNlpBaseline: " + e);
      e.printStackTrace(System.err);
      System.exit(1);
    }
  }

  static String run(Options options) throws IOException, InterruptedException, ExecutionException {
    List<MessageTsv.Message> messages = MessageTsv.read(options.in());

    long loadStart = System.nanoTime();
    StanfordCoreNLP pipeline = new StanfordCoreNLP(pipelineProperties());
    System.err.printf(Locale.ROOT, "CoreNlpBaseline: pipeline %s loaded in %.1f s%n",
        ANNOTATORS, (System.nanoTime() - loadStart) / 1e9);

    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), new WorkerThreads());
    try {
      int warm = Math.min(options.warmup(), messages.size());
      long warmStart = System.nanoTime();
      classifyAll(pipeline, pool, messages.subList(0, warm));
      System.err.printf(Locale.ROOT, "CoreNlpBaseline: warm-up on %d messages took %.1f s%n",
          warm, (System.nanoTime() - warmStart) / 1e9);

      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      List<ToneAggregator.Tone> tones = classifyAll(pipeline, pool, messages);
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpuEnd = processCpuNanos();
      if (cpuStart >= 0 && cpuEnd >= 0) {
        // CPU time of the whole JVM (workers, GC, JIT) over the timed pass: on a shared machine
        // this says more about the cost than the wall time does.
        System.err.printf(Locale.ROOT,
            "CoreNlpBaseline: timed pass: wall %.3f s, process CPU %.3f s, %d thread(s)%n",
            seconds, (cpuEnd - cpuStart) / 1e9, options.threads());
      }

      List<MessageTsv.Prediction> predictions = new ArrayList<>(messages.size());
      int unscored = 0;
      for (int i = 0; i < messages.size(); i++) {
        ToneAggregator.Tone tone = tones.get(i);
        if (tone.sentences() == 0) {
          unscored++;
        }
        predictions.add(
            new MessageTsv.Prediction(messages.get(i).id(), tone.label(), tone.formattedScore()));
      }
      if (unscored > 0) {
        System.err.printf(Locale.ROOT,
            "CoreNlpBaseline: %d message(s) had no scored sentence and were written as neutral 2.0%n",
            unscored);
      }
      MessageTsv.write(options.out(), predictions);
      return String.format(Locale.ROOT, "system=%s messages=%d seconds=%.3f version=%s",
          SYSTEM, messages.size(), seconds, version(options.threads()));
    } finally {
      pool.shutdownNow();
    }
  }

  /** CPU time of this JVM in nanoseconds, or -1 where the platform does not tell. */
  static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  static Properties pipelineProperties() {
    Properties props = new Properties();
    props.setProperty("annotators", ANNOTATORS);
    // Everything else is CoreNLP's default English setup: PTB tokenizer, the
    // english-left3words-distsim POS tagger, the englishPCFG parser (binary trees are switched on
    // by CoreNLP itself when sentiment is requested) and the default RNTN sentiment model.
    return props;
  }

  /** Classifies the messages on the pool; the result list is in input order. */
  static List<ToneAggregator.Tone> classifyAll(
      StanfordCoreNLP pipeline, ExecutorService pool, List<MessageTsv.Message> messages)
      throws InterruptedException, ExecutionException {
    List<Future<ToneAggregator.Tone>> futures = new ArrayList<>(messages.size());
    for (MessageTsv.Message message : messages) {
      futures.add(pool.submit(() -> classify(pipeline, message.text())));
    }
    List<ToneAggregator.Tone> tones = new ArrayList<>(messages.size());
    for (Future<ToneAggregator.Tone> future : futures) {
      tones.add(future.get());
    }
    return tones;
  }

  static ToneAggregator.Tone classify(StanfordCoreNLP pipeline, String text) {
    Annotation annotation = new Annotation(text);
    pipeline.annotate(annotation);
    List<ToneAggregator.SentenceSentiment> sentences = new ArrayList<>();
    List<CoreMap> coreSentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
    if (coreSentences != null) {
      for (CoreMap sentence : coreSentences) {
        Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
        if (tree == null) {
          continue; // CoreNLP could not parse/score this sentence (e.g. a parser time-out)
        }
        List<Double> predictions = RNNCoreAnnotations.getPredictionsAsStringList(tree);
        double[] p = new double[predictions.size()];
        for (int k = 0; k < p.length; k++) {
          p[k] = predictions.get(k);
        }
        List<?> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        sentences.add(new ToneAggregator.SentenceSentiment(p, tokens == null ? 0 : tokens.size()));
      }
    }
    return ToneAggregator.aggregate(sentences);
  }

  static String version(int threads) {
    return "stanford-corenlp-" + coreNlpVersion() + ";annotators=" + ANNOTATORS
        + ";threads=" + threads + ";java-" + System.getProperty("java.version");
  }

  static String coreNlpVersion() {
    Properties props = new Properties();
    try (InputStream in = CoreNlpBaseline.class.getResourceAsStream("baseline.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return props.getProperty("corenlp.version", "unknown");
  }

  /** Daemon worker threads, so that a failure never leaves the JVM hanging. */
  private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "corenlp-worker-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    }
  }

  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  record Options(Path in, Path out, int threads, int warmup) {

    static final String USAGE =
        "usage: java -jar plumly-tone-corenlp-baseline.jar --in FILE --out FILE"
            + " [--threads N (default: available processors)] [--warmup N (default: 50)]";

    static Options parse(String[] args) throws UsageException {
      Path in = null;
      Path out = null;
      int threads = Runtime.getRuntime().availableProcessors();
      int warmup = 50;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("-h") || flag.equals("--help")) {
          throw new UsageException("help");
        }
        if (i + 1 >= args.length) {
          throw new UsageException(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--in" -> in = Path.of(value);
          case "--out" -> out = Path.of(value);
          case "--threads" -> threads = positive(flag, value, 1);
          case "--warmup" -> warmup = positive(flag, value, 0);
          default -> throw new UsageException("unknown argument " + flag);
        }
      }
      if (in == null || out == null) {
        throw new UsageException("--in and --out are required");
      }
      return new Options(in, out, threads, warmup);
    }

    private static int positive(String flag, String value, int min) throws UsageException {
      try {
        int n = Integer.parseInt(value);
        if (n < min) {
          throw new UsageException(flag + " must be at least " + min);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new UsageException(flag + " must be a whole number, got " + value);
      }
    }
  }
}
