package io.camelbricks.api.auth.google;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.auth.support.AuthHttp;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.wire.JsonMapper;

/**
 * A Google service-account key ({@code "type": "service_account"} JSON) and the two tokens it can mint with a
 * self-signed RS256 JWT (JDK crypto) sent to its {@code token_uri} as a {@code jwt-bearer} grant: a Google ID token
 * for an audience ({@code target_audience} claim), and an OAuth access token for scopes. {@code toString()} never
 * shows the key.
 */
public final class GoogleServiceAccount {
    public static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";
    public static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final ObjectMapper MAPPER = JsonMapper.create();

    private final String clientEmail;
    private final String privateKeyId;
    private final PrivateKey privateKey;
    private final String tokenUri;

    private GoogleServiceAccount(String clientEmail, String privateKeyId, PrivateKey privateKey, String tokenUri) {
        this.clientEmail = clientEmail;
        this.privateKeyId = privateKeyId;
        this.privateKey = privateKey;
        this.tokenUri = tokenUri;
    }

    /** Reads a {@code service_account} key; errors name the missing field, never a value. */
    public static GoogleServiceAccount fromJson(JsonNode json, String source) {
        String type = json.path("type").asText("");
        if (!"service_account".equals(type)) {
            throw new DatabricksException(source + " is not a service-account key (type " + (type.isEmpty() ? "missing" : type)
                    + "; expected service_account)");
        }
        String email = required(json, "client_email", source);
        String pem = required(json, "private_key", source);
        String tokenUri = json.path("token_uri").asText("");
        return new GoogleServiceAccount(email, json.path("private_key_id").asText(null), privateKey(pem, source),
                tokenUri.isEmpty() ? DEFAULT_TOKEN_URI : tokenUri);
    }

    public String clientEmail() {
        return clientEmail;
    }

    public String tokenUri() {
        return tokenUri;
    }

    /** A Google ID token whose audience is {@code audience} (expiry from its {@code exp} claim). */
    public Token idToken(HttpTransport http, String audience, Clock clock) {
        Map<String, Object> claims = baseClaims(clock);
        claims.put("target_audience", audience);
        JsonNode json = AuthHttp.postForm(http, tokenUri, Map.of("grant_type", JWT_BEARER, "assertion", sign(claims)),
                "Google ID token request to " + AuthHttp.withoutQuery(tokenUri));
        String idToken = json.path("id_token").asText("");
        if (idToken.isEmpty()) {
            throw new DatabricksException("Google ID token request to " + AuthHttp.withoutQuery(tokenUri)
                    + " answered without id_token");
        }
        return Token.bearer(idToken, Jwts.expiry(idToken).orElse(clock.instant().plusSeconds(3600)));
    }

    /** An OAuth access token for {@code scope}. */
    public Token accessToken(HttpTransport http, String scope, Clock clock) {
        Map<String, Object> claims = baseClaims(clock);
        claims.put("scope", scope);
        String what = "Google access token request to " + AuthHttp.withoutQuery(tokenUri);
        JsonNode json = AuthHttp.postForm(http, tokenUri, Map.of("grant_type", JWT_BEARER, "assertion", sign(claims)), what);
        return GoogleIdCredentialsProvider.accessToken(json, what, clock);
    }

    private Map<String, Object> baseClaims(Clock clock) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientEmail);
        claims.put("aud", tokenUri);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return claims;
    }

    private String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (privateKeyId != null && !privateKeyId.isEmpty()) {
            header.put("kid", privateKeyId);
        }
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(MAPPER.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(MAPPER.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new DatabricksException("cannot sign a JWT with the service-account key: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String required(JsonNode json, String field, String source) {
        String value = json.path(field).asText("");
        if (value.isEmpty()) {
            throw new DatabricksException(source + " has no " + field);
        }
        return value;
    }

    private static PrivateKey privateKey(String pem, String source) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new DatabricksException(source + " has a private_key that is not a PKCS#8 RSA key");
        }
    }

    @Override
    public String toString() {
        return "GoogleServiceAccount{" + clientEmail + ", privateKey=***}";
    }

    /** Reading JWTs (no verification: only the expiry of a token we were just given). */
    static final class Jwts {
        private Jwts() {
        }

        static java.util.Optional<Instant> expiry(String jwt) {
            String[] parts = jwt.split("\\.");
            if (parts.length < 2) {
                return java.util.Optional.empty();
            }
            try {
                JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
                return claims.hasNonNull("exp") ? java.util.Optional.of(Instant.ofEpochSecond(claims.get("exp").asLong()))
                        : java.util.Optional.empty();
            } catch (IllegalArgumentException | java.io.IOException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
