/**
 * A local single-node Apache Cassandra that Plumly starts itself: for {@code ./plumly run}
 * ({@link org.plumly.cassandra.node.LocalCassandraMain}), for {@code ./plumly test}, and for the
 * tests of any module ({@link org.plumly.cassandra.node.CassandraForTests}).
 *
 * <p>A plain Java library with no dependency: the server runs in a JVM of its own from the jars of
 * {@code assembly/cassandra-server/target/server-lib}, which never reach a class path here.
 */
package org.plumly.cassandra.node;
