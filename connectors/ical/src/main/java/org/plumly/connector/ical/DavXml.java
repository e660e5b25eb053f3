package org.plumly.connector.ical;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The WebDAV XML a CalDAV server answers (RFC 4918 multistatus, RFC 6578 sync-collection, RFC 4791
 * calendar-data), read with the JDK's parser: no DOCTYPE, no external entities, no XInclude, so a
 * hostile server cannot make the hub read files or call other hosts.
 */
final class DavXml {
    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";

    private DavXml() {
    }

    /** One {@code DAV:response}: a member and what the server says of it. */
    record Response(String href, int status, Optional<String> etag, Optional<String> calendarData, boolean calendar) {
        /** RFC 6578 3.5.2: a member removed since the token, reported with a 404 status and no properties. */
        boolean removed() {
            return status == 404;
        }
    }

    /** A multistatus body: its responses and, for sync-collection, the new sync token. */
    record Multistatus(List<Response> responses, Optional<String> syncToken) {
    }

    /** A DAV:error body's precondition, such as {@code valid-sync-token}. */
    static boolean hasPrecondition(String body, String name) {
        try {
            return parse(body).getElementsByTagNameNS(DAV, name).getLength() > 0;
        } catch (IOException unreadable) {
            return false;
        }
    }

    static Multistatus multistatus(String body) throws IOException {
        Element root = parse(body).getDocumentElement();
        if (!DAV.equals(root.getNamespaceURI()) || !"multistatus".equals(root.getLocalName())) {
            throw new IOException("the answer is no DAV:multistatus");
        }
        List<Response> responses = new ArrayList<>();
        Optional<String> syncToken = Optional.empty();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element) || !DAV.equals(element.getNamespaceURI())) {
                continue;
            }
            if ("sync-token".equals(element.getLocalName())) {
                syncToken = Optional.of(element.getTextContent().trim()).filter(token -> !token.isEmpty());
            } else if ("response".equals(element.getLocalName())) {
                responses.add(response(element));
            }
        }
        return new Multistatus(responses, syncToken);
    }

    private static Response response(Element response) throws IOException {
        Optional<Element> href = child(response, DAV, "href");
        if (href.isEmpty()) {
            throw new IOException("a DAV:response without a DAV:href");
        }
        int status = child(response, DAV, "status").map(s -> status(s.getTextContent())).orElse(200);
        Optional<String> etag = Optional.empty();
        Optional<String> data = Optional.empty();
        boolean calendar = false;
        for (Node child = response.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element propstat) || !DAV.equals(propstat.getNamespaceURI())
                    || !"propstat".equals(propstat.getLocalName())) {
                continue;
            }
            int propStatus = child(propstat, DAV, "status").map(s -> status(s.getTextContent())).orElse(200);
            Optional<Element> prop = child(propstat, DAV, "prop");
            if (propStatus != 200 || prop.isEmpty()) {
                continue;
            }
            etag = child(prop.get(), DAV, "getetag").map(Element::getTextContent).map(String::trim);
            data = child(prop.get(), CALDAV, "calendar-data").map(Element::getTextContent);
            calendar = child(prop.get(), DAV, "resourcetype").flatMap(type -> child(type, CALDAV, "calendar")).isPresent();
        }
        return new Response(href.get().getTextContent().trim(), status, etag, data, calendar);
    }

    /** The code of an HTTP status line such as {@code HTTP/1.1 404 Not Found}; 0 when there is none. */
    private static int status(String line) {
        String[] parts = line.trim().split("\\s+");
        try {
            return parts.length >= 2 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException noCode) {
            return 0;
        }
    }

    private static Optional<Element> child(Element parent, String namespace, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static Document parse(String body) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors are thrown, not printed
            return builder.parse(new InputSource(new StringReader(body)));
        } catch (ParserConfigurationException | SAXException malformed) {
            throw new IOException("malformed WebDAV XML: " + malformed.getMessage(), malformed);
        }
    }

    /** Text for an XML element's content. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
