package org.plumly.training.tone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.mime.MimeTypeException;
import org.plumly.api.tone.Tone;
import org.plumly.tone.dl4j.ToneModel;

/**
 * {@code ./plumly bench tone}: the shipped model and the baselines on the same held-out sentences.
 *
 * <ol>
 *   <li>{@code held-out --dir DIR} writes each held-out set as {@code DIR/<set>.tsv} ({@code id<TAB>text}), the
 *       input every baseline runner reads;</li>
 *   <li>the runners write {@code DIR/<system>-<set>.tsv} ({@code id<TAB>label<TAB>score}) and print one timing
 *       line, kept as {@code DIR/<system>-<set>.timing};</li>
 *   <li>{@code demo --demo FOLDER} checks the model on the demo company's customer mail ({@link DemoMailCheck});</li>
 *   <li>{@code report --dir DIR} classifies the sets with the shipped model, reads the baselines' answers,
 *       scores every system the same way ({@link Figures}; on a set without neutral labels, by polarity, see
 *       {@link Evaluation}) and prints the table. Its last line:
 *       {@code tone.macro_f1=… tone.baseline_macro_f1=… tone.msgs_per_s=…}: the model's macro-F1 on the
 *       sales-mail sentences (the register Plumly classifies), the best baseline's there, and the model's
 *       messages per second over both sets in batch.</li>
 * </ol>
 */
public final class ToneBench {
    private static final List<String> SETS = List.of(Corpora.UCI, Corpora.SALES_MAIL);
    private static final Pattern TIMING = Pattern.compile("system=(\\S+) messages=(\\d+) seconds=([0-9.]+)(?: version=(.*))?");
    private static final int TIMED_ROUNDS = 5;

    private ToneBench() {
    }

