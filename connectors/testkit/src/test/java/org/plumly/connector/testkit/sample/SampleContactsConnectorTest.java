package org.plumly.connector.testkit.sample;

/** The sample connector keeps every rule: the whole kit passes. */
class SampleContactsConnectorTest extends SampleCrmContract {
}
