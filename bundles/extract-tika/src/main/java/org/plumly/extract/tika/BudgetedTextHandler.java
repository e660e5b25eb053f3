package org.plumly.extract.tika;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.ToTextContentHandler;
import org.xml.sax.SAXException;

/** Collects a parse's plain text, charging every character to the extraction's {@link TextBudget}. */
final class BudgetedTextHandler extends ContentHandlerDecorator {
    private final TextBudget budget;
    private final ToTextContentHandler text;

    private BudgetedTextHandler(TextBudget budget, ToTextContentHandler text) {
        super(text);
        this.budget = budget;
        this.text = text;
    }

    BudgetedTextHandler(TextBudget budget) {
        this(budget, new ToTextContentHandler());
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        budget.take(length);
        super.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        budget.take(length);
        super.ignorableWhitespace(ch, start, length);
    }

    String text() {
        return text.toString();
    }
}
