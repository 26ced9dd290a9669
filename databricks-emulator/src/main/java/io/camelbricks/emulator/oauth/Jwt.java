package io.camelbricks.emulator.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.server.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A compact JWS (an OIDC ID token): header, claims, and the signature check for RS256 and ES256. Anything else
 * (including {@code alg: none}) never verifies.
 */
final class Jwt {

    private final JsonNode header;
    private final JsonNode claims;
    private final byte[] signingInput;
    private final byte[] signature;

    private Jwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** Parses {@code header.claims.signature}; throws {@link IllegalArgumentException} when it is not a JWT. */
    static Jwt parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT (expected three dot-separated parts)");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            JsonNode header = Json.MAPPER.readTree(decoder.decode(parts[0]));
            JsonNode claims = Json.MAPPER.readTree(decoder.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                throw new IllegalArgumentException("not a JWT (header and claims must be JSON objects)");
            }
            byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return new Jwt(header, claims, input, decoder.decode(parts[2]));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWT (parts are not base64url JSON)");
        }
    }

    String algorithm() {
        return header.path("alg").asText("");
    }

    String issuer() {
        return claims.path("iss").asText(null);
    }

    String subject() {
        return claims.path("sub").asText(null);
    }

    /** {@code aud} as a list (the claim may be a string or an array). */
    List<String> audiences() {
        JsonNode aud = claims.path("aud");
        List<String> result = new ArrayList<>();
        if (aud.isTextual()) {
            result.add(aud.asText());
        } else if (aud.isArray()) {
            aud.forEach(a -> result.add(a.asText()));
        }
        return result;
    }

    /** A NumericDate claim ({@code exp}, {@code nbf}, {@code iat}), or null. */
    Instant time(String claim) {
        JsonNode n = claims.path(claim);
        return n.isNumber() ? Instant.ofEpochSecond(n.asLong()) : null;
    }

    /** Whether the signature is valid for {@code key} under the header's algorithm (RS256 or ES256 only). */
    boolean verify(PublicKey key) {
        try {
            switch (algorithm()) {
                case "RS256": {
                    if (!(key instanceof RSAPublicKey)) {
                        return false;
                    }
                    Signature s = Signature.getInstance("SHA256withRSA");
                    s.initVerify(key);
                    s.update(signingInput);
                    return s.verify(signature);
                }
                case "ES256": {
                    if (!(key instanceof ECPublicKey) || signature.length != 64) {
                        return false;
                    }
                    Signature s = Signature.getInstance("SHA256withECDSA");
                    s.initVerify(key);
                    s.update(signingInput);
                    return s.verify(derSignature(signature));
                }
                default:
                    return false;
            }
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** JWS carries ES256 signatures as R || S (32 bytes each); the JDK wants an ASN.1 DER sequence. */
    private static byte[] derSignature(byte[] raw) {
        byte[] r = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64)).toByteArray();
        byte[] der = new byte[6 + r.length + s.length];
        der[0] = 0x30;
        der[1] = (byte) (4 + r.length + s.length);
        der[2] = 0x02;
        der[3] = (byte) r.length;
        System.arraycopy(r, 0, der, 4, r.length);
        der[4 + r.length] = 0x02;
        der[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, der, 6 + r.length, s.length);
        return der;
    }
}
