package org.plumly.api.connector;

/** How a company admin authorizes an integration of a connector. */
public enum AuthorizationKind {
    /** Nothing to grant, such as a file in a folder the operator controls. */
    NONE,
    /** A key or password the admin enters; kept encrypted in the credential vault. */
    API_KEY,
    /** An OAuth2 authorization-code grant for the scopes of the spec. */
    OAUTH2
}
