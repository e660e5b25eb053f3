package org.plumly.core.internal.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.plumly.api.Account;
import org.plumly.api.AccountId;
import org.plumly.api.Activity;
import org.plumly.api.Contact;
import org.plumly.api.Direction;
import org.plumly.api.EmailAddress;
import org.plumly.api.Opportunity;
import org.plumly.api.OpportunityId;
import org.plumly.api.Participant;
import org.plumly.api.StageChange;
import org.plumly.api.TenantId;
import org.plumly.api.User;
import org.plumly.api.UserId;
import org.plumly.api.store.DirectoryStore;
import org.plumly.api.store.OpportunityStore;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;

/**
 * Links an e-mail or a meeting to the tenant's people and deals: its owner, its direction, the
 * customer account and the opportunity it is about. The rule, in order:
 *
 * <ol>
 *   <li><b>Who is internal.</b> An address is internal when it is a user's address or at the domain of
 *       a user's address (a colleague not in the CRM). Every other address is a customer's.</li>
 *   <li><b>Direction.</b> Only internal participants: {@code INTERNAL}. Otherwise an e-mail is
 *       {@code OUTBOUND} when its sender is internal and {@code INBOUND} when not; a meeting is
 *       {@code OUTBOUND} when its organizer is internal.</li>
 *   <li><b>Owner.</b> The internal person on the tenant's side of it who is a user: the sender of
 *       outbound mail or the organizer of a meeting, else the first user among the recipients
 *       (to, then cc) or attendees.</li>
 *   <li><b>Account.</b> Each customer address votes: for the accounts of the contacts that have that
 *       exact address (so a contact's personal address counts), or, when no contact has it and its
 *       domain is not a personal mail provider ({@link #PERSONAL_DOMAINS}), for the accounts that list
 *       its domain. The account with the most votes wins; a tie between accounts links none.
 *       Internal-only activities have no account.</li>
 *   <li><b>Opportunity.</b> The account's opportunities that were live when the activity happened:
 *       created by then (a day's grace) and still open, or closed no more than {@link #AFTER_CLOSE}
 *       before. One: that one. Several: those owned by the activity's owner; then those whose name
 *       shares most words with the subject, generic deal words aside; then the one whose stage changed most recently
 *       before the activity (the deal being worked). None live: no opportunity, the account only.</li>
 * </ol>
 *
 * <p>What the source already linked (a CRM task with its deal) is kept; only missing links are
 * resolved. The result depends only on the activity and the directory, so syncing the same source
 * again gives the same links. An activity read before its account or deal was synced stays
 * unlinked until it is read again.
 */
