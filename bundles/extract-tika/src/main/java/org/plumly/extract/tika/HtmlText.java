package org.plumly.extract.tika;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML mail body: no markup, nothing of scripts, styles or the head, line breaks where the
 * blocks were. {@link #authored} first removes what mail clients mark up as quoted history or signature.
 */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "address", "dd", "dt",
            "dl", "center", "form", "fieldset");

    /** Containers of quoted history, forwarded messages and signatures, by the clients that write them. */
    private static final String QUOTED = String.join(", ",
            "blockquote",                                   // Gmail, Apple Mail, Thunderbird: the quoted message
            ".gmail_quote", ".gmail_quote_container", ".gmail_attr", // Gmail: attribution line and quote
            ".gmail_signature", "[data-smartmail=gmail_signature]",
            ".moz-cite-prefix", ".moz-signature", ".moz-forward-container", // Thunderbird
            "#mail-editor-reference-message-container",     // Outlook for Mac and the new Outlook
            ".yahoo_quoted", ".protonmail_quote");
    /** Markers after which everything is the previous message: Outlook on the web and Outlook desktop replies. */
    private static final String HISTORY_STARTS = "#appendonsend, #divRplyFwdMsg";

    private HtmlText() {
    }

    /** Everything the body shows as text. */
    static String full(String html) {
        return text(document(html));
    }

    /** The text without quoted history, forwarded messages and marked-up signatures. */
    static String authored(String html) {
        Document document = document(html);
        Element marker = document.selectFirst(HISTORY_STARTS);
        if (marker != null) {
            removeFrom(marker);
        }
        document.select(QUOTED).remove();
        return text(document);
    }

    private static Document document(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title, noscript, template").remove();
        return document;
    }

    /** Removes the element and all that follows it in document order. */
    private static void removeFrom(Element marker) {
        for (Element element = marker; element != null && !"body".equals(element.normalName()); element = element.parent()) {
            Node next = element.nextSibling();
            while (next != null) {
                Node following = next.nextSibling();
                next.remove();
                next = following;
            }
        }
        marker.remove();
    }

    private static String text(Document document) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    boolean preformatted = node.parent() instanceof Element parent && "pre".equals(parent.normalName());
                    String content = preformatted ? textNode.getWholeText() : textNode.text();
                    if (!preformatted && content.isBlank()) {
                        appendSpace(text);
                    } else {
                        text.append(content);
                    }
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                } else if (node instanceof Element element && ("td".equals(element.normalName()) || "th".equals(element.normalName()))) {
                    appendSpace(text);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName()) && !"br".equals(element.normalName())) {
                    text.append('\n');
                }
            }
        }, document.body() == null ? document : document.body());
        return tidy(text.toString());
    }

    private static void appendSpace(StringBuilder text) {
        if (text.length() > 0 && !Character.isWhitespace(text.charAt(text.length() - 1))) {
            text.append(' ');
        }
    }

    /** One space at most between words, no spaces at line ends, at most one blank line in a row. */
    private static String tidy(String text) {
        return text.replace('\u00a0', ' ')
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
