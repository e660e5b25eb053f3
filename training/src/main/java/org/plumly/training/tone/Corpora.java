package org.plumly.training.tone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.plumly.api.tone.Tone;

/**
 * The labelled text the tone model learns from, and the fixed split that keeps part of it unseen.
 *
 * <ul>
 *   <li>{@link #UCI}: the UCI Sentiment Labelled Sentences (Kotzias et al., 2015; Amazon, IMDb and Yelp
 *       reviews, positive/negative; CC BY 4.0), as the npm package {@code sentiment} 5.0.2 ships them in its
 *       test fixtures. Fetched from the npm registry and checked against the registry's published digest.</li>
 *   <li>{@link #SALES_MAIL}: Plumly's own sales-mail sentences ({@code training/data/sales-mail}, written for
 *       Plumly by its developers under {@code training/LABELLING.md}; positive/neutral/negative).</li>
 * </ul>
 *
 * <p>A sentence is held out when a hash of its normalized text falls in one fifth of the range: the split
 * depends on nothing but the text, so it stays the same whatever the order, the seed or the files around it.
 */
public final class Corpora {
    public static final String UCI = "uci";
    public static final String SALES_MAIL = "sales-mail";
    static final URI SENTIMENT_PACKAGE = URI.create("https://registry.npmjs.org/sentiment/-/sentiment-5.0.2.tgz");
    static final String SENTIMENT_INTEGRITY =
            "sha512-ZeC3y0JsOYTdwujt5uOd7ILJNilbgFzUtg/LEG4wUv43LayFNLZ28ec8+Su+h3saHlJmIwYxBzfDHHZuiMA15g==";
    private static final List<String> UCI_FILES = List.of("amazon", "imdb", "yelp");
    private static final int HELD_OUT_BUCKETS = 5;
    private static final int VALIDATION_BUCKETS = 10;

    private Corpora() {
    }

    /** Every labelled sentence, each text once (the first label wins; conflicting duplicates are few and dropped). */
    public static List<LabelledSentence> all(Path salesMailFolder, Path cache) throws IOException {
        List<LabelledSentence> all = new ArrayList<>(uci(cache));
        all.addAll(salesMail(salesMailFolder));
        Set<String> seen = new HashSet<>();
        return all.stream().filter(s -> seen.add(normalized(s.text()))).toList();
    }

    public static boolean heldOut(LabelledSentence sentence) {
        return bucket(sentence, "held-out", HELD_OUT_BUCKETS) == 0;
    }

    /** Among sentences not held out, the tenth used to choose when training stops. */
    public static boolean validation(LabelledSentence sentence) {
        return !heldOut(sentence) && bucket(sentence, "validation", VALIDATION_BUCKETS) == 0;
    }

    public static List<LabelledSentence> salesMail(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .tsv files in " + folder);
        }
        List<LabelledSentence> sentences = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("label\ttext")) {
                throw new IOException(file + ": the first line must be the header label<TAB>text");
            }
            for (int i = 1; i < lines.size(); i++) {
                String id = SALES_MAIL + "/" + file.getFileName() + ":" + (i + 1);
                String[] fields = lines.get(i).split("\t", -1);
                if (fields.length != 2) {
                    throw new IOException(id + ": expected label<TAB>text");
                }
                sentences.add(new LabelledSentence(id, SALES_MAIL, tone(fields[0], id), fields[1]));
            }
        }
        return sentences;
    }

    public static List<LabelledSentence> uci(Path cache) throws IOException {
        Path tarball = sentimentPackage(cache);
        ObjectMapper json = new ObjectMapper();
        List<LabelledSentence> sentences = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                for (String name : UCI_FILES) {
                    if (entry.getName().equals("package/test/fixtures/" + name + ".json")) {
                        JsonNode rows = json.readTree(tar.readAllBytes());
                        for (int i = 0; i < rows.size(); i++) {
                            String text = rows.get(i).path("text").asText().replaceAll("\\s+", " ").strip();
                            if (text.isEmpty()) {
                                continue; // each fixture ends with an empty row
                            }
                            int polarity = rows.get(i).path("class").asInt(-1);
                            if (polarity != 0 && polarity != 1) {
                                throw new IOException(name + ".json#" + i + ": class must be 0 or 1");
                            }
                            sentences.add(new LabelledSentence(UCI + "/" + name + ".json#" + i, UCI,
                                    polarity == 1 ? Tone.POSITIVE : Tone.NEGATIVE, text));
                        }
                    }
                }
            }
        }
        if (sentences.isEmpty()) {
            throw new IOException(tarball + " holds none of the UCI fixtures " + UCI_FILES);
        }
        return sentences;
    }

    /** The npm package, downloaded once into the cache and checked against its published digest each time. */
    static Path sentimentPackage(Path cache) throws IOException {
        Path tarball = cache.resolve("sentiment-5.0.2.tgz");
        if (!Files.exists(tarball) || !integrityHolds(Files.readAllBytes(tarball))) {
            byte[] bytes = download(SENTIMENT_PACKAGE);
            if (!integrityHolds(bytes)) {
                throw new IOException(SENTIMENT_PACKAGE + " does not match the registry's digest " + SENTIMENT_INTEGRITY);
            }
            Files.createDirectories(cache);
            Files.write(tarball, bytes);
        }
        return tarball;
    }

    private static byte[] download(URI uri) throws IOException {
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered " + response.statusCode());
                }
                return body.readAllBytes();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        }
    }

    private static boolean integrityHolds(byte[] bytes) {
        return SENTIMENT_INTEGRITY.equals("sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", bytes)));
    }

    private static int bucket(LabelledSentence sentence, String purpose, int buckets) {
        byte[] hash = digest("SHA-256", (purpose + ":" + normalized(sentence.text())).getBytes(StandardCharsets.UTF_8));
        return ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) % buckets;
    }

    static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static Tone tone(String label, String id) throws IOException {
        return switch (label) {
            case "positive" -> Tone.POSITIVE;
            case "neutral" -> Tone.NEUTRAL;
            case "negative" -> Tone.NEGATIVE;
            default -> throw new IOException(id + ": label must be positive, neutral or negative, not '" + label + "'");
        };
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
