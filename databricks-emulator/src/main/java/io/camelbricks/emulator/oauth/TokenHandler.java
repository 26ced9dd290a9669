package io.camelbricks.emulator.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The token endpoint ({@code POST /oidc/v1/token}, and {@code /oidc/accounts/{account_id}/v1/token}), form-encoded
 * requests only, JSON answers with {@code Cache-Control: no-store}:
 * <ul>
 * <li>{@code client_credentials}: a registered service principal, authenticated by HTTP Basic or by
 *     {@code client_id}/{@code client_secret} in the body (not both); {@code scope} defaults to {@code all-apis};
 *     no refresh token.</li>
 * <li>{@code authorization_code}: the code (single use; a replay revokes what it issued), the same
 *     {@code redirect_uri} as at the authorization request, the PKCE {@code code_verifier} (S256 checked),
 *     {@code client_id}, and the secret for confidential apps. A refresh token comes with the access token when
 *     the scope includes {@code offline_access}.</li>
 * <li>{@code refresh_token}: for the client it was issued to; rotated by default (see
 *     {@link EmulatedOAuth#rotateRefreshTokens}); an optional {@code scope} may only narrow.</li>
 * <li>{@code urn:ietf:params:oauth:grant-type:token-exchange} (RFC 8693): {@code subject_token} a JWT with
 *     {@code subject_token_type=urn:ietf:params:oauth:token-type:jwt}, accepted when a {@link FederationPolicy}
 *     matches (issuer, audience, subject, signature when the policy has a key; {@code exp} required and in the
 *     future, {@code nbf} not in the future, on the emulator's clock).</li>
 * </ul>
 * Errors are RFC 6749 JSON ({@code invalid_request}, {@code invalid_client} (401), {@code invalid_grant},
 * {@code invalid_scope}, {@code unsupported_grant_type}). Every request is counted by grant type.
 */
public final class TokenHandler implements ServiceHandler {

    static final String TOKEN_EXCHANGE = DiscoveryHandler.TOKEN_EXCHANGE;
    static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final Pattern PKCE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final EmulatedOAuth oauth;

    public TokenHandler(EmulatedOAuth oauth) {
        this.oauth = oauth;
    }

    @Override
    public void register(Router router) {
        router.addPublic("POST", "/oidc/v1/token", this::token)
              .addPublic("POST", "/oidc/accounts/{account_id}/v1/token", this::token);
    }

    private ApiResponse token(ApiRequest request) {
        String issuer = oauth.issuerOf(request);
        String contentType = request.header("Content-Type");
        boolean form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        Map<String, List<String>> params;
        try {
            params = request.formParameters();
        } catch (ApiException e) {
            oauth.countTokenRequest(null);
            return OAuthError.invalidRequest("The request body is not valid form encoding").toResponse();
        }
        String grantType = params.containsKey("grant_type") ? params.get("grant_type").get(0) : null;
        oauth.countTokenRequest(grantType);
        try {
            if (!form) {
                throw OAuthError.invalidRequest("The token endpoint takes application/x-www-form-urlencoded bodies");
            }
            for (Map.Entry<String, List<String>> e : params.entrySet()) {
                if (e.getValue().size() > 1) {
                    throw OAuthError.invalidRequest("Parameter " + e.getKey() + " was sent more than once");
                }
            }
            if (grantType == null || grantType.isEmpty()) {
                throw OAuthError.invalidRequest("grant_type is required");
            }
            IssuedTokens.Issued issued = switch (grantType) {
                case "client_credentials" -> clientCredentials(request, params, issuer);
                case "authorization_code" -> authorizationCode(request, params, issuer);
                case "refresh_token" -> refresh(request, params, issuer);
                case TOKEN_EXCHANGE -> exchange(params, issuer);
                default -> throw OAuthError.unsupportedGrantType(grantType);
            };
            return answer(issued, TOKEN_EXCHANGE.equals(grantType));
        } catch (OAuthError e) {
            return e.toResponse();
        }
    }

    // ---- grants

    private IssuedTokens.Issued clientCredentials(ApiRequest request, Map<String, List<String>> params, String issuer) {
        ClientAuthentication auth = authenticate(request, params);
        if (auth.clientId() == null || auth.secret() == null) {
            throw OAuthError.invalidClient("Client authentication is required", auth.basic());
        }
        Optional<OAuthClients.ServicePrincipal> sp = oauth.clients.servicePrincipal(auth.clientId())
                .filter(p -> RandomTokens.sameSecret(p.secret(), auth.secret()));
        if (sp.isEmpty()) {
            throw OAuthError.invalidClient("Client authentication failed", auth.basic());
        }
        Set<String> scopes = AuthorizeHandler.scopes(param(params, "scope"));
        return oauth.tokens.issue(sp.get().clientId(), sp.get().clientId(), scopes, RandomTokens.next("family_"),
                false, issuer);
    }

    private IssuedTokens.Issued authorizationCode(ApiRequest request, Map<String, List<String>> params,
                                                  String issuer) {
        String code = required(params, "code");
        String redirectUri = required(params, "redirect_uri");
        String verifier = required(params, "code_verifier");
        OAuthClients.App app = authenticateApp(request, params);
        AuthorizationCodes.Code granted = oauth.codes.redeem(code, oauth.tokens::revokeFamily);
        if (!granted.clientId().equals(app.clientId())) {
            throw OAuthError.invalidGrant("Authorization code was issued to another client");
        }
        if (!granted.issuer().equals(issuer)) {
            throw OAuthError.invalidGrant("Authorization code was issued by another authorization server");
        }
        if (!granted.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (!PKCE_VERIFIER.matcher(verifier).matches()
                || !RandomTokens.sameSecret(granted.codeChallenge(), s256(verifier))) {
            throw OAuthError.invalidGrant("PKCE verification failed: code_verifier does not match code_challenge");
        }
        return oauth.tokens.issue(granted.principal(), app.clientId(), granted.scopes(), granted.family(),
                granted.scopes().contains(IssuedTokens.OFFLINE_ACCESS), issuer);
    }

    private IssuedTokens.Issued refresh(ApiRequest request, Map<String, List<String>> params, String issuer) {
        String refreshToken = required(params, "refresh_token");
        OAuthClients.App app = authenticateApp(request, params);
        IssuedTokens.RefreshToken grant = oauth.tokens.redeem(refreshToken, app.clientId(), issuer);
        Set<String> scopes = grant.scopes();
        String requested = param(params, "scope");
        if (requested != null && !requested.isBlank()) {
            Set<String> narrowed = AuthorizeHandler.scopes(requested);
            if (!scopes.containsAll(narrowed)) {
                throw OAuthError.invalidScope("A refresh may not ask for scopes beyond the original grant");
            }
            scopes = narrowed;
        }
        return oauth.tokens.issue(grant.principal(), app.clientId(), scopes, grant.family(),
                oauth.settings.rotateRefreshTokens, issuer);
    }

    private IssuedTokens.Issued exchange(Map<String, List<String>> params, String issuer) {
        String subjectToken = required(params, "subject_token");
        String tokenType = required(params, "subject_token_type");
        if (!JWT_TOKEN_TYPE.equals(tokenType) && !ID_TOKEN_TYPE.equals(tokenType)) {
            throw OAuthError.invalidRequest("subject_token_type must be " + JWT_TOKEN_TYPE);
        }
        String requestedType = param(params, "requested_token_type");
        if (requestedType != null && !ACCESS_TOKEN_TYPE.equals(requestedType)) {
            throw OAuthError.invalidRequest("requested_token_type must be " + ACCESS_TOKEN_TYPE);
        }
        Jwt jwt;
        try {
            jwt = Jwt.parse(subjectToken);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidGrant("subject_token is " + e.getMessage());
        }
        Instant now = oauth.clock().instant();
        Instant exp = jwt.time("exp");
        if (exp == null) {
            throw OAuthError.invalidGrant("subject_token has no exp claim");
        }
        if (!now.isBefore(exp)) {
            throw OAuthError.invalidGrant("subject_token is expired");
        }
        Instant nbf = jwt.time("nbf");
        if (nbf != null && now.isBefore(nbf)) {
            throw OAuthError.invalidGrant("subject_token is not valid yet (nbf)");
        }
        String clientId = param(params, "client_id");
        List<FederationPolicy> candidates = oauth.policies.stream()
                .filter(p -> clientId == null ? p.servicePrincipal() == null : clientId.equals(p.servicePrincipal()))
                .toList();
        if (candidates.isEmpty()) {
            throw OAuthError.invalidGrant(clientId == null ? "No account federation policy is configured"
                    : "No federation policy is configured for service principal " + clientId);
        }
        List<String> reasons = new ArrayList<>();
        for (FederationPolicy policy : candidates) {
            String reason = mismatch(policy, jwt);
            if (reason == null) {
                String principal = policy.servicePrincipal() != null ? policy.servicePrincipal() : jwt.subject();
                if (principal == null || principal.isBlank()) {
                    throw OAuthError.invalidGrant("subject_token has no sub claim");
                }
                return oauth.tokens.issue(principal, clientId == null ? "federation" : clientId,
                        AuthorizeHandler.scopes(param(params, "scope")), RandomTokens.next("family_"), false, issuer);
            }
            reasons.add(reason);
        }
        throw OAuthError.invalidGrant("subject_token is not accepted by any federation policy: "
                + String.join("; ", reasons));
    }

    /** Why {@code policy} rejects the token, or null when it accepts it. */
    private String mismatch(FederationPolicy policy, Jwt jwt) {
        if (!policy.issuer().equals(jwt.issuer())) {
            return "issuer " + jwt.issuer() + " is not trusted";
        }
        List<String> accepted = policy.audiences().isEmpty() ? List.of(oauth.accountId()) : policy.audiences();
        if (jwt.audiences().stream().noneMatch(accepted::contains)) {
            return "audience " + jwt.audiences() + " is not accepted";
        }
        if (policy.subject() != null && !policy.subject().equals(jwt.subject())) {
            return "subject " + jwt.subject() + " is not accepted";
        }
        if (policy.verificationKey() != null && !jwt.verify(policy.verificationKey())) {
            return "signature (" + jwt.algorithm() + ") does not verify";
        }
        return null;
    }

    // ---- client authentication

    private record ClientAuthentication(String clientId, String secret, boolean basic) {
        @Override
        public String toString() {
            return "ClientAuthentication[" + clientId + ", secret=***]";
        }
    }

    /** HTTP Basic (RFC 6749 2.3.1: both parts form-encoded) or body fields; both at once is an error. */
    private static ClientAuthentication authenticate(ApiRequest request, Map<String, List<String>> params) {
        String header = request.header("Authorization");
        String bodyId = param(params, "client_id");
        String bodySecret = param(params, "client_secret");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (bodySecret != null) {
                throw OAuthError.invalidRequest("Use one client authentication method, not both");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidClient("Malformed Basic authorization header", true);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient("Malformed Basic authorization header", true);
            }
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            if (bodyId != null && !bodyId.equals(id)) {
                throw OAuthError.invalidRequest("client_id in the body differs from the Basic authorization header");
            }
            return new ClientAuthentication(id, secret, true);
        }
        return new ClientAuthentication(bodyId, bodySecret, false);
    }

    /** The app of a code or refresh grant: known, and authenticated when confidential. */
    private OAuthClients.App authenticateApp(ApiRequest request, Map<String, List<String>> params) {
        ClientAuthentication auth = authenticate(request, params);
        if (auth.clientId() == null) {
            throw OAuthError.invalidRequest("client_id is required");
        }
        OAuthClients.App app = oauth.clients.app(auth.clientId()).orElseThrow(() ->
                OAuthError.invalidClient("Unknown client " + auth.clientId(), auth.basic()));
        if (app.isConfidential() && !RandomTokens.sameSecret(app.secret(), auth.secret())) {
            throw OAuthError.invalidClient("Client authentication failed", auth.basic());
        }
        return app;
    }

    // ---- helpers

    private static ApiResponse answer(IssuedTokens.Issued issued, boolean exchange) {
        ObjectNode body = Json.object();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresIn());
        body.put("scope", String.join(" ", issued.scopes()));
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        if (exchange) {
            body.put("issued_token_type", ACCESS_TOKEN_TYPE);
        }
        return ApiResponse.json(200, body, Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String param(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String required(Map<String, List<String>> params, String name) {
        String value = param(params, name);
        if (value == null || value.isEmpty()) {
            throw OAuthError.invalidRequest(name + " is required");
        }
        return value;
    }
}
