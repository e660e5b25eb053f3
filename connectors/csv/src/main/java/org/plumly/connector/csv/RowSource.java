package org.plumly.connector.csv;

import org.plumly.api.connector.ConnectorException;

/** Rows one after the other, such as those of a {@link CsvFile}. */
@FunctionalInterface
interface RowSource {

    /** The next row; null after the last. */
    Row next() throws ConnectorException;
}
