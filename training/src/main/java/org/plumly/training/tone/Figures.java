package org.plumly.training.tone;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.plumly.api.tone.Tone;

/**
 * How a system's answers compare with the labels of one set: accuracy, F1 of each gold class and their
 * mean (macro-F1). A set whose labels have no neutral class (the UCI reviews) is scored over positive and
 * negative only; a neutral answer there is simply wrong, for every system alike.
 */
public record Figures(int count, double accuracy, Map<Tone, Double> f1, double macroF1) {

    public static Figures of(List<Tone> gold, List<Tone> answers) {
        if (gold.size() != answers.size() || gold.isEmpty()) {
            throw new IllegalArgumentException("need as many answers as labels, and some: " + gold.size() + " vs " + answers.size());
        }
        int right = 0;
        for (int i = 0; i < gold.size(); i++) {
            right += gold.get(i) == answers.get(i) ? 1 : 0;
        }
        Map<Tone, Double> f1 = new EnumMap<>(Tone.class);
        for (Tone tone : Tone.values()) {
            if (gold.contains(tone)) {
                f1.put(tone, f1(tone, gold, answers));
            }
        }
        double macro = f1.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Figures(gold.size(), (double) right / gold.size(), Map.copyOf(f1), macro);
    }

    private static double f1(Tone tone, List<Tone> gold, List<Tone> answers) {
        int truePositives = 0;
        int answered = 0;
        int labelled = 0;
        for (int i = 0; i < gold.size(); i++) {
            boolean isLabelled = gold.get(i) == tone;
            boolean isAnswered = answers.get(i) == tone;
            labelled += isLabelled ? 1 : 0;
            answered += isAnswered ? 1 : 0;
            truePositives += isLabelled && isAnswered ? 1 : 0;
        }
        return labelled + answered == 0 ? 0 : 2.0 * truePositives / (labelled + answered);
    }
}
