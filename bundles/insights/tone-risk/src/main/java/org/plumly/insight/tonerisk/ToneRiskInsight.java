package org.plumly.insight.tonerisk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plumly.api.Activity;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.Evidence;
import org.plumly.api.Severity;
import org.plumly.api.insight.Finding;
import org.plumly.api.insight.InsightAlgorithm;
import org.plumly.api.insight.OpportunityContext;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.Tone;
import org.plumly.api.tone.ToneVerdict;

/**
 * Raises an open opportunity whose customer's recent e-mail turned negative: a trend over several
 * messages, not one message, because the tone model makes whole messages lean polar (MODEL_CARD.md).
 *
 * <p>The rule, with the configured names:
 * <ol>
 *   <li>the opportunity is {@code OPEN};</li>
 *   <li>the messages considered are the customer's e-mails (kind {@code EMAIL}, direction
 *       {@code INBOUND}) that have a tone verdict and were sent within the last {@code recentDays}
 *       days (sent at or after {@code now − recentDays}, not after {@code now}); of those, the newest
 *       {@code window}. Mail not classified, outbound and internal mail are ignored;</li>
 *   <li>at least {@code minMessages} messages are considered;</li>
 *   <li>the mean P(negative) of the newest {@code latest} of them exceeds the mean P(negative) of the
 *       earlier ones by {@code shift} or more;</li>
 *   <li>at least {@code minNegative} of the messages considered are {@code NEGATIVE} as a whole.</li>
 * </ol>
 * Severity is {@code HIGH} when the newest message is {@code NEGATIVE} with P(negative) ≥ 0.8, else
 * {@code MEDIUM}. Evidence: each negative message considered (newest first), then up to 3 of their
 * most negative sentences that are negative themselves, quoted (at most 200 characters).
 */
@Component(service = InsightAlgorithm.class, configurationPid = ToneRiskInsight.PID)
@Designate(ocd = ToneRiskInsight.Config.class)
public class ToneRiskInsight implements InsightAlgorithm {
    static final String PID = "org.plumly.insight.tone-risk";
    static final String TYPE = "tone-risk";
    static final double HIGH_NEGATIVE = 0.8;
    static final int MAX_SENTENCES = 3;
    static final int MAX_QUOTE_CHARS = 200;
    // the means are sums of doubles: a shift of exactly the threshold must not fail on rounding
    private static final double EPSILON = 1e-9;

    @ObjectClassDefinition(name = "Plumly insight: tone risk",
            description = "An open opportunity whose customer's recent e-mail turned negative, as a trend")
    public @interface Config {
        @AttributeDefinition(description = "The newest classified customer e-mails considered")
        int window() default 5;

        @AttributeDefinition(description = "Only customer e-mails sent within this many days before now")
        int recentDays() default 30;

        @AttributeDefinition(description = "No finding with fewer classified customer e-mails than this")
        int minMessages() default 3;

        @AttributeDefinition(description = "How many of the newest e-mails are compared with the earlier ones")
        int latest() default 2;

        @AttributeDefinition(description = "How much the newest e-mails' mean P(negative) must exceed the earlier ones'")
        double shift() default 0.25;

        @AttributeDefinition(description = "How many of the e-mails considered must be negative as a whole")
        int minNegative() default 2;
    }

    private final int window;
    private final Duration recent;
    private final int minMessages;
    private final int latest;
    private final double shift;
    private final int minNegative;

