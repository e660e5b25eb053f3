package org.plumly.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Plain business English for the demo mail, composed from interchangeable parts so that bodies rarely repeat:
 * a greeting, maybe an opener, two or three sentences about what the message is for, maybe a sentence that carries
 * the tone, a closing line and a sign-off. Placeholders in braces are filled from the thread's facts.
 */
final class PhraseBank {

    /** What a thread is about. */
    enum Purpose {
        INTRO, QUESTIONS, DOCUMENTS, SCHEDULING, RESCHEDULE, RECAP, DEMO_FOLLOW_UP, STAKEHOLDERS, PILOT, QUOTE,
        NEGOTIATION, SIGNED, LOST, NUDGE, STALL, PERSONAL_ADDRESS,
        /** rep and manager; 'rep' lines are the rep's, 'customer' lines the manager's */
        INTERNAL, FORECAST, TEAM_NOTE, FRIEND
    }

    private record Lines(String[] subjects, String[] rep, String[] customer) {
    }

    private static final Map<Purpose, Lines> LINES = new EnumMap<>(Purpose.class);

    static {
        LINES.put(Purpose.INTRO, new Lines(
            new String[] {"Tool tracking at {account}", "Northwind Tools – quick introduction", "Introduction",
                "Calibration records across your sites", "{product} for {account}?", "Following up from the trade show",
                "Idea for the {site} plant", "Quick question"},
            new String[] {
                "I lead the relationship with manufacturers in your region at Northwind Tools.",
                "We help plants like yours keep track of every torque wrench, gauge and fixture without spreadsheets.",
                "A few teams similar to yours cut the time they spend chasing calibration certificates by more than half.",
                "I noticed {account} is expanding the {site} site and thought {product} might be relevant.",
                "Would you be open to a 30-minute call to see whether it is a fit?",
                "No pressure at all if the timing is wrong; I'm happy to check back next quarter.",
                "{colleague} mentioned you are the right person to talk to about tooling on the floor.",
                "I can share how a plant of roughly your size rolled this out in about six weeks.",
                "Would {day} or {day2} work for a short intro call?"},
            new String[] {
                "Thanks for reaching out, the timing is actually not bad.",
                "We are reviewing how we manage tooling at {site} this year.",
                "I'd be open to a short call; {day} afternoon works on my side.",
                "Can you send over a one-pager first so I can share it with {colleague}?",
                "We currently run this on a mix of spreadsheets and an old Access database.",
                "Happy to talk, but I should say we have no budget set aside yet.",
                "Our calibration audit is coming up in {quarter}, so this is on my mind."}));
        LINES.put(Purpose.QUESTIONS, new Lines(
            new String[] {"A few questions before our call", "Questions", "Your current setup", "Prep for {day}",
                "{account} – background", "Re-sending the questions"},
            new String[] {
                "To make the most of our time, could you tell me roughly how many tools you track today?",
                "It would help to know which ERP you run and who owns the tool crib at each site.",
                "How many people would use the system day to day, and how many only need reports?",
                "Are you tracking calibration in-house or through an outside lab?",
                "I'll bring someone from our solutions team so we can answer the technical questions on the spot.",
                "If you have an audit finding or two you want to avoid next time, that is a great place to start."},
            new String[] {
                "We track about {seats} hundred tools across two buildings, give or take.",
                "We run SAP for the plant and a homegrown system for the crib.",
                "Calibration is split: the torque tools go to an outside lab, the gauges we do ourselves.",
                "Roughly {seats} people would be in it daily; management only needs the monthly report.",
                "Our biggest headache is tools that walk off and never come back.",
                "{colleague} from IT will want to join, mostly for the integration questions."}));
        LINES.put(Purpose.DOCUMENTS, new Lines(
            new String[] {"{doc}", "Documents you asked for", "Security questionnaire", "NDA for {account}",
                "Requirements list", "Paperwork", "Information request from {account}"},
            new String[] {
                "Attached is {doc}, as promised.",
                "I've filled in the questionnaire; a couple of answers point to our SOC 2 report, which I can share under NDA.",
                "Our legal team has signed the NDA on our side, so it only needs your signature.",
                "Let me know if your IT team needs anything beyond what is in there.",
                "I've also added a short note on data residency, since that came up last time.",
                "If anything is unclear, I can get our security lead on a call this week."},
            new String[] {
                "Could you send {doc} before we go further? Our IT team needs it for their review.",
                "I've attached our requirements list; the must-haves are marked in yellow.",
                "Thanks for the documents, I've passed them on to {colleague}.",
                "IT came back with two follow-up questions about single sign-on and data retention.",
                "Our procurement portal needs your W-9 and a certificate of insurance as well.",
                "Signed NDA attached."}));
        LINES.put(Purpose.SCHEDULING, new Lines(
            new String[] {"Call on {day}", "Scheduling", "Time next week?", "{day} at {time}", "Invite",
                "Finding a time", "Next call", "Meeting with {account}"},
            new String[] {
                "Would {day} at {time} work for you? It should take about an hour.",
                "I've sent a calendar invite for {day}, {date}, at {time}; feel free to forward it to anyone who should join.",
                "If that slot doesn't work, {day2} morning is open on my side too.",
                "I'll bring {manager} from our team, who has run several of these rollouts.",
                "Just confirming we are still on for {day} at {time}.",
                "The dial-in details are in the invite."},
            new String[] {
                "{day} at {time} works for me.",
                "Could we do {day2} instead? {day} is packed with a line changeover.",
                "Accepted the invite, thanks.",
                "I'll ask {colleague} to join as well.",
                "That works. Please keep it to 45 minutes if you can, I have a hard stop.",
                "Confirmed, talk then."}));
        LINES.put(Purpose.RESCHEDULE, new Lines(
            new String[] {"Need to move our call", "Reschedule?", "Change of plans for {day}", "Moving {day}'s meeting"},
            new String[] {
                "Something came up on my side and I need to move our call on {day}.",
                "Would {day2} at the same time work instead?",
                "Sorry for the short notice, I'll send an updated invite as soon as you confirm.",
                "I've cancelled the old invite so it doesn't clutter your calendar."},
            new String[] {
                "I'm sorry, we have an audit walk-through on {day} and I won't make our call.",
                "Could we push it to {day2}?",
                "No problem, {day2} works.",
                "Please send a new invite, I've declined the old one.",
                "Apologies for the shuffle; the plant has been hectic this week.",
                "Any time after 10 works on {day2}."}));
        LINES.put(Purpose.RECAP, new Lines(
            new String[] {"Notes from today", "Recap and next steps", "Follow-up from our call", "Summary: {account} call",
                "Thanks for your time today", "Next steps"},
            new String[] {
                "Thanks again for the time today. Here is my summary of what we heard.",
                "Your main goals are fewer lost tools, calibration on time, and one report for the audit.",
                "Next step on our side: a tailored demo using a sample of your tool list.",
                "On your side, you were going to check with {colleague} on the ERP export.",
                "Let me know if I missed or misheard anything.",
                "I've attached the slides we went through."},
            new String[] {
                "Thanks for the notes, that is a fair summary.",
                "One correction: we have three buildings at {site}, not two.",
                "I spoke to {colleague} and the ERP export should not be a problem.",
                "Good call today. The team liked the barcode check-out piece in particular.",
                "Let's keep the momentum; I'll send the tool list by {day}."}));
        LINES.put(Purpose.DEMO_FOLLOW_UP, new Lines(
            new String[] {"Demo recording and slides", "After the demo", "{product} demo follow-up",
                "Your questions from the demo", "Demo: next steps"},
            new String[] {
                "Here is the recording of the demo and the slides.",
                "To your question about offline mode: the mobile app queues check-outs and syncs when it is back on Wi-Fi.",
                "On the ERP side, we have a standard connector for SAP and a CSV import for everything else.",
                "I'd suggest a four-week pilot at {site} with one crib and about twenty users.",
                "Happy to set up a sandbox with your own tool list if that would help the team decide."},
            new String[] {
                "Thanks for the demo, the team had a lot of questions afterwards.",
                "Can the app work with the scanners we already have on the floor?",
                "{colleague} asked whether the calibration reminders can go to a shared mailbox.",
                "A pilot sounds reasonable. What would you need from us to set it up?",
                "We need to see the reporting side in more detail before we go further."}));
        LINES.put(Purpose.STAKEHOLDERS, new Lines(
            new String[] {"Bringing in {colleague}", "Introductions", "Looping in our CFO", "Who else should be involved",
                "Decision process at {account}"},
            new String[] {
                "Thanks for the introduction, {colleague}; great to e-mail you.",
                "Could you walk me through how a purchase like this gets approved at {account}?",
                "I've prepared a short business case that {colleague} can use with finance.",
                "It would help to understand who signs off and what they need to see.",
                "I'm happy to meet your IT lead separately to cover security."},
            new String[] {
                "Adding {colleague}, who owns the budget for this.",
                "Anything over fifty thousand needs our CFO's sign-off, so we will need a solid business case.",
                "IT will run their own review; it usually takes two to three weeks.",
                "{colleague} will be the project lead on our side from here on.",
                "Could you send the business case in a format finance can edit?"}));
        LINES.put(Purpose.PILOT, new Lines(
            new String[] {"Pilot update", "How is the pilot going?", "Pilot feedback", "Week two of the pilot",
                "Pilot at {site}", "Pilot wrap-up"},
            new String[] {
                "How is the pilot going so far? Any friction on the floor?",
                "I see about {seats} tools checked in and out this week, which is a good sign.",
                "Our support team fixed the label printing issue you reported.",
                "Shall we set up a short review at the end of the pilot to decide on next steps?",
                "If it helps, I can join the shift meeting to answer questions."},
            new String[] {
                "The crib team has taken to it faster than I expected.",
                "We had some trouble with the label printer on the second shift.",
                "The calibration reminders are working well; that alone saves us hours.",
                "A couple of the older operators still prefer the paper log.",
                "Overall the feedback is positive, but I need the reporting piece to convince {colleague}."}));
        LINES.put(Purpose.QUOTE, new Lines(
            new String[] {"Quote Q-{number}", "Proposal for {account}", "Pricing", "Updated quote", "Your proposal",
                "{product} proposal", "Revised pricing"},
            new String[] {
                "Please find attached our proposal for {product}, {amount} for the first year.",
                "The price includes onboarding, training for your crib staff and standard support.",
                "I've broken out the optional calibration module so you can see its cost separately.",
                "The quote is valid until the end of {quarter}.",
                "I've updated the seat count to {seats} as discussed.",
                "Happy to walk your finance team through the numbers."},
            new String[] {
                "Thanks for the proposal. I'll review it with {colleague} this week.",
                "Can you break out the implementation cost from the subscription?",
                "Is there any flexibility on the price for a three-year term?",
                "We'd need the quote in our entity's name for procurement to process it.",
                "Could you send a version without the calibration module?"}));
        LINES.put(Purpose.NEGOTIATION, new Lines(
            new String[] {"Contract redlines", "MSA comments", "Order form", "Discount request", "Procurement questions",
                "Terms", "Final paperwork", "Payment terms"},
            new String[] {
                "Our legal team accepted most of your redlines; two points are still open.",
                "I got approval for a discount of {discount} percent if we can sign by the end of {quarter}.",
                "We can move to net 45 payment terms, but not net 90.",
                "The updated order form is attached, with the seat count and the start date you asked for.",
                "Let me know who should receive the signature request."},
            new String[] {
                "Our legal team sent back their comments on the MSA.",
                "Procurement is asking for net 90 payment terms.",
                "We need the liability cap raised before we can sign.",
                "Can you confirm the price is locked for the renewal?",
                "Once this is settled I can get it in front of {colleague} for signature."}));
        LINES.put(Purpose.SIGNED, new Lines(
            new String[] {"Signed order form", "We are good to go", "Welcome to Northwind Tools", "Contract signed",
                "Next steps after signing", "Kickoff"},
            new String[] {
                "Thank you for your trust; we are excited to get started.",
                "I'm introducing you to your onboarding lead, who will schedule the kickoff.",
                "You'll receive the login details for the admin console later this week.",
                "I'll stay involved through the rollout, so reach out any time."},
            new String[] {
                "Please find the signed order form attached.",
                "We're good to go from our side.",
                "Looking forward to getting the first site live.",
                "Who will be our contact for onboarding?",
                "Procurement has raised the PO; you should see it in your inbox today.",
                "Our team is keen to start before the next audit.",
                "Thanks for your patience through all of this."}));
        LINES.put(Purpose.LOST, new Lines(
            new String[] {"Our decision", "Update on the evaluation", "Closing the loop", "Decision on tool tracking",
                "Thank you"},
            new String[] {
                "Thanks for letting me know, and for being straightforward about it.",
                "I'd appreciate any feedback on where we fell short.",
                "I'll close this out on my side; if anything changes, you know where to find me.",
                "Since I haven't heard back, I'll assume the timing isn't right and close the file for now."},
            new String[] {
                "After a lot of discussion we have decided to go with {competitor}.",
                "Our budget for this year has been cut, so we are putting the project on hold.",
                "In the end the price was the deciding factor.",
                "We've decided to extend our current system for another year.",
                "Thank you for your time and patience throughout the process."}));
        LINES.put(Purpose.NUDGE, new Lines(
            new String[] {"Checking in", "Following up", "Any update?", "Next steps?", "Still on your radar?",
                "Quick follow-up"},
            new String[] {
                "I wanted to follow up on my last note.",
                "Just bumping this to the top of your inbox.",
                "I haven't heard back and want to make sure my e-mail didn't get lost.",
                "Is this still a priority for {account} this quarter?",
                "If the timing has changed, a one-line reply is plenty and I'll check back later.",
                "I know things get busy. Would a short call on {day} be easier?",
                "I'll try you by phone later this week."},
            new String[] {"Sorry, I've been swamped."}));
        LINES.put(Purpose.STALL, new Lines(
            new String[] {"Update from our side", "Timing", "On hold for now", "Budget update"},
            new String[] {
                "Understood. Would it help if I checked back at the start of next quarter?",
                "Thanks for the heads-up; I'll keep the proposal valid in the meantime.",
                "Is there anything I can send that would help make the case internally?"},
            new String[] {
                "We have a budget freeze until further notice, so this is on hold.",
                "Our plant manager left, and everything is paused until the new one starts.",
                "We need to revisit this next quarter; nothing will move before then.",
                "I'm still interested, but I can't get it on the agenda right now."}));
        LINES.put(Purpose.PERSONAL_ADDRESS, new Lines(
            new String[] {"From my personal address", "Quick note while travelling", "Can't reach my work mail"},
            new String[] {"Thanks, got it."},
            new String[] {
                "Writing from my personal account; our mail server is down today.",
                "I'm travelling and can't get into my work e-mail, so replying from here.",
                "Please keep using my work address, this is just for today."}));
        LINES.put(Purpose.INTERNAL, new Lines(
            new String[] {"Discount approval – {account}", "Quick sync on {account}?", "Deal desk: {account}",
                "{account} update", "Need your help with {account}", "Forecast change", "PTO {date}"},
            new String[] {
                "Can I get your approval for a discount of {discount} percent on {account}? They want to sign this quarter.",
                "Heads-up: {account} is slipping to next quarter, their CFO wants another round.",
                "Would you join the call with {account} on {day}? Having a manager there would help.",
                "I'm moving {account} to commit; procurement confirmed the PO is in progress.",
                "I'll be out on {date}; {colleague} from the team will cover anything urgent.",
                "Their legal team is slow, but the champion is solid."},
            new String[] {
                "Approved, but let's not go lower than that.",
                "Thanks for the heads-up. What do you need from me to pull it back?",
                "Happy to join. Send me the background before the call.",
                "Good work. Please update the close date in the CRM so the forecast is right.",
                "Enjoy the time off.",
                "Let's talk it through in our 1:1."}));
        LINES.put(Purpose.FORECAST, new Lines(
            new String[] {"Forecast for {quarter}", "Commit numbers", "Pipeline coverage", "Board deck numbers"},
            new String[] {
                "Please send me your team's commit and best case by {day}.",
                "Coverage looks thin for {quarter}; what can we pull forward?",
                "Great quarter so far, thank you all."},
            new String[] {
                "Commit is unchanged; best case is up by two deals.",
                "Two deals slipped, I've updated the CRM.",
                "Numbers are in the sheet; one large deal is at risk."}));
        LINES.put(Purpose.TEAM_NOTE, new Lines(
            new String[] {"Team update", "This week", "Reminder: close dates", "Kudos", "Quarter end"},
            new String[] {
                "Please make sure every close date in the CRM is realistic before Monday's review.",
                "Big thanks to everyone for a strong month.",
                "Quarter end is close: if a deal is not going to sign, move it now rather than on the last day.",
                "New pricing sheets are on the shared drive.",
                "Reminder that discounts above fifteen percent need deal desk approval."},
            new String[] {"Noted, thanks."}));
        LINES.put(Purpose.FRIEND, new Lines(
            new String[] {"Dinner Friday?", "Weekend", "Photos from Saturday", "Running late", "Birthday plans"},
            new String[] {"Sounds great, count me in.", "Can't this time, work trip. Next week?"},
            new String[] {"Are you free for dinner on Friday?", "The photos from Saturday are in the shared album.",
                "Don't forget Mom's birthday on Sunday.", "Want to go for a run on Saturday morning?"}));
    }

