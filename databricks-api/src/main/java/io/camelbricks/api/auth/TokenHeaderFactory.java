package io.camelbricks.api.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Headers from a {@link CachedTokenSource}: {@code Authorization: Bearer <token>}, plus optional extra headers
 * computed per request (e.g. Azure's service-management token). Invalidation forgets the cached token.
 */
public final class TokenHeaderFactory implements HeaderFactory {
    private final CachedTokenSource tokens;
    private final Supplier<Map<String, String>> extra;

    public TokenHeaderFactory(CachedTokenSource tokens) {
        this(tokens, Map::of);
    }

    public TokenHeaderFactory(CachedTokenSource tokens, Supplier<Map<String, String>> extra) {
        this.tokens = tokens;
        this.extra = extra;
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> more = extra.get();
        String authorization = tokens.token().authorizationHeader();
        if (more.isEmpty()) {
            return Map.of("Authorization", authorization);
        }
        Map<String, String> headers = new LinkedHashMap<>(more);
        headers.put("Authorization", authorization);
        return headers;
    }

    @Override
    public void invalidate() {
        tokens.invalidate();
    }

    @Override
    public boolean isRefreshable() {
        return true;
    }

    public CachedTokenSource tokens() {
        return tokens;
    }
}
