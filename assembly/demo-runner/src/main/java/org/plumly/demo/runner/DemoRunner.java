package org.plumly.demo.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./plumly run}'s demo: serves the demo mailboxes over IMAP on loopback, sets up and syncs the
 * demo tenant's integrations through the hub's API, prints what each run stored and how identity
 * resolution linked the mail and meetings, writes the ready file, and with {@code --serve} keeps the
 * mail server up until it is stopped.
 *
 * <pre>
 * java -jar plumly-demo-runner.jar --imports DIR --imap-port 3143 --api http://127.0.0.1:8181/api/v1
 *      --token-file FILE --passwords-file FILE [--ready-file FILE] [--serve]
 * </pre>
 */
public final class DemoRunner {
    private DemoRunner() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(options(args));
        } catch (Exception | Error failure) {
            // The mail server's threads would keep the JVM up: the launcher must see the failure.
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Map<String, String> options) throws Exception {
        Path imports = Path.of(required(options, "imports"));
        int imapPort = Integer.parseInt(required(options, "imap-port"));
        HubApi api = new HubApi(URI.create(required(options, "api")), Files.readString(Path.of(required(options, "token-file"))).strip());
        Properties passwords = passwords(Path.of(required(options, "passwords-file")), imports.resolve("mail"));
        PrintStream out = System.out;

        DemoMailServer mail = new DemoMailServer(imports.resolve("mail"), imapPort, passwords::getProperty);
        Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "stop the demo mail server"));
        out.printf("demo: mail server on 127.0.0.1:%d with %d mailboxes, %d messages%n", imapPort, mail.mailboxes().size(),
                mail.mailboxes().values().stream().mapToInt(Integer::intValue).sum());

        DemoSetup setup = new DemoSetup(api, out);
        List<DemoSetup.Wanted> wanted = DemoSetup.wanted(imports, imapPort, passwords::getProperty);
        Map<String, String> connectors = new LinkedHashMap<>();
        wanted.forEach(w -> connectors.put(w.id(), w.connector()));
        // The CRM first: mail and meetings are linked to its people and deals as they are stored.
        List<DemoSetup.Wanted> crm = wanted.stream().filter(w -> w.connector().equals("csv")).toList();
        List<DemoSetup.Wanted> activities = wanted.stream().filter(w -> !w.connector().equals("csv")).toList();
        out.println("demo: syncing the CRM export");
        Instant since = Instant.now();
        List<DemoSetup.Finished> runs = new ArrayList<>(setup.syncAll(setup.provision(crm), since, connectors));
        out.printf("demo: syncing %d calendars and mailboxes%n", activities.size());
        since = Instant.now();
        runs.addAll(setup.syncAll(setup.provision(activities), since, connectors));
        DemoSetup.throughput(runs).forEach((connector, figure) -> out.printf("demo: %-5s %s%n", connector, figure));

        Path truth = imports.resolve("truth.csv");
        if (Files.isRegularFile(truth)) {
            new LinkCheck(api, "crm").compare(truth).forEach((kind, counts) -> out.println("demo: " + LinkCheck.describe(kind, counts)));
        }
        long failed = runs.stream().filter(run -> !"SUCCEEDED".equals(run.status())).count();
        out.printf("demo: synced, %d of %d runs succeeded%n", runs.size() - failed, runs.size());
        if (options.containsKey("ready-file")) {
            Files.writeString(Path.of(options.get("ready-file")), runs.size() - failed + "/" + runs.size() + "\n");
        }

        if (options.containsKey("serve")) {
            new CountDownLatch(1).await();
        }
    }

    /** The demo mailboxes' passwords: kept in {@code file} (owner-only), a new random one for a mailbox not in it yet. */
    private static Properties passwords(Path file, Path mailRoot) throws IOException {
        Properties passwords = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                passwords.load(in);
            }
        }
        boolean added = false;
        SecureRandom random = new SecureRandom();
        try (var mailboxes = Files.list(mailRoot)) {
            for (Path mailbox : mailboxes.sorted().toList()) {
                String address = mailbox.getFileName().toString();
                if (passwords.getProperty(address) == null) {
                    byte[] bytes = new byte[18];
                    random.nextBytes(bytes);
                    passwords.setProperty(address, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                    added = true;
                }
            }
        }
        if (added) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path fresh = Files.createTempFile(file.toAbsolutePath().getParent(), ".passwords", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(fresh)) {
                passwords.store(out, "Passwords of the demo mailboxes (the demo mail server and the demo tenant's IMAP integrations)");
            }
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return passwords;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "" : args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
