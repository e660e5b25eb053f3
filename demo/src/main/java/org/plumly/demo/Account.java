package org.plumly.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A customer company. The first domain is its website's; a few use a second one for part of their mail. */
record Account(String id, String name, List<String> domains, String industry, String ownerId, ZoneId zone,
               String team, String site, Instant created) {

    String website() {
        return "https://www." + domains.get(0);
    }

    boolean european() {
        return team.equals("EMEA");
    }
}
