package org.plumly.training.tone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs of a command line, only the names a command knows. */
final class Arguments {
    private Arguments() {
    }

    static Map<String, String> parse(String[] args, List<String> known) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: " + known.stream().map(k -> "[--" + k + " VALUE]").toList()
                        + "; not understood: " + args[i]);
            }
            given.put(name, args[i + 1]);
        }
        return given;
    }
}
