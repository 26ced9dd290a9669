package io.camelbricks.emulator.tokens;

import io.camelbricks.emulator.server.AccessTokenVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal access tokens made with the Tokens API ({@code /api/2.0/token/create}), next to the emulator's own PAT:
 * a created token is accepted on every {@code /api/} endpoint at once (as its creator), until it expires on the
 * emulator's clock ({@code lifetime_seconds}) or is deleted; then it gets {@code 403 "Invalid access token."}. Only
 * a SHA-256 of each token value is kept. Tokens the API did not create (the emulator's PAT) are not listed.
 * Thread-safe.
 */
public final class EmulatedTokens {

    /** A created token: its public information and the hash of its value. */
    record StoredToken(String tokenId, String valueHash, String comment, long creationTime, long expiryTime,
                       String owner) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, StoredToken> tokens = new LinkedHashMap<>();

    public EmulatedTokens(Clock clock) {
        this.clock = clock;
    }

    /** Creates a token for {@code owner} (no HTTP); returns its value. {@code lifetimeSeconds} ≤ 0: no expiry. */
    public String createToken(String owner, String comment, long lifetimeSeconds) {
        return create(owner, comment, lifetimeSeconds).getValue();
    }

    /** Ids of the tokens that exist (expired ones included until deleted, as the real list shows them). */
    public synchronized List<String> tokenIds() {
        return new ArrayList<>(tokens.keySet());
    }

    /** Revokes a token (like {@code token/delete}); returns false when it did not exist. */
    public synchronized boolean revoke(String tokenId) {
        return tokens.remove(tokenId) != null;
    }

    public synchronized void reset() {
        tokens.clear();
    }

    /** Accepts the created tokens (used by the authentication filter after the PAT and OAuth tokens). */
    public AccessTokenVerifier verifier() {
        return (token, apiPath) -> {
            String hash = sha256(token);
            synchronized (this) {
                for (StoredToken t : tokens.values()) {
                    if (MessageDigest.isEqual(t.valueHash().getBytes(StandardCharsets.US_ASCII),
                            hash.getBytes(StandardCharsets.US_ASCII))) {
                        if (t.expiryTime() > 0 && clock.millis() >= t.expiryTime()) {
                            return AccessTokenVerifier.Verdict.UNKNOWN;
                        }
                        return new AccessTokenVerifier.Verdict(AccessTokenVerifier.Status.VALID, t.owner());
                    }
                }
            }
            return AccessTokenVerifier.Verdict.UNKNOWN;
        };
    }

    synchronized Map.Entry<StoredToken, String> create(String owner, String comment, long lifetimeSeconds) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String value = "dapi" + HexFormat.of().formatHex(bytes);
        byte[] id = new byte[32];
        random.nextBytes(id);
        long now = clock.millis();
        StoredToken t = new StoredToken(HexFormat.of().formatHex(id), sha256(value), comment, now,
                lifetimeSeconds > 0 ? now + lifetimeSeconds * 1000 : -1, owner);
        tokens.put(t.tokenId(), t);
        return Map.entry(t, value);
    }

    synchronized List<StoredToken> list() {
        return new ArrayList<>(tokens.values());
    }

    synchronized Optional<StoredToken> remove(String tokenId) {
        return Optional.ofNullable(tokens.remove(tokenId));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
