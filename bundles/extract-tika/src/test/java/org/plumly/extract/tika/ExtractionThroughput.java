package org.plumly.extract.tika;

import static org.plumly.extract.tika.TestMail.HEADERS;
import static org.plumly.extract.tika.TestMail.REPLY;
import static org.plumly.extract.tika.TestMail.attachment;
import static org.plumly.extract.tika.TestMail.message;
import static org.plumly.extract.tika.TestMail.multipart;
import static org.plumly.extract.tika.TestMail.text;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.plumly.api.RawContent;

/**
 * Measures extractions per second of a typical reply (plain and HTML alternatives with quoted history), alone
 * and with a one-page PDF attached, from one caller and from two; a tool to run by hand, not a test:
 * {@code mvn -f bundles/extract-tika/pom.xml test-compile exec:java
 * -Dexec.mainClass=org.plumly.extract.tika.ExtractionThroughput -Dexec.classpathScope=test}.
 */
public final class ExtractionThroughput {
    private ExtractionThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        String html = "<html><body><div>" + REPLY.replace("\n", "<br>\n").replace("On Mon", "</div><div class=\"gmail_quote\">On Mon")
                + "</div></body></html>";
        byte[] reply = message(HEADERS, multipart("alternative", text("plain", REPLY), text("html", html)));
        byte[] withPdf = message(HEADERS, multipart("mixed", multipart("alternative", text("plain", REPLY), text("html", html)),
                attachment("application/pdf", "proposal.pdf", TestDocuments.pdf("Proposal: 40 seats at 30 EUR per seat"))));
        TikaContentExtractor extractor = new TikaContentExtractor(TestConfig.defaults());
        try {
            for (int run = 1; run <= 3; run++) {
                measure(extractor, "reply, " + reply.length + " bytes, 1 caller", reply, count, 1);
                measure(extractor, "reply, 2 callers", reply, count, 2);
                measure(extractor, "reply with a PDF, " + withPdf.length + " bytes, 1 caller", withPdf, count / 4, 1);
                measure(extractor, "reply with a PDF, 2 callers", withPdf, count / 4, 2);
            }
        } finally {
            extractor.deactivate();
        }
    }

    private static void measure(TikaContentExtractor extractor, String what, byte[] mail, int count, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long start = System.nanoTime();
        Future<?>[] running = new Future<?>[callers];
        for (int caller = 0; caller < callers; caller++) {
            running[caller] = pool.submit(() -> {
                for (int i = 0; i < count / callers; i++) {
                    extractor.extract(new RawContent("message/rfc822", mail));
                }
                return null;
            });
        }
        for (Future<?> caller : running) {
            caller.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d messages in %.2f s = %.0f messages/s%n", what, count, seconds, count / seconds);
    }
}