    public static void main(String[] args) throws IOException, MimeTypeException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: held-out|report --dir DIR [--data FOLDER] [--cache FOLDER] | demo --demo FOLDER");
        }
        Map<String, String> given = Arguments.parse(Arrays.copyOfRange(args, 1, args.length),
                List.of("dir", "data", "cache", "demo"));
        if (args[0].equals("demo")) {
            DemoMailCheck.run(Path.of(given.getOrDefault("demo", "training/target/tone-bench/demo")));
            return;
        }
        Path dir = Path.of(given.getOrDefault("dir", "training/target/tone-bench"));
        List<LabelledSentence> heldOut = Corpora.all(Path.of(given.getOrDefault("data", "training/data/sales-mail")),
                Path.of(given.getOrDefault("cache", "training/target/corpora"))).stream().filter(Corpora::heldOut).toList();
        switch (args[0]) {
            case "held-out" -> writeHeldOut(dir, heldOut);
            case "report" -> report(dir, heldOut);
            default -> throw new IllegalArgumentException("held-out or report, not " + args[0]);
        }
    }

    private static void writeHeldOut(Path dir, List<LabelledSentence> heldOut) throws IOException {
        Files.createDirectories(dir);
        for (String set : SETS) {
            List<String> lines = new ArrayList<>(List.of("id\ttext"));
            TrainTone.subset(heldOut, set).forEach(s -> lines.add(s.id() + "\t" + s.text()));
            Files.write(dir.resolve(set + ".tsv"), lines, StandardCharsets.UTF_8);
            System.out.println("wrote " + dir.resolve(set + ".tsv") + " (" + (lines.size() - 1) + " sentences)");
        }
    }

    private static void report(Path dir, List<LabelledSentence> heldOut) throws IOException {
        ToneModel model = ToneModel.shipped();
        Map<String, Map<String, Row>> rows = new LinkedHashMap<>();
        double modelSeconds = 0;
        int modelMessages = 0;
        for (String set : SETS) {
            List<LabelledSentence> sentences = TrainTone.subset(heldOut, set);
            Evaluation.of(model, sentences);
            double best = Double.MAX_VALUE;
            Evaluation.Result result = null;
            for (int round = 0; round < TIMED_ROUNDS; round++) {
                result = Evaluation.of(model, sentences);
                best = Math.min(best, result.seconds());
            }
            modelSeconds += best;
            modelMessages += sentences.size();
            rows.computeIfAbsent(set, s -> new LinkedHashMap<>()).put("plumly", new Row(model.name(), result.figures(),
                    sentences.size() / best));
            for (String system : baselines(dir, set)) {
                rows.get(set).put(system, baseline(dir, system, set, sentences));
            }
        }
        print(rows);
        Row ours = rows.get(Corpora.SALES_MAIL).get("plumly");
        double bestBaseline = rows.get(Corpora.SALES_MAIL).entrySet().stream().filter(e -> !e.getKey().equals("plumly"))
                .mapToDouble(e -> e.getValue().figures().macroF1()).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "tone.macro_f1=%.3f tone.baseline_macro_f1=%.3f tone.msgs_per_s=%.0f%n",
                ours.figures().macroF1(), bestBaseline, modelMessages / modelSeconds);
    }

    private static List<String> baselines(Path dir, String set) throws IOException {
        String suffix = "-" + set + ".timing";
        try (var listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
        }
    }

    private static Row baseline(Path dir, String system, String set, List<LabelledSentence> sentences) throws IOException {
        List<String> answersFile = Files.readAllLines(dir.resolve(system + "-" + set + ".tsv"), StandardCharsets.UTF_8);
        boolean polarity = Evaluation.polarOnly(sentences);
        // a lexicon's score is a signed sum; CoreNLP's the expected class from 0 (very negative) to 4 (very positive)
        double middle = system.equals("corenlp") ? 2.0 : 0.0;
        Map<String, Tone> answers = new LinkedHashMap<>();
        for (String line : answersFile.subList(1, answersFile.size())) {
            String[] fields = line.split("\t", -1);
            double score = Double.parseDouble(fields[2]);
            Tone answer = !polarity ? Tone.valueOf(fields[1].toUpperCase(Locale.ROOT))
                    : score > middle ? Tone.POSITIVE : score < middle ? Tone.NEGATIVE : Tone.NEUTRAL;
            answers.put(fields[0], answer);
        }
        List<Tone> gold = new ArrayList<>();
        List<Tone> given = new ArrayList<>();
        for (LabelledSentence sentence : sentences) {
            Tone answer = answers.get(sentence.id());
            if (answer == null) {
                throw new IOException(system + " gave no answer for " + sentence.id());
            }
            gold.add(sentence.label());
            given.add(answer);
        }
        String timing = Files.readString(dir.resolve(system + "-" + set + ".timing"), StandardCharsets.UTF_8).strip();
        Matcher matcher = TIMING.matcher(timing);
        if (!matcher.find()) {
            throw new IOException(system + " printed no timing line: " + timing);
        }
        String version = matcher.group(4) == null ? matcher.group(1) : matcher.group(4);
        return new Row(version, Figures.of(gold, given),
                Integer.parseInt(matcher.group(2)) / Double.parseDouble(matcher.group(3)));
    }

    private record Row(String system, Figures figures, double messagesPerSecond) {
    }

    private static void print(Map<String, Map<String, Row>> rows) {
        for (Map.Entry<String, Map<String, Row>> set : rows.entrySet()) {
            int count = set.getValue().values().iterator().next().figures().count();
            System.out.printf(Locale.ROOT, "%n%s held-out sentences: %d%s%n", set.getKey(), count,
                    set.getKey().equals(Corpora.UCI) ? " (labelled positive or negative only: every system is asked for its"
                            + " polarity; a lexicon score or CoreNLP expectation right in the middle is no answer)" : "");
            System.out.printf(Locale.ROOT, "%-44s %8s %8s %7s %7s %7s %10s%n", "system", "accuracy", "macro-F1",
                    "F1 pos", "F1 neu", "F1 neg", "msgs/s");
            for (Row row : set.getValue().values()) {
                Figures f = row.figures();
                System.out.printf(Locale.ROOT, "%-44s %8.3f %8.3f %7s %7s %7s %10.0f%n", row.system(), f.accuracy(),
                        f.macroF1(), f1(f, Tone.POSITIVE), f1(f, Tone.NEUTRAL), f1(f, Tone.NEGATIVE), row.messagesPerSecond());
            }
        }
        System.out.println();
    }

    private static String f1(Figures figures, Tone tone) {
        Double f1 = figures.f1().get(tone);
        return f1 == null ? "-" : String.format(Locale.ROOT, "%.3f", f1);
    }
}
