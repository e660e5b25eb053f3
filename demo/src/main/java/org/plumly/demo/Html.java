package org.plumly.demo;

/** The HTML twin of a plain-text body: paragraphs, line breaks, and the quoted message in a blockquote. */
final class Html {
    private Html() {
    }

    static String of(String text) {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"UTF-8\"></head><body>\n");
        String[] lines = text.split("\n", -1);
        int i = 0;
        StringBuilder paragraph = new StringBuilder();
        while (i < lines.length && !lines[i].startsWith(">")) {
            if (lines[i].isEmpty()) {
                flush(html, paragraph);
            } else {
                paragraph.append(paragraph.length() > 0 ? "<br>\n" : "").append(escape(lines[i]));
            }
            i++;
        }
        flush(html, paragraph);
        if (i < lines.length) {
            StringBuilder quoted = new StringBuilder();
            for (; i < lines.length; i++) {
                String l = lines[i];
                quoted.append(l.startsWith("> ") ? l.substring(2) : l.substring(1)).append('\n');
            }
            html.append("<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">\n")
                    .append(of(quoted.toString().stripTrailing()).replaceAll("(?s)^<html><head>.*?<body>\n|</body></html>\n?$", ""))
                    .append("</blockquote>\n");
        }
        return html.append("</body></html>").toString();
    }

    private static void flush(StringBuilder html, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            html.append("<p>").append(paragraph).append("</p>\n");
            paragraph.setLength(0);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
