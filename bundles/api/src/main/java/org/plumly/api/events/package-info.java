/**
 * What the hub announces on the Vert.x event bus, for insight bundles and the dashboard's live updates
 * to react to. Each event is a record here with its {@code ADDRESS} and its JSON form: a JSON object
 * that always names its {@code tenant}, carries ids, labels, figures and times, and never the content
 * of a message (no text, subject or address). Events are published (every consumer gets each), from
 * the node that did the work; a consumer checks the tenant before it acts.
 *
 * <table>
 *   <caption>Addresses</caption>
 *   <tr><th>address</th><th>when</th><th>payload</th></tr>
 *   <tr><td>{@value org.plumly.api.events.ToneClassified#ADDRESS}</td><td>a message's tone verdict was
 *       stored</td><td>{@link org.plumly.api.events.ToneClassified}</td></tr>
 * </table>
 */
@Version("0.1.0")
@Export
package org.plumly.api.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