public final class IdentityResolver {
    /** Free and personal mail providers: their domain says nothing about a company. */
    public static final Set<String> PERSONAL_DOMAINS = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
            "protonmail.com", "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com", "yandex.com", "yandex.ru", "zoho.com",
            "fastmail.com", "hey.com", "qq.com", "163.com", "126.com", "orange.fr", "free.fr", "libero.it", "t-online.de");
    /** How long after a deal closed its mail still belongs to it (the signed contract, the kick-off). */
    static final Duration AFTER_CLOSE = Duration.ofDays(14);
    private static final Duration BEFORE_CREATED = Duration.ofDays(1);
    private static final int PAGE = 500;
    private static final Set<String> COMMON_WORDS = Set.of("deal", "renewal", "expansion", "opportunity", "upgrade",
            "license", "licenses", "project", "order", "phase", "pilot", "with", "from", "for", "and", "the");

    private final DirectoryStore directory;
    private final OpportunityStore opportunities;

    public IdentityResolver(DirectoryStore directory, OpportunityStore opportunities) {
        this.directory = directory;
        this.opportunities = opportunities;
    }

    /**
     * A resolution of one batch of a tenant's activities: it keeps what it looked up, so a batch of a
     * thread's mail asks the stores once per address, domain and account.
     */
    public Batch batch(TenantId tenant) {
        return new Batch(tenant);
    }

    /** The lookups of one batch. */
    public final class Batch {
        private final TenantId tenant;
        private Map<String, User> usersByEmail;
        private Set<String> internalDomains;
        private final Map<String, List<Contact>> contactsByEmail = new HashMap<>();
        private final Map<String, List<Account>> accountsByDomain = new HashMap<>();
        private final Map<AccountId, List<Opportunity>> opportunitiesByAccount = new HashMap<>();

        private Batch(TenantId tenant) {
            this.tenant = tenant;
        }

        /** The activity with its direction and its missing links resolved. */
        public Activity resolve(Activity activity) {
            if (!activity.tenant().equals(tenant)) {
                throw new IllegalArgumentException("activity of tenant " + activity.tenant() + " in a batch of " + tenant);
            }
            loadUsers();
            List<Participant> internal = new ArrayList<>();
            List<Participant> external = new ArrayList<>();
            for (Participant participant : activity.participants()) {
                (isInternal(participant.email()) ? internal : external).add(participant);
            }
            Direction direction = direction(activity, internal, external);
            UserId owner = activity.owner() != null ? activity.owner() : owner(activity, internal);
            AccountId account = activity.account() != null ? activity.account() : account(external);
            OpportunityId opportunity = activity.opportunity() != null ? activity.opportunity()
                    : account == null ? null : opportunity(activity, account, owner);
            return activity.resolvedTo(direction, owner, opportunity, account);
        }

        private void loadUsers() {
            if (usersByEmail != null) {
                return;
            }
            usersByEmail = new HashMap<>();
            internalDomains = new HashSet<>();
            PageRequest request = PageRequest.first(PAGE);
            while (request != null) {
                Page<User> page = directory.users(tenant, request);
                for (User user : page.items()) {
                    if (user.email() != null) {
                        usersByEmail.put(user.email(), user);
                        String domain = EmailAddress.domain(user.email());
                        if (!PERSONAL_DOMAINS.contains(domain)) {
                            internalDomains.add(domain);
                        }
                    }
                }
                request = page.nextRequest(PAGE);
            }
        }

        private boolean isInternal(String email) {
            return usersByEmail.containsKey(email) || internalDomains.contains(EmailAddress.domain(email));
        }

        private Direction direction(Activity activity, List<Participant> internal, List<Participant> external) {
            if (external.isEmpty()) {
                return internal.isEmpty() ? activity.direction() : Direction.INTERNAL;
            }
            Participant.Role leading = switch (activity.kind()) {
                case MEETING -> Participant.Role.ORGANIZER;
                default -> Participant.Role.FROM;
            };
            Optional<Participant> lead = activity.participants().stream().filter(p -> p.role() == leading).findFirst();
            if (lead.isEmpty()) {
                return activity.direction() == Direction.INTERNAL ? Direction.OUTBOUND : activity.direction();
            }
            return internal.contains(lead.get()) ? Direction.OUTBOUND : Direction.INBOUND;
        }

        private UserId owner(Activity activity, List<Participant> internal) {
            Comparator<Participant> byRole = Comparator.comparingInt(p -> switch (p.role()) {
                case FROM, ORGANIZER -> 0;
                case TO, ATTENDEE -> 1;
                case CC -> 2;
                case BCC -> 3;
            });
            return internal.stream().sorted(byRole)
                    .map(p -> usersByEmail.get(p.email()))
                    .filter(user -> user != null)
                    .map(User::id)
                    .findFirst().orElse(null);
        }

        private AccountId account(List<Participant> external) {
            Map<AccountId, Integer> votes = new LinkedHashMap<>();
            for (String email : external.stream().map(Participant::email).distinct().toList()) {
                Set<AccountId> accounts = contactsByEmail.computeIfAbsent(email, e -> directory.contactsByEmail(tenant, e)).stream()
                        .map(Contact::account).filter(a -> a != null).collect(Collectors.toSet());
                if (accounts.isEmpty()) {
                    String domain = EmailAddress.domain(email);
                    if (!PERSONAL_DOMAINS.contains(domain)) {
                        accounts = accountsByDomain.computeIfAbsent(domain, d -> directory.accountsByDomain(tenant, d)).stream()
                                .map(Account::id).collect(Collectors.toSet());
                    }
                }
                accounts.forEach(account -> votes.merge(account, 1, Integer::sum));
            }
            int most = votes.values().stream().max(Integer::compare).orElse(0);
            List<AccountId> leaders = votes.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
            return leaders.size() == 1 ? leaders.get(0) : null;
        }

        private OpportunityId opportunity(Activity activity, AccountId account, UserId owner) {
            List<Opportunity> live = opportunitiesByAccount.computeIfAbsent(account, this::opportunitiesOf).stream()
                    .filter(o -> liveAt(o, activity.occurredAt()))
                    .toList();
            if (live.size() > 1 && owner != null) {
                List<Opportunity> owned = live.stream().filter(o -> owner.equals(o.owner())).toList();
                live = owned.isEmpty() ? live : owned;
            }
            if (live.size() > 1 && activity.subject() != null) {
                Set<String> subject = words(activity.subject());
                int best = live.stream().mapToInt(o -> shared(o, subject)).max().orElse(0);
                if (best > 0) {
                    live = live.stream().filter(o -> shared(o, subject) == best).toList();
                }
            }
            return live.stream()
                    .max(Comparator.comparing((Opportunity o) -> lastMoveBefore(o, activity.occurredAt()))
                            .thenComparing(o -> o.id().value()))
                    .map(Opportunity::id).orElse(null);
        }

        private List<Opportunity> opportunitiesOf(AccountId account) {
            List<Opportunity> all = new ArrayList<>();
            PageRequest request = PageRequest.first(PAGE);
            while (request != null) {
                Page<Opportunity> page = opportunities.byAccount(tenant, account, request);
                all.addAll(page.items());
                request = page.nextRequest(PAGE);
            }
            return all;
        }
    }

    /** Whether the deal was being worked at {@code at}: created by then, and open or closed only shortly before. */
    static boolean liveAt(Opportunity opportunity, Instant at) {
        if (opportunity.createdAt().minus(BEFORE_CREATED).isAfter(at)) {
            return false;
        }
        return opportunity.isOpen() || !closedAt(opportunity).plus(AFTER_CLOSE).isBefore(at);
    }

    /** When a closed deal closed: its last stage change, else the end of its close day. */
    static Instant closedAt(Opportunity opportunity) {
        List<StageChange> history = opportunity.stageHistory();
        if (!history.isEmpty()) {
            return history.get(history.size() - 1).enteredAt();
        }
        if (opportunity.closeDate() != null) {
            return opportunity.closeDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return opportunity.createdAt();
    }

    private static Instant lastMoveBefore(Opportunity opportunity, Instant at) {
        Instant last = opportunity.createdAt();
        for (StageChange change : opportunity.stageHistory()) {
            if (!change.enteredAt().isAfter(at) && change.enteredAt().isAfter(last)) {
                last = change.enteredAt();
            }
        }
        return last;
    }

    /** How many words of the deal's name, generic deal words aside, the subject has. */
    private static int shared(Opportunity opportunity, Set<String> subject) {
        Set<String> name = words(opportunity.name());
        name.removeAll(COMMON_WORDS);
        name.retainAll(subject);
        return name.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3) {
                words.add(word);
            }
        }
        return words;
    }
}
