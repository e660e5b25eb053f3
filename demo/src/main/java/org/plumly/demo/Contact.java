package org.plumly.demo;

/** A person at a customer account, as the CRM lists them. */
record Contact(String id, String accountId, String firstName, String lastName, String email, String phone, String title) {

    String name() {
        return firstName + " " + lastName;
    }
}
