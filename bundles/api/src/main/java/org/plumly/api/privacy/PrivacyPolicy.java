package org.plumly.api.privacy;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One rule of who may see or change what. Register one as an OSGi service in its own bundle. The hub
 * combines all registered policies for each access: any deny wins, otherwise at least one permit is
 * needed; when no policy permits, the access is refused. Decide from the caller and the access only,
 * quickly and without I/O on the request path (load what you need, such as the reporting hierarchy,
 * ahead of time).
 *
 * <pre>{@code
 * @Component
 * public class OwnDataPolicy implements PrivacyPolicy {
 *     public String name() { return "own-data"; }
 *     public Decision decide(Caller caller, Access access) {
 *         if (!access.tenant().equals(caller.tenant())) return Decision.deny("other tenant");
 *         return caller.user().equals(access.owner()) ? Decision.permit("own data") : Decision.abstain();
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface PrivacyPolicy {

    /** A stable name, shown in audit entries next to the decision's reason. */
    String name();

    Decision decide(Caller caller, Access access);
}