    private static final Map<Tone, String[]> CUSTOMER_TONE = new EnumMap<>(Map.of(
        Tone.ENTHUSIASTIC, new String[] {"This looks great.", "The team is really excited about this.",
            "Honestly, this is exactly what we have been looking for.", "Love it. This would make the audit so much easier.",
            "Great news all round!", "I was impressed, and so was {colleague}."},
        Tone.WORRIED, new String[] {"I'm a bit concerned about the rollout timeline.",
            "Honestly, the number is above what we had budgeted.", "I'm not sure we can get this approved before {quarter}.",
            "I'm worried the second shift won't adopt it.", "My concern is the integration effort on our side.",
            "I have to be upfront: {competitor} came in noticeably cheaper."},
        Tone.FRUSTRATED, new String[] {"This is the second time the quote came back with the wrong seat count.",
            "We have been waiting on the revised terms for over a week now.",
            "I have to say this process is taking far longer than we were promised.",
            "Frankly, the last answer from your support team did not help at all.",
            "I need a straight answer on the price, not another call.",
            "We were told this would be sorted by {day}, and it still isn't."}));

    private static final Map<Tone, String[]> REP_TONE = new EnumMap<>(Map.of(
        Tone.ENTHUSIASTIC, new String[] {"Great to hear!", "That's fantastic news.", "Really glad the team liked it.",
            "Thrilled to hear that."},
        Tone.WORRIED, new String[] {"I understand the concern, and I think we can address it.",
            "That's fair, and I'd rather hear it now than later.",
            "Let's look at a phased rollout to keep the first year's cost down.",
            "I hear you on the budget; let me see what I can do."},
        Tone.FRUSTRATED, new String[] {"I'm sorry for the back and forth, that's on us.",
            "You're right, and I apologise for the delay.", "I understand the frustration, and I've escalated this internally.",
            "Fair point. Here is a straight answer."},
        Tone.GOING_QUIET, new String[] {"I don't want to be a pest.", "I know you have a lot on your plate.",
            "Totally understand if priorities have shifted."}));

