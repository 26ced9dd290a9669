package io.camelbricks.api.auth;

/** Produces a valid token on demand (fetching or refreshing it as needed). */
@FunctionalInterface
public interface TokenSource {
    Token token();
}
