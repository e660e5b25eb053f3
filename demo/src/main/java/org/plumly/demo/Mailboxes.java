package org.plumly.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Files every message into the demo mailboxes that hold it: the sender's Sent, each team recipient's INBOX. */
final class Mailboxes {
    private Mailboxes() {
    }

    /** @return for each Message-ID, the files it was written to, relative to {@code dir}'s parent */
    static Map<String, List<String>> write(List<Mail> mails, List<SalesUser> users, Path dir) throws IOException {
        Set<String> team = users.stream().map(SalesUser::email).collect(Collectors.toSet());
        Map<String, List<Mail>> folders = new TreeMap<>();
        for (SalesUser u : users) {
            folders.put(u.email() + "/INBOX", new ArrayList<>());
            folders.put(u.email() + "/Sent", new ArrayList<>());
        }
        for (Mail m : mails) {
            if (team.contains(m.from().email())) {
                folders.get(m.from().email() + "/Sent").add(m);
            }
            for (Mail.Address a : concat(m.to(), m.cc())) {
                if (team.contains(a.email()) && !a.email().equals(m.from().email())) {
                    folders.get(a.email() + "/INBOX").add(m);
                }
            }
        }
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (Map.Entry<String, List<Mail>> folder : folders.entrySet()) {
            Path path = dir.resolve(folder.getKey());
            Files.createDirectories(path);
            int n = 0;
            for (Mail m : folder.getValue()) {
                String name = String.format("%05d.eml", ++n);
                Files.write(path.resolve(name), MessageWriter.write(m));
                where.computeIfAbsent(m.messageId(), k -> new ArrayList<>())
                        .add(dir.getFileName() + "/" + folder.getKey() + "/" + name);
            }
        }
        return where;
    }

    private static List<Mail.Address> concat(List<Mail.Address> a, List<Mail.Address> b) {
        List<Mail.Address> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
