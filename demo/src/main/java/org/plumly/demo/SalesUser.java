package org.plumly.demo;

import java.time.Instant;
import java.time.ZoneId;

/** A Northwind Tools employee: the head of sales, a manager or a rep. Each has a mailbox and a calendar. */
record SalesUser(String id, String firstName, String lastName, String title, String email, String managerId,
                 ZoneId zone, String team, String phone, Instant created) {

    String name() {
        return firstName + " " + lastName;
    }

    String localPart() {
        return email.substring(0, email.indexOf('@'));
    }

    boolean isRep() {
        return title.endsWith("Account Executive");
    }
}
