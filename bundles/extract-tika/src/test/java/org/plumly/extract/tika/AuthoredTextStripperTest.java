package org.plumly.extract.tika;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthoredTextStripperTest {

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("Gmail, English", """
                        Sounds good, let's meet on Tuesday.

                        On Mon, Nov 23, 2026 at 10:15 AM Sam Seller <sam@plumly.example> wrote:
                        > Can we meet this week?
                        >
                        > Sam
                        """, "Sounds good, let's meet on Tuesday."),
                Arguments.of("Gmail, English, attribution wrapped over two lines", """
                        Works for me.

                        On Mon, Nov 23, 2026 at 10:15 AM Sam Seller from Plumly Sales <
                        sam@plumly.example> wrote:

                        > Can we meet this week?
                        """, "Works for me."),
                Arguments.of("Gmail, German", """
                        Passt, Dienstag um 10 Uhr.

                        Am Mo., 23. Nov. 2026 um 10:15 Uhr schrieb Sam Seller <sam@plumly.example>:
                        > Können wir uns diese Woche treffen?
                        """, "Passt, Dienstag um 10 Uhr."),
                Arguments.of("Gmail, French, with a no-break space before the colon", """
                        Parfait, à mardi.

                        Le lun. 23 nov. 2026 à 10:15, Sam Seller <sam@plumly.example> a écrit\u00a0:
                        > Pouvons-nous nous voir cette semaine ?
                        """, "Parfait, à mardi."),
                Arguments.of("Thunderbird, English", """
                        We need the quote in EUR.

                        On 23/11/2026 10:15, Sam Seller wrote:
                        > Here is the quote in USD.
                        """, "We need the quote in EUR."),
                Arguments.of("Thunderbird, German", """
                        Bitte in Euro.

                        Am 23.11.26 um 10:15 schrieb Sam Seller:
                        > Anbei das Angebot.
                        """, "Bitte in Euro."),
                Arguments.of("Thunderbird, French", """
                        Merci pour le devis, nous revenons vers vous.

                        Le 23/11/2026 à 10:15, Sam Seller a écrit :
                        > Voici le devis.
                        """, "Merci pour le devis, nous revenons vers vous."),
                Arguments.of("Apple Mail from an iPhone, quoted attribution", """
                        Yes, go ahead.

                        Sent from my iPhone

                        > On Nov 23, 2026, at 10:15, Sam Seller <sam@plumly.example> wrote:
                        >\s
                        > Shall I send the contract?
                        """, "Yes, go ahead."),
                Arguments.of("Apple Mail forward", """
                        FYI, see the customer's note below.

                        Begin forwarded message:

                        From: Jane Doe <jane@customer.example>
                        Subject: Budget
                        Date: 23 November 2026 at 10:15:00 CET

                        Our budget was cut.
                        """, "FYI, see the customer's note below."),
                Arguments.of("Gmail forward", """
                        Can you take this one?

                        ---------- Forwarded message ---------
                        From: Jane Doe <jane@customer.example>
                        Date: Mon, Nov 23, 2026 at 10:15 AM
                        Subject: Budget

                        Our budget was cut.
                        """, "Can you take this one?"),
                Arguments.of("Outlook, English header block under a rule, sign-off and signature block", """
                        Hi Sam,

                        Attached is the signed order form.

                        Regards,
                        Jane Doe
                        Head of Procurement | Customer Inc.
                        +1 555 0100

                        ________________________________
                        From: Sam Seller <sam@plumly.example>
                        Sent: Monday, November 23, 2026 10:15 AM
                        To: Jane Doe <jane@customer.example>
                        Subject: Order form

                        Please sign the order form.
                        """, "Hi Sam,\n\nAttached is the signed order form."),
                Arguments.of("Outlook, German header block", """
                        Wir unterschreiben morgen.

                        Von: Sam Seller <sam@plumly.example>
                        Gesendet: Montag, 23. November 2026 10:15
                        An: Jane Doe <jane@customer.example>
                        Betreff: Bestellformular

                        Bitte unterschreiben Sie das Formular.
                        """, "Wir unterschreiben morgen."),
                Arguments.of("Outlook, French header block", """
                        Nous signons demain.

                        De : Sam Seller <sam@plumly.example>
                        Envoyé : lundi 23 novembre 2026 10:15
                        À : Jane Doe <jane@customer.example>
                        Objet : Bon de commande

                        Merci de signer le bon de commande.
                        """, "Nous signons demain."),
                Arguments.of("Outlook, Original Message separator", """
                        Please call me tomorrow.

                        -----Original Message-----
                        From: Sam Seller
                        Sent: Monday, November 23, 2026 10:15 AM
                        Subject: Call

                        When can we talk?
                        """, "Please call me tomorrow."),
                Arguments.of("Thunderbird, interleaved answers and a -- signature", """
                        On 23/11/2026 10:15, Sam Seller wrote:
                        > Can you do 40 seats?
                        Yes, 40 seats is fine.
                        > And start in January?
                        January works.

                        --\s
                        Jane Doe, Customer Inc.
                        """, "Yes, 40 seats is fine.\nJanuary works."),
                Arguments.of("German sign-off with a name, title and phone block", """
                        Das Angebot passt so.

                        Mit freundlichen Grüßen
                        Jane Doe
                        Leitung Einkauf
                        Tel. +49 30 1234567
                        """, "Das Angebot passt so."),
                Arguments.of("French sign-off", """
                        Le devis nous convient.

                        Cordialement,
                        Jeanne Dupont
                        Responsable des achats
                        """, "Le devis nous convient."),
                Arguments.of("sign-off and name on one line", """
                        See you Tuesday.

                        Thanks, Jane
                        """, "See you Tuesday."),
                Arguments.of("a closing sentence that starts like a sign-off stays", """
                        We reviewed the contract.

                        Thanks, that works for us.
                        """, "We reviewed the contract.\n\nThanks, that works for us."),
                Arguments.of("German device line", """
                        Passt.

                        Von meinem iPhone gesendet
                        """, "Passt."),
                Arguments.of("confidentiality notice", """
                        Please find the figures attached.

                        CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely
                        for the addressee. If you received it in error, please delete it.
                        """, "Please find the figures attached."),
                Arguments.of("long disclaimer paragraph without a heading", """
                        The pilot can start in January.

                        This email and any files transmitted with it are confidential and intended solely for the use of
                        the individual or entity to whom they are addressed. If you have received this email in error
                        please notify the sender.
                        """, "The pilot can start in January."),
                Arguments.of("a thank-you alone is what the sender wrote", "Thanks!\n", "Thanks!"),
                Arguments.of("thanks that start a sentence stay", """
                        Thanks for the update, we will review the contract on Friday.
                        """, "Thanks for the update, we will review the contract on Friday."),
                Arguments.of("a plain message keeps its paragraphs", "First paragraph.\n\n\n\nSecond paragraph.\n",
                        "First paragraph.\n\nSecond paragraph."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void keepsOnlyWhatTheSenderWroteThisTime(String client, String body, String authored) {
        assertThat(AuthoredTextStripper.authored(body)).isEqualTo(authored);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void readsWindowsLineEndsTheSameWay(String client, String body, String authored) {
        assertThat(AuthoredTextStripper.authored(body.replace("\n", "\r\n"))).isEqualTo(authored);
    }
}
