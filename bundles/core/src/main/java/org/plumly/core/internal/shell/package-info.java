/**
 * Karaf shell commands for operators: {@code plumly:connectors}, {@code plumly:sync}, {@code plumly:runs},
 * {@code plumly:tenant-add}, {@code plumly:token-issue}, {@code plumly:tokens}, {@code plumly:token-revoke},
 * {@code plumly:reset-state}, {@code plumly:vault-rotate}, {@code plumly:tone-backlog}.
 */
@Header(name = "Karaf-Commands", value = "org.plumly.core.internal.shell")
package org.plumly.core.internal.shell;

import org.osgi.annotation.bundle.Header;
