package org.plumly.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes the sources of the demo company, Northwind Tools: its CRM export, the mailboxes and calendars of its
 * sales team, and the truth an identity resolution should find. The output depends on the seed and today only.
 *
 * <pre>java -jar plumly-demo.jar --out DIR [--seed 42] [--today 2026-11-25]</pre>
 */
public final class DemoCompany {
    private DemoCompany() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        long seed = 42;
        LocalDate today = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--today" -> today = LocalDate.parse(value(args, ++i));
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (out == null) {
            usage("--out is required");
        }
        // The clock is read here only, as the default; everything below depends on the arguments alone.
        String report = write(out, seed, today != null ? today : LocalDate.now());
        System.out.print(report);
    }

    /** Writes everything into {@code out} and returns the summary that README.txt holds, with the time taken. */
    static String write(Path out, long seed, LocalDate today) throws IOException {
        long started = System.nanoTime();
        DemoReport report = generate(seed, today);
        CrmExport.write(report.crm, out.resolve("crm"));
        Map<String, List<String>> files = Mailboxes.write(report.mails, report.crm.users, out.resolve("mail"));
        Icalendar.write(report.meetings, report.crm.users, today.atStartOfDay(ZoneOffset.UTC), out.resolve("calendar"));
        TruthExport.write(report.mails, report.meetings, report.horizon, out.resolve("truth.csv"));
        TruthExport.writeTones(report.mails, out.resolve("tones.csv"));
        Files.writeString(out.resolve("README.txt"), report.text(seed, files, -1).replace("\n", "\r\n"), StandardCharsets.UTF_8);
        return report.text(seed, files, (System.nanoTime() - started) / 1_000_000);
    }

    /** The whole company in memory, nothing written. */
    static DemoReport generate(long seed, LocalDate today) {
        Crm crm = new CrmGenerator(seed, today).generate();
        MeetingGenerator meetingGenerator = new MeetingGenerator(crm, seed, today);
        List<Meeting> meetings = meetingGenerator.generate();
        List<Mail> mails = new MailGenerator(crm, meetings, seed, today).generate();
        return new DemoReport(crm, meetings, mails, today, meetingGenerator.horizon());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar plumly-demo.jar --out DIR [--seed 42] [--today yyyy-MM-dd]");
        System.exit(2);
    }
}
