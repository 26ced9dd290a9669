package io.camelbricks.api.auth.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelbricks.api.DatabricksException;

/**
 * One started login of an {@link OAuthClient}: the authorization URL to send the browser to, and what the callback
 * is checked and redeemed with (the {@code state} and the PKCE verifier). Keep it in the user's web session between
 * the redirect and the callback with {@link #toMap()} / {@link #fromMap(OAuthClient, Map)}; store it server side
 * (the verifier is a secret). {@code toString()} masks state and verifier.
 */
public final class Consent {
    private final OAuthClient client;
    private final String state;
    private final String verifier;
    private final String authorizationUrl;

    Consent(OAuthClient client, String state, String verifier, String authorizationUrl) {
        this.client = client;
        this.state = state;
        this.verifier = verifier;
        this.authorizationUrl = authorizationUrl;
    }

    /** Where to redirect the user's browser. */
    public String authorizationUrl() {
        return authorizationUrl;
    }

    /** The redirect URL the callback will arrive at. */
    public String redirectUrl() {
        return client.redirectUrl();
    }

    /** The anti-CSRF value the callback must return. */
    public String state() {
        return state;
    }

    /**
     * Checks the callback's query parameters and redeems the code: an {@code error} parameter, a missing code or
     * state, or a {@code state} that is not this consent's (a stale or forged callback) fail with a
     * {@link DatabricksException} saying so, and nothing is sent to the token endpoint.
     */
    public SessionCredentials exchangeCallbackParameters(Map<String, String> parameters) {
        String error = parameters.get("error");
        if (error != null) {
            String description = parameters.get("error_description");
            throw new DatabricksException("OAuth login failed: " + error
                    + (description == null || description.isBlank() ? "" : ": " + description));
        }
        String code = parameters.get("code");
        String returnedState = parameters.get("state");
        if (code == null || code.isBlank() || returnedState == null) {
            throw new DatabricksException("OAuth callback without code or state");
        }
        return exchange(code, returnedState);
    }

    /** Redeems {@code code} once {@code returnedState} is checked against this consent's state. */
    public SessionCredentials exchange(String code, String returnedState) {
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                String.valueOf(returnedState).getBytes(StandardCharsets.UTF_8))) {
            throw new DatabricksException("OAuth state mismatch: the callback does not belong to this login "
                    + "(stale or forged); start the login again");
        }
        return new SessionCredentials(client, client.exchangeCode(code, verifier), null, null);
    }

    /**
     * The consent as strings for a web session: {@code state}, {@code verifier}, {@code authorization_url},
     * {@code redirect_url}, {@code token_endpoint}, {@code client_id} (the keys of the Python SDK's
     * {@code as_dict}).
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("state", state);
        map.put("verifier", verifier);
        map.put("authorization_url", authorizationUrl);
        map.put("redirect_url", client.redirectUrl());
        map.put("token_endpoint", client.endpoints().tokenEndpoint());
        map.put("client_id", client.clientId());
        return map;
    }

    /**
     * Restores a consent kept with {@link #toMap()}. The code is always redeemed at {@code client}'s own token
     * endpoint with its own redirect URL: a map made for another client id or redirect URL is refused, so a tampered
     * session cannot send the code (or the client secret) elsewhere.
     */
    public static Consent fromMap(OAuthClient client, Map<String, String> map) {
        if (map == null || map.get("state") == null || map.get("verifier") == null) {
            throw new DatabricksException("no OAuth login in progress (the session has no consent); start the login");
        }
        if (!client.clientId().equals(map.get("client_id"))) {
            throw new DatabricksException("the saved consent belongs to OAuth client " + map.get("client_id")
                    + ", not " + client.clientId());
        }
        if (map.get("redirect_url") != null && !client.redirectUrl().equals(map.get("redirect_url"))) {
            throw new DatabricksException("the saved consent was made for redirect URL " + map.get("redirect_url")
                    + ", not " + client.redirectUrl());
        }
        return new Consent(client, map.get("state"), map.get("verifier"), map.get("authorization_url"));
    }

    @Override
    public String toString() {
        String url = authorizationUrl == null ? "" : authorizationUrl;
        int q = url.indexOf('?');
        return "Consent{authorizationEndpoint=" + (q < 0 ? url : url.substring(0, q)) + ", clientId="
                + client.clientId() + ", state=***, verifier=***}";
    }
}
