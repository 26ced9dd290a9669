package io.camelbricks.emulator.server;

/**
 * Checks bearer tokens that are not the personal access token: the OAuth access tokens the emulator's OAuth server
 * issued. Used by {@link BearerTokenAuthenticator}.
 */
@FunctionalInterface
public interface AccessTokenVerifier {

    /** What a presented token is worth for a call of {@code apiPath} (versionless, e.g. {@code /jobs/list}). */
    enum Status {
        /** Issued, not expired, not revoked, with a scope that covers the call. */
        VALID,
        /** Issued, but its lifetime is over (on the emulator's clock): 401, so clients re-authenticate. */
        EXPIRED,
        /** Valid, but none of its scopes covers this API: 403. */
        INSUFFICIENT_SCOPE,
        /** Never issued, or revoked: 403 "Invalid access token.", like any wrong token. */
        UNKNOWN
    }

    /** The status, and for a valid token who it belongs to. */
    record Verdict(Status status, String principal) {
        public static final Verdict UNKNOWN = new Verdict(Status.UNKNOWN, null);
    }

    Verdict verify(String token, String apiPath);

    /** Accepts nothing: PAT-only authentication. */
    AccessTokenVerifier NONE = (token, apiPath) -> Verdict.UNKNOWN;
}
