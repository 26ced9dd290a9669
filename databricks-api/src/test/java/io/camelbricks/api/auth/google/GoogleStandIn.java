package io.camelbricks.api.auth.google;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Recorded;
import io.camelbricks.api.testing.LoopbackServer.Reply;

/**
 * A loopback stand-in of Google's OAuth token endpoint (JWT-bearer grants whose RS256 signature it checks with the
 * test key pair, refresh-token grants), the IAM Credentials API and the Compute Engine metadata server. The key pair
 * is generated when the test starts.
 */
final class GoogleStandIn implements AutoCloseable {
    static final String SA = "robot@project.iam.gserviceaccount.com";
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static KeyPair keys;

    final LoopbackServer server = new LoopbackServer();
    final AtomicInteger issued = new AtomicInteger();
    private final Clock clock;

    GoogleStandIn(Clock clock) {
        this.clock = clock;
        server.respondWith(this::answer);
    }

    static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    /** A service-account key file's JSON whose token_uri is this stand-in. */
    String serviceAccountJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode json = MAPPER.createObjectNode();
        json.put("type", "service_account");
        json.put("project_id", "project");
        json.put("private_key_id", "key-1");
        json.put("private_key", pem);
        json.put("client_email", SA);
        json.put("client_id", "1234");
        json.put("token_uri", server.url() + "/token");
        return json.toString();
    }

    /** An {@code authorized_user} ADC file's JSON (gcloud auth application-default login). */
    String authorizedUserJson() {
        return "{\"type\":\"authorized_user\",\"client_id\":\"gcloud-client\",\"client_secret\":\"gcloud-secret\","
                + "\"refresh_token\":\"user-refresh\",\"token_uri\":\"" + server.url() + "/token\"}";
    }

    static Map<String, String> form(Recorded r) {
        Map<String, String> form = new HashMap<>();
        for (String pair : r.bodyText().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** A JWT-shaped ID token for {@code audience} that expires in an hour (by the test clock). */
    String idToken(String audience) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"aud\":\"" + audience + "\",\"exp\":" + clock.instant().plusSeconds(3600).getEpochSecond()
                + ",\"n\":" + issued.incrementAndGet() + "}";
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    static JsonNode claims(String jwt) throws Exception {
        return MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private Reply answer(Recorded r) {
        try {
            if (r.uri().equals("/token")) {
                Map<String, String> form = form(r);
                if ("refresh_token".equals(form.get("grant_type"))) {
                    if (!"user-refresh".equals(form.get("refresh_token"))) {
                        return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");
                    }
                    return Reply.ok("{\"access_token\":\"adc-" + issued.incrementAndGet() + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
                }
                String[] jwt = form.get("assertion").split("\\.");
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initVerify(keys().getPublic());
                rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
                if (!rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                    return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
                }
                JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(jwt[0]));
                JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(jwt[1]));
                if (!header.path("kid").asText().equals("key-1") || !claims.path("iss").asText().equals(SA)
                        || !claims.path("aud").asText().equals(server.url() + "/token")) {
                    return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"bad claims\"}");
                }
                if (claims.has("target_audience")) {
                    return Reply.ok("{\"id_token\":\"" + idToken(claims.get("target_audience").asText()) + "\"}");
                }
                return Reply.ok("{\"access_token\":\"sa-access-" + issued.incrementAndGet() + "\",\"expires_in\":3599,"
                        + "\"token_type\":\"Bearer\"}");
            }
            if (r.uri().startsWith("/v1/projects/-/serviceAccounts/" + SA + ":")) {
                if (r.header("Authorization") == null || !r.header("Authorization").startsWith("Bearer ")) {
                    return Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"no credentials\",\"status\":\"UNAUTHENTICATED\"}}");
                }
                JsonNode body = MAPPER.readTree(r.body());
                if (r.uri().endsWith(":generateIdToken")) {
                    return Reply.ok("{\"token\":\"" + idToken(body.path("audience").asText()) + "\"}");
                }
                if (r.uri().endsWith(":generateAccessToken") && body.path("scope").toString()
                        .equals("[\"https://www.googleapis.com/auth/cloud-platform\"]")) {
                    return Reply.ok("{\"accessToken\":\"impersonated-" + issued.incrementAndGet() + "\",\"expireTime\":\""
                            + clock.instant().plusSeconds(3600) + "\"}");
                }
            }
            if (r.uri().equals("/computeMetadata/v1/instance/service-accounts/default/token")
                    && "Google".equals(r.header("Metadata-Flavor"))) {
                return Reply.ok("{\"access_token\":\"gce-" + issued.incrementAndGet() + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
            }
            return Reply.json(404, "{\"error\":{\"code\":404,\"message\":\"not here\",\"status\":\"NOT_FOUND\"}}");
        } catch (Exception e) {
            return Reply.json(500, "{\"error\":\"stand_in\",\"error_description\":\"" + e + "\"}");
        }
    }

    List<Recorded> requests() {
        return server.requests();
    }

    @Override
    public void close() {
        server.close();
    }
}
