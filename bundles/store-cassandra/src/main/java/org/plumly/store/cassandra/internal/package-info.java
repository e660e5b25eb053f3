/**
 * The stores on Cassandra. They are registered once the store connects, not by Declarative Services, so
 * the services they provide are declared here for the resolver: bundles that require them (the core's
 * components) resolve against this bundle.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.ActivityStore'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.DirectoryStore'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.OpportunityStore'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.InsightStore'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.IntegrationStore'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.AuditLog'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.TenantStore'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.SyncRunStore'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.LeaseStore'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.CredentialStore'")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>='org.plumly.api.store.SourcePurge'")
package org.plumly.store.cassandra.internal;

import org.osgi.annotation.bundle.Capability;
