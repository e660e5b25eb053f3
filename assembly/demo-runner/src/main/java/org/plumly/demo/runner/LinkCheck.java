package org.plumly.demo.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * How identity resolution linked the demo's mail and meetings, against what the generator meant
 * ({@code truth.csv}: each message and meeting with its opportunity, or none). It reads the time
 * lines through the API, as a company admin would see them.
 */
final class LinkCheck {
    private final HubApi api;
    private final String crmIntegration;

    LinkCheck(HubApi api, String crmIntegration) {
        this.api = api;
        this.crmIntegration = crmIntegration;
    }

    /** The counts per kind (email, meeting) of one comparison. */
    static final class Counts {
        int rightDeal;
        int otherDeal;
        int unlinked;
        int withoutDeal;
        int withoutDealLinked;

        int withDeal() {
            return rightDeal + otherDeal + unlinked;
        }
    }

    /** Compares the time lines of the truth's opportunities with the truth; the counts by kind. */
    Map<String, Counts> compare(Path truthFile) throws IOException {
        Map<String, String> kindOf = new HashMap<>();
        Map<String, String> dealOf = new HashMap<>();
        Set<String> deals = new LinkedHashSet<>();
        try (Reader reader = Files.newBufferedReader(truthFile, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String key = normal(row.get("key"));
                kindOf.put(key, row.get("kind"));
                dealOf.put(key, row.get("opportunity"));
                if (!row.get("opportunity").isEmpty()) {
                    deals.add(row.get("opportunity"));
                }
            }
        }
        Map<String, Set<String>> linkedTo = new HashMap<>();
        for (String deal : deals) {
            List<JsonNode> timeline = api.all("opportunities/" + HubApi.encode(crmIntegration + ":" + deal) + "/activities");
            for (JsonNode activity : timeline) {
                String id = activity.get("id").asText();
                linkedTo.computeIfAbsent(normal(id.substring(id.indexOf(':') + 1)), k -> new LinkedHashSet<>()).add(deal);
            }
        }
        Map<String, Counts> counts = new TreeMap<>();
        dealOf.forEach((key, deal) -> {
            Counts kind = counts.computeIfAbsent(kindOf.get(key), k -> new Counts());
            Set<String> linked = linkedTo.getOrDefault(key, Set.of());
            if (deal.isEmpty()) {
                kind.withoutDeal++;
                if (!linked.isEmpty()) {
                    kind.withoutDealLinked++;
                }
            } else if (linked.contains(deal)) {
                kind.rightDeal++;
            } else if (!linked.isEmpty()) {
                kind.otherDeal++;
            } else {
                kind.unlinked++;
            }
        });
        return counts;
    }

    static String describe(String kind, Counts counts) {
        return String.format(Locale.ROOT, "%s: %d of %d on the right deal (%.1f%%), %d on another deal, %d on none; "
                        + "%d of %d that belong to no deal linked to one", kind, counts.rightDeal, counts.withDeal(),
                counts.withDeal() == 0 ? 0 : 100.0 * counts.rightDeal / counts.withDeal(), counts.otherDeal, counts.unlinked,
                counts.withoutDealLinked, counts.withoutDeal);
    }

    /** A Message-ID or UID as both sides write it: without angle brackets, lower case. */
    private static String normal(String key) {
        return key.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
    }
}