    @Activate
    public ToneRiskInsight(Config config) {
        window = config.window();
        minMessages = config.minMessages();
        latest = config.latest();
        shift = config.shift();
        minNegative = config.minNegative();
        if (config.recentDays() < 1) {
            throw new IllegalArgumentException("recentDays must be at least 1: " + config.recentDays());
        }
        if (latest < 1) {
            throw new IllegalArgumentException("latest must be at least 1: " + latest);
        }
        if (minMessages <= latest) {
            throw new IllegalArgumentException("minMessages (" + minMessages + ") must exceed latest (" + latest
                    + "): the newest e-mails need earlier ones to be compared with");
        }
        if (window < minMessages) {
            throw new IllegalArgumentException("window (" + window + ") must be at least minMessages (" + minMessages + ")");
        }
        if (!(shift > 0 && shift <= 1)) {
            throw new IllegalArgumentException("shift must be within (0, 1]: " + shift);
        }
        if (minNegative < 1 || minNegative > window) {
            throw new IllegalArgumentException("minNegative must be within [1, window=" + window + "]: " + minNegative);
        }
        recent = Duration.ofDays(config.recentDays());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Finding> evaluate(OpportunityContext context) {
        if (!context.opportunity().isOpen()) {
            return Optional.empty();
        }
        Instant now = context.now();
        Instant since = now.minus(recent);
        List<Classified> considered = context.activities().stream()
                .filter(a -> a.kind() == ActivityKind.EMAIL && a.direction() == Direction.INBOUND)
                .filter(a -> !a.occurredAt().isBefore(since) && !a.occurredAt().isAfter(now))
                .filter(a -> context.tones().containsKey(a.id()))
                .sorted(Comparator.comparing(Activity::occurredAt).reversed())
                .limit(window)
                .map(a -> new Classified(a, context.tones().get(a.id())))
                .toList();
        if (considered.size() < minMessages) {
            return Optional.empty();
        }
        List<Classified> newest = considered.subList(0, latest);
        List<Classified> earlier = considered.subList(latest, considered.size());
        double newestMean = meanNegative(newest);
        double earlierMean = meanNegative(earlier);
        List<Classified> negative = considered.stream().filter(c -> c.verdict().tone() == Tone.NEGATIVE).toList();
        if (newestMean - earlierMean < shift - EPSILON || negative.size() < minNegative) {
            return Optional.empty();
        }
        ToneVerdict newestVerdict = considered.get(0).verdict();
        Severity severity = newestVerdict.tone() == Tone.NEGATIVE && newestVerdict.scores().negative() >= HIGH_NEGATIVE
                ? Severity.HIGH : Severity.MEDIUM;
        return Optional.of(new Finding(severity, explanation(earlier, newestMean, earlierMean), evidence(negative)));
    }

    private String explanation(List<Classified> earlier, double newestMean, double earlierMean) {
        long calm = earlier.stream().filter(c -> c.verdict().tone() != Tone.NEGATIVE).count();
        String last = latest == 1 ? "last e-mail" : "last " + latest + " e-mails";
        String before = calm == earlier.size()
                ? "after " + calm + " neutral or positive " + (calm == 1 ? "one" : "ones")
                : "after " + earlier.size() + " earlier " + (earlier.size() == 1 ? "one" : "ones") + ", " + calm
                        + " of them neutral or positive";
        return "The customer's " + last + " turned negative (" + before + "): the chance of a negative tone rose from "
                + percent(earlierMean) + " to " + percent(newestMean) + ".";
    }

    private static List<Evidence> evidence(List<Classified> negative) {
        List<Evidence> evidence = new ArrayList<>();
        for (Classified c : negative) {
            evidence.add(new Evidence(Evidence.Kind.ACTIVITY, c.activity().id().value(), null));
        }
        negative.stream()
                .flatMap(c -> c.verdict().sentences().stream()
                        .filter(s -> s.scores().tone() == Tone.NEGATIVE && !s.sentence().isBlank())
                        .map(s -> new Quoted(c.activity(), s)))
                .sorted(Comparator.comparingDouble((Quoted q) -> q.sentence().scores().negative()).reversed())
                .limit(MAX_SENTENCES)
                .forEach(q -> evidence.add(new Evidence(Evidence.Kind.SENTENCE, q.activity().id().value(),
                        quote(q.sentence().sentence()))));
        return evidence;
    }

    static String quote(String sentence) {
        String text = sentence.strip().replaceAll("\\s+", " ");
        if (text.length() <= MAX_QUOTE_CHARS) {
            return text;
        }
        int end = MAX_QUOTE_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static double meanNegative(List<Classified> messages) {
        return messages.stream().mapToDouble(c -> c.verdict().scores().negative()).average().orElse(0);
    }

    private static String percent(double p) {
        return Math.round(p * 100) + "%";
    }

    private record Classified(Activity activity, ToneVerdict verdict) {
    }

    private record Quoted(Activity activity, SentenceTone sentence) {
    }
}