    private static final String[] GREETINGS = {"Hi {first},", "Hello {first},", "{first},", "Hi {first} -", "Dear {first},",
        "Good morning {first},", "Hey {first},", "Morning {first},", "Hi {first}!", "Good afternoon {first},",
        "Hello {first} -", "Hi again {first},"};
    private static final String[] GROUP_GREETINGS = {"Hi all,", "Hello everyone,", "Hi {first}, {first2},", "Hi team,"};
    private static final String[] OPENERS = {"Hope your week is going well.", "Hope you had a good weekend.",
        "I hope all is well at {site}.", "Following up on our conversation.", "Hope things are calmer this week.",
        "Thanks for your patience on this.", "Hope the week is off to a good start.", "I hope this finds you well.",
        "Quick one from me.", "Hope the quarter is treating you well."};
    private static final String[] REPLY_OPENERS = {"Thanks for the quick reply.", "Thanks, {first}.", "Got it, thanks.",
        "Thanks for getting back to me.", "Appreciate it.", "Sounds good.", "Understood.", "Thank you for the update.",
        "Thanks for the detail.", "Thanks for the note.", "Great, thank you.", "Perfect, thanks.",
        "Thanks for following up."};
    private static final String[] CLOSERS = {"Let me know if you have any questions.", "Happy to jump on a call if that's easier.",
        "Talk soon.", "Looking forward to it.", "Any questions, just shout.", "Let me know what you think.",
        "Thanks in advance.", "Have a good rest of the week.", "Speak soon.", "Have a great weekend.",
        "Let me know if anything changes on your side.", "I'll keep you posted.", "Thanks again for your time."};
    static final String[] SIGN_OFFS = {"Best,", "Thanks,", "Best regards,", "Kind regards,", "Cheers,", "Regards,",
        "Many thanks,", "Thank you,", "All the best,", "Warm regards,"};

