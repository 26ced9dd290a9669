package io.camelbricks.emulator.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * A stand-in identity provider for workload identity federation tests: an issuer name and a fresh key pair that
 * mints signed ID tokens (RS256 or ES256), and the matching {@link FederationPolicy}.
 *
 * <pre>{@code
 * IdTokenIssuer github = IdTokenIssuer.rs256("https://token.actions.githubusercontent.com");
 * emu.oauth().addFederationPolicy(github.policy().audience(aud).subject("repo:acme/etl:ref:refs/heads/main").build());
 * String idToken = github.mint("repo:acme/etl:ref:refs/heads/main", aud, clock.instant(), Duration.ofMinutes(5));
 * }</pre>
 */
public final class IdTokenIssuer {

    private final String issuer;
    private final String algorithm;
    private final KeyPair keys;
    private final String keyId;

    private IdTokenIssuer(String issuer, String algorithm, KeyPair keys) {
        this.issuer = issuer;
        this.algorithm = algorithm;
        this.keys = keys;
        this.keyId = Integer.toHexString(keys.getPublic().hashCode());
    }

    /** An issuer signing with a new 2048-bit RSA key (RS256). */
    public static IdTokenIssuer rs256(String issuer) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return new IdTokenIssuer(issuer, "RS256", g.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is always available", e);
        }
    }

    /** An issuer signing with a new P-256 key (ES256). */
    public static IdTokenIssuer es256(String issuer) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return new IdTokenIssuer(issuer, "ES256", g.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is always available", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** A policy builder trusting this issuer and verifying its signatures. */
    public FederationPolicy.Builder policy() {
        return FederationPolicy.builder().issuer(issuer).verificationKey(keys.getPublic());
    }

    /** An ID token for {@code subject} and {@code audience}, issued at {@code issuedAt}, valid for {@code lifetime}. */
    public String mint(String subject, String audience, Instant issuedAt, Duration lifetime) {
        return mint(Map.of("iss", issuer, "sub", subject, "aud", audience, "iat", issuedAt.getEpochSecond(),
                "nbf", issuedAt.getEpochSecond(), "exp", issuedAt.plus(lifetime).getEpochSecond()));
    }

    /** A token with exactly these claims (for malformed or foreign tokens), signed with this issuer's key. */
    public String mint(Map<String, Object> claims) {
        ObjectNode header = Json.object();
        header.put("alg", algorithm);
        header.put("typ", "JWT");
        header.put("kid", keyId);
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(Json.MAPPER.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(Json.MAPPER.writeValueAsBytes(claims));
            Signature s = Signature.getInstance("RS256".equals(algorithm) ? "SHA256withRSA" : "SHA256withECDSA");
            s.initSign(keys.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            byte[] signature = s.sign();
            if ("ES256".equals(algorithm)) {
                signature = rawSignature(signature);
            }
            return input + "." + b64.encodeToString(signature);
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an ID token", e);
        }
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} to the JWS form R || S, 32 bytes each. */
    private static byte[] rawSignature(byte[] der) {
        int offset = 2;
        if ((der[1] & 0x80) != 0) {
            offset += der[1] & 0x7f;
        }
        int rLength = der[offset + 1];
        byte[] r = Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength);
        int sOffset = offset + 2 + rLength;
        byte[] s = Arrays.copyOfRange(der, sOffset + 2, sOffset + 2 + der[sOffset + 1]);
        byte[] raw = new byte[64];
        copyRight(new BigInteger(1, r).toByteArray(), raw, 0);
        copyRight(new BigInteger(1, s).toByteArray(), raw, 32);
        return raw;
    }

    private static void copyRight(byte[] value, byte[] target, int offset) {
        int length = Math.min(value.length, 32);
        System.arraycopy(value, value.length - length, target, offset + 32 - length, length);
    }

    @Override
    public String toString() {
        return "IdTokenIssuer[" + issuer + ", " + algorithm + "]";
    }
}
