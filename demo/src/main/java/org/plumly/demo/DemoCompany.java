package org.plumly.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/** Command line: writes the demo company's sources into a folder. */
public final class DemoCompany {
    private DemoCompany() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        long seed = 42;
        LocalDate today = LocalDate.now();
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
        long started = System.nanoTime();
        Crm crm = new CrmGenerator(seed, today).generate();
        CrmExport.write(crm, out.resolve("crm"));
        System.out.printf("%d users, %d accounts, %d contacts, %d opportunities in %d ms%n", crm.users.size(),
                crm.accounts.size(), crm.contacts.size(), crm.opportunities.size(), (System.nanoTime() - started) / 1_000_000);
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
