package io.camelbricks.api.auth.oauth;

/** Where to send users to log in, and where to get tokens. */
public record OidcEndpoints(String authorizationEndpoint, String tokenEndpoint) {
}
