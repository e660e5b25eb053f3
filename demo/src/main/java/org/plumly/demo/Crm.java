package org.plumly.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The CRM's content: every list in the order it is exported. The maps serve look-ups only and are never iterated. */
final class Crm {
    final List<SalesUser> users;
    final List<Account> accounts;
    final List<Contact> contacts;
    final List<Opportunity> opportunities;
    private final Map<String, SalesUser> usersById;
    private final Map<String, Account> accountsById;
    private final Map<String, Contact> contactsById;

    Crm(List<SalesUser> users, List<Account> accounts, List<Contact> contacts, List<Opportunity> opportunities) {
        this.users = List.copyOf(users);
        this.accounts = List.copyOf(accounts);
        this.contacts = List.copyOf(contacts);
        this.opportunities = List.copyOf(opportunities);
        this.usersById = byId(users, SalesUser::id);
        this.accountsById = byId(accounts, Account::id);
        this.contactsById = byId(contacts, Contact::id);
    }

    SalesUser user(String id) {
        return usersById.get(id);
    }

    Account account(String id) {
        return accountsById.get(id);
    }

    Contact contact(String id) {
        return contactsById.get(id);
    }

    /** The user's manager, or null for the head of sales. */
    SalesUser manager(SalesUser user) {
        return user.managerId().isEmpty() ? null : user(user.managerId());
    }

    List<SalesUser> reports(SalesUser manager) {
        return users.stream().filter(u -> u.managerId().equals(manager.id())).toList();
    }

    private static <T> Map<String, T> byId(List<T> list, Function<T, String> id) {
        return list.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity()));
    }
}
