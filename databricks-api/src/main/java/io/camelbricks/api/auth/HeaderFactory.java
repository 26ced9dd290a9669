package io.camelbricks.api.auth;

import java.util.Map;

/** Produces the authentication headers of one request; called before every attempt, so it may refresh tokens. */
@FunctionalInterface
public interface HeaderFactory {
    Map<String, String> headers();

    /**
     * The server answered 401 with these headers: forget cached credentials so that the next {@link #headers()}
     * fetches new ones. Static credentials (a PAT) have nothing to forget.
     */
    default void invalidate() {
    }

    /** Whether {@link #invalidate()} can yield different credentials (so a 401 is worth one retry). */
    default boolean isRefreshable() {
        return false;
    }
}
