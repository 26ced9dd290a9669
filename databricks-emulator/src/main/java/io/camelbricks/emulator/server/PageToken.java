package io.camelbricks.emulator.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page token: which list it belongs to ({@code scope}), which way it points and the boundary key.
 * Clients must treat it as opaque; a token from another list or a garbled one is rejected with
 * 400 INVALID_PARAMETER_VALUE.
 *
 * @param scope     the list it belongs to, e.g. {@code jobs}
 * @param forward   true: items after the boundary (next page); false: items before it (previous page)
 * @param boundary  key of the last (forward) or first (backward) item of the page it was issued on
 */
public record PageToken(String scope, boolean forward, long boundary) {

    private static final String PREFIX = "v1";

    public String encode() {
        String raw = PREFIX + "|" + scope + "|" + (forward ? "next" : "prev") + "|" + boundary;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token issued for {@code scope}; throws 400 INVALID_PARAMETER_VALUE otherwise. */
    public static PageToken decode(String token, String scope) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            if (parts.length == 4 && PREFIX.equals(parts[0]) && scope.equals(parts[1])
                    && ("next".equals(parts[2]) || "prev".equals(parts[2]))) {
                return new PageToken(scope, "next".equals(parts[2]), Long.parseLong(parts[3]));
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: fall through
        }
        throw ApiException.invalidParameter("Invalid page token: " + token);
    }
}
