package io.camelbricks.emulator.oauth;

import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authorization endpoint ({@code /oidc/v1/authorize}, and {@code /oidc/accounts/{account_id}/v1/authorize}):
 * <ul>
 * <li>{@code GET} with {@code response_type=code}, {@code client_id}, {@code redirect_uri}, {@code scope},
 *     {@code state}, {@code code_challenge} and {@code code_challenge_method=S256} (all required except scope,
 *     which defaults to {@code all-apis}) serves the login/consent page. An unknown client or a redirect URL the
 *     app did not register is shown as an error page (never redirected to); the other errors are redirected as
 *     {@code ?error=...&error_description=...&state=...} (RFC 6749 4.1.2.1).</li>
 * <li>{@code POST} of that page's form: "Allow" redirects (302) to {@code redirect_uri?code=...&state=...},
 *     "Deny" to {@code redirect_uri?error=access_denied&state=...}. The form refers to the validated request by an
 *     unguessable single-use id, so its parameters cannot be altered.</li>
 * </ul>
 */
public final class AuthorizeHandler implements ServiceHandler {

    private static final Pattern PKCE_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43,128}");

    private final EmulatedOAuth oauth;

    public AuthorizeHandler(EmulatedOAuth oauth) {
        this.oauth = oauth;
    }

    @Override
    public void register(Router router) {
        router.addPublic("GET", "/oidc/v1/authorize", this::page)
              .addPublic("POST", "/oidc/v1/authorize", this::decide)
              .addPublic("GET", "/oidc/accounts/{account_id}/v1/authorize", this::page)
              .addPublic("POST", "/oidc/accounts/{account_id}/v1/authorize", this::decide);
    }

    private ApiResponse page(ApiRequest request) {
        String issuer = oauth.issuerOf(request);
        Map<String, List<String>> query = request.queryParameters();
        Optional<String> duplicate = query.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).findFirst();
        if (duplicate.isPresent()) {
            return ConsentPage.error(400, "Invalid request", "Parameter " + duplicate.get() + " was sent twice.");
        }
        String clientId = first(query, "client_id");
        Optional<OAuthClients.App> app = oauth.clients.app(clientId);
        if (app.isEmpty()) {
            return ConsentPage.error(400, "Unknown application",
                    clientId == null ? "client_id is missing." : "No app integration has client_id " + clientId + ".");
        }
        String redirectUri = first(query, "redirect_uri");
        if (!app.get().allowsRedirect(redirectUri)) {
            return ConsentPage.error(400, "Invalid redirect URL",
                    "The redirect URL " + redirectUri + " is not registered for " + clientId + ".");
        }
        String state = first(query, "state");
        if (!"code".equals(first(query, "response_type"))) {
            return errorRedirect(redirectUri, "unsupported_response_type", "response_type must be code", state);
        }
        String challenge = first(query, "code_challenge");
        if (challenge == null || !"S256".equals(first(query, "code_challenge_method"))
                || !PKCE_CHALLENGE.matcher(challenge).matches()) {
            return errorRedirect(redirectUri, "invalid_request",
                    "PKCE is required: code_challenge (base64url SHA-256) with code_challenge_method=S256", state);
        }
        if (state == null || state.isEmpty()) {
            return errorRedirect(redirectUri, "invalid_request", "state is required", null);
        }
        Set<String> scopes = scopes(first(query, "scope"));
        String requestId = oauth.codes.await(issuer, clientId, redirectUri, scopes, state, challenge);
        oauth.countConsentPage();
        return ConsentPage.consent(request.path(), requestId, clientId, scopes, oauth.settings.defaultUser,
                oauth.settings.autoApprove);
    }

    private ApiResponse decide(ApiRequest request) {
        String issuer = oauth.issuerOf(request);
        Map<String, List<String>> form = request.formParameters();
        Optional<AuthorizationCodes.Pending> pending = oauth.codes.decide(first(form, "request_id"))
                .filter(p -> p.issuer().equals(issuer));
        if (pending.isEmpty()) {
            return ConsentPage.error(400, "Login expired",
                    "This login request is unknown, expired or already answered. Start the login again.");
        }
        AuthorizationCodes.Pending p = pending.get();
        if (!"allow".equals(first(form, "decision"))) {
            return errorRedirect(p.redirectUri(), "access_denied", "The user denied the request", p.state());
        }
        String user = first(form, "user");
        if (user == null || user.isBlank()) {
            user = oauth.settings.defaultUser;
        }
        String code = oauth.codes.issue(p, user.trim());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", p.state());
        return ApiResponse.redirect(withQuery(p.redirectUri(), params));
    }

    static Set<String> scopes(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        }
        if (scopes.isEmpty()) {
            scopes.add(IssuedTokens.ALL_APIS);
        }
        return scopes;
    }

    private static ApiResponse errorRedirect(String redirectUri, String error, String description, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) {
            params.put("state", state);
        }
        return ApiResponse.redirect(withQuery(redirectUri, params));
    }

    private static String withQuery(String uri, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(uri);
        char sep = uri.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
              .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
