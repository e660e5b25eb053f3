package org.plumly.itests;

/** The second build of the paged-source connector: the same reader, a new build number. */
public class PagedSourceConnectorV2 extends PagedSourceConnector {
    @Override
    protected String build() {
        return "2";
    }
}
