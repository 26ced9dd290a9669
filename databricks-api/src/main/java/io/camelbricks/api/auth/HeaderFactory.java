package io.camelbricks.api.auth;

import java.util.Map;

/** Produces the authentication headers of one request; called before every attempt, so it may refresh tokens. */
@FunctionalInterface
public interface HeaderFactory {
    Map<String, String> headers();
}