    private PhraseBank() {
    }

    static List<String> purposeLines(Purpose purpose, boolean fromRep) {
        Lines lines = LINES.get(purpose);
        return List.of(fromRep ? lines.rep() : lines.customer());
    }

    static String subject(Purpose purpose, Map<String, String> values, Dice dice) {
        return fill(dice.pickOf(LINES.get(purpose).subjects()), values);
    }

    /**
     * The message's own words, from greeting to sign-off: not the signature, not the quoted message.
     *
     * @param reply whether it answers an earlier message of the thread
     * @param tone the thread's tone; for the rep it is the customer's tone it responds to
     */
    static String body(Purpose purpose, boolean fromRep, boolean reply, Tone tone, boolean group, String signOff,
                       Map<String, String> values, Dice dice) {
        return body(purpose, fromRep, reply, tone, group, signOff, values, dice, new java.util.HashSet<>());
    }

    /** As above, never repeating a sentence already in {@code used} (the thread's) while others are left. */
    static String body(Purpose purpose, boolean fromRep, boolean reply, Tone tone, boolean group, String signOff,
                       Map<String, String> values, Dice dice, java.util.Set<String> used) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(fill(dice.pickOf(group ? GROUP_GREETINGS : GREETINGS), values));
        List<String> first = new ArrayList<>();
        if (reply && dice.chance(0.6)) {
            first.add(dice.pickOf(REPLY_OPENERS));
        } else if (!reply && dice.chance(0.35)) {
            first.add(dice.pickOf(OPENERS));
        }
        String[] toneLines = (fromRep ? REP_TONE : CUSTOMER_TONE).get(tone);
        if (toneLines != null && (!fromRep || reply || tone == Tone.GOING_QUIET) && dice.chance(fromRep ? 0.7 : 0.9)) {
            first.add(fresh(toneLines, used, dice));
        }
        List<String> core = new ArrayList<>(purposeLines(purpose, fromRep));
        dice.shuffle(core);
        List<String> unused = new ArrayList<>(core.stream().filter(l -> !used.contains(l)).toList());
        if (unused.size() >= 1) {
            core.removeAll(unused);
            unused.addAll(core);
            core = unused;
        }
        int take = Math.min(core.size(), reply ? 1 + dice.weighted(5, 4, 1) : 2 + dice.weighted(5, 3));
        int inFirst = Math.min(take, dice.between(1, 2));
        first.addAll(core.subList(0, inFirst));
        used.addAll(core.subList(0, take));
        paragraphs.add(String.join(" ", first));
        if (take > inFirst) {
            paragraphs.add(String.join(" ", core.subList(inFirst, take)));
        }
        if (dice.chance(0.6)) {
            paragraphs.add(dice.pickOf(CLOSERS));
        }
        paragraphs.add(signOff);
        return fill(String.join("\n\n", paragraphs), values);
    }

    private static String fresh(String[] lines, java.util.Set<String> used, Dice dice) {
        List<String> left = java.util.Arrays.stream(lines).filter(l -> !used.contains(l)).toList();
        String line = left.isEmpty() ? dice.pickOf(lines) : dice.pick(left);
        used.add(line);
        return line;
    }

    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            String value = values.get(template.substring(open + 1, close));
            if (value == null) {
                throw new IllegalArgumentException("no value for " + template.substring(open, close + 1));
            }
            out.append(template, i, open).append(value);
            i = close + 1;
        }
        return out.toString();
    }
}
