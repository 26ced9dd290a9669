package io.camelbricks.api.auth.google;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CachedTokenSource;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.auth.TokenHeaderFactory;
import io.camelbricks.api.auth.TokenSource;
import io.camelbricks.api.auth.support.AuthHttp;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.wire.PathEncoder;

/**
 * {@code google-id}: impersonation of {@code google_service_account} on a GCP workspace or account host, with the
 * application-default credentials (ADC) of the environment. The IAM Credentials API mints a Google ID token for the
 * host ({@code generateIdToken}, {@code Authorization}) and, on account hosts, an access token
 * ({@code generateAccessToken}, {@code X-Databricks-GCP-SA-Access-Token}).
 * <p>
 * ADC, in Google's order, all read from the resolved environment: the file named by
 * {@code GOOGLE_APPLICATION_CREDENTIALS}; {@code $CLOUDSDK_CONFIG} or {@code $HOME/.config/gcloud} /
 * {@code application_default_credentials.json} (from {@code gcloud auth application-default login}); the Compute
 * Engine metadata server, when {@code GCE_METADATA_HOST} names it or the machine reports itself as Google Compute
 * Engine (DMI product name; no network probe). Service-account keys and {@code authorized_user} files are supported;
 * other ADC types (external accounts, impersonated credentials) are an error. Without any ADC the provider does not
 * apply, and says why in the log.
 */
public final class GoogleIdCredentialsProvider implements CredentialsProvider {
    public static final String DEFAULT_IAM_CREDENTIALS_ENDPOINT = "https://iamcredentials.googleapis.com";
    static final String ADC_FILE = "application_default_credentials.json";

    private static final Logger LOG = LoggerFactory.getLogger(GoogleIdCredentialsProvider.class);

    private final String iamEndpoint;
    private final Path productNameFile;

    public GoogleIdCredentialsProvider() {
        this(DEFAULT_IAM_CREDENTIALS_ENDPOINT);
    }

    /** With another IAM Credentials endpoint (a private endpoint, or a stand-in in tests). */
    public GoogleIdCredentialsProvider(String iamCredentialsEndpoint) {
        this(iamCredentialsEndpoint, Path.of("/sys/class/dmi/id/product_name"));
    }

    GoogleIdCredentialsProvider(String iamCredentialsEndpoint, Path productNameFile) {
        this.iamEndpoint = iamCredentialsEndpoint.endsWith("/")
                ? iamCredentialsEndpoint.substring(0, iamCredentialsEndpoint.length() - 1) : iamCredentialsEndpoint;
        this.productNameFile = productNameFile;
    }

    @Override
    public String authType() {
        return "google-id";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        Object serviceAccount = config.getAttribute("google_service_account");
        String host = config.getHost();
        if (!config.isGcp() || host == null || host.isBlank() || serviceAccount == null || serviceAccount.toString().isBlank()) {
            return Optional.empty();
        }
        HttpTransport http = config.authTransport();
        Clock clock = config.getClock();
        Optional<TokenSource> adc = applicationDefaultCredentials(config.getEnvironment(), http, clock);
        if (adc.isEmpty()) {
            LOG.info("Ignoring google-id auth: no application-default credentials (GOOGLE_APPLICATION_CREDENTIALS, "
                    + "~/.config/gcloud/{}, or a Compute Engine metadata server)", ADC_FILE);
            return Optional.empty();
        }
        CachedTokenSource adcTokens = CachedTokenSource.of(adc.get()).configuredBy(config).build();
        String base = iamEndpoint + "/v1/projects/-/serviceAccounts/" + PathEncoder.encodeSegment(serviceAccount.toString())
                .replace("%40", "@"); // @ is a valid path character; Google spells emails plainly
        CachedTokenSource idTokens = CachedTokenSource.of(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("audience", host);
            body.put("includeEmail", true);
            String what = "generateIdToken for " + serviceAccount;
            JsonNode json = AuthHttp.postJson(http, base + ":generateIdToken", bearer(adcTokens), body, what);
            String token = json.path("token").asText("");
            if (token.isEmpty()) {
                throw new DatabricksException(what + " answered without token");
            }
            return Token.bearer(token, GoogleServiceAccount.Jwts.expiry(token).orElse(clock.instant().plusSeconds(3600)));
        }).configuredBy(config).build();
        idTokens.token();
        if (!config.isAccountClient()) {
            return Optional.of(new TokenHeaderFactory(idTokens));
        }
        CachedTokenSource accessTokens = CachedTokenSource.of(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scope", List.of(GoogleServiceAccount.CLOUD_PLATFORM_SCOPE));
            body.put("lifetime", "3600s");
            String what = "generateAccessToken for " + serviceAccount;
            JsonNode json = AuthHttp.postJson(http, base + ":generateAccessToken", bearer(adcTokens), body, what);
            String token = json.path("accessToken").asText("");
            if (token.isEmpty()) {
                throw new DatabricksException(what + " answered without accessToken");
            }
            Instant expiry;
            try {
                expiry = OffsetDateTime.parse(json.path("expireTime").asText("")).toInstant();
            } catch (DateTimeParseException e) {
                expiry = clock.instant().plusSeconds(3600);
            }
            return Token.bearer(token, expiry);
        }).configuredBy(config).build();
        accessTokens.token();
        return Optional.of(new TokenHeaderFactory(idTokens,
                () -> Map.of(GoogleCredentialsCredentialsProvider.SA_ACCESS_TOKEN_HEADER, accessTokens.token().accessToken())));
    }

    private static Map<String, String> bearer(CachedTokenSource adc) {
        return Map.of("Authorization", adc.token().authorizationHeader());
    }

    /** The ADC access-token source, or empty when the environment has none. */
    Optional<TokenSource> applicationDefaultCredentials(Map<String, String> env, HttpTransport http, Clock clock) {
        String explicit = env.get("GOOGLE_APPLICATION_CREDENTIALS");
        if (explicit != null && !explicit.isBlank()) {
            Path file = Path.of(explicit);
            if (!Files.isReadable(file)) {
                throw new DatabricksException("GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read");
            }
            return Optional.of(fromFile(file, "GOOGLE_APPLICATION_CREDENTIALS", env, http, clock));
        }
        String cloudSdk = env.get("CLOUDSDK_CONFIG");
        Path wellKnown = cloudSdk != null && !cloudSdk.isBlank() ? Path.of(cloudSdk, ADC_FILE)
                : env.get("HOME") == null ? null : Path.of(env.get("HOME"), ".config", "gcloud", ADC_FILE);
        if (wellKnown != null && Files.isReadable(wellKnown)) {
            return Optional.of(fromFile(wellKnown, "the gcloud application-default credentials", env, http, clock));
        }
        String metadataHost = env.get("GCE_METADATA_HOST");
        if ((metadataHost == null || metadataHost.isBlank()) && onComputeEngine()) {
            metadataHost = "metadata.google.internal";
        }
        if (metadataHost == null || metadataHost.isBlank()) {
            return Optional.empty();
        }
        String url = "http://" + metadataHost + "/computeMetadata/v1/instance/service-accounts/default/token";
        String what = "Compute Engine metadata token request to " + url;
        return Optional.of(() -> accessToken(AuthHttp.getJson(http, url, Map.of("Metadata-Flavor", "Google"), what), what, clock));
    }

    private static TokenSource fromFile(Path file, String source, Map<String, String> env, HttpTransport http, Clock clock) {
        JsonNode json = GoogleCredentialsCredentialsProvider.read(file.toString(), env);
        String type = json.path("type").asText("");
        if ("service_account".equals(type)) {
            GoogleServiceAccount account = GoogleServiceAccount.fromJson(json, source);
            return () -> account.accessToken(http, GoogleServiceAccount.CLOUD_PLATFORM_SCOPE, clock);
        }
        if ("authorized_user".equals(type)) {
            String tokenUri = json.path("token_uri").asText(GoogleServiceAccount.DEFAULT_TOKEN_URI);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            for (String field : List.of("client_id", "client_secret", "refresh_token")) {
                String value = json.path(field).asText("");
                if (value.isEmpty()) {
                    throw new DatabricksException(source + " has no " + field);
                }
                form.put(field, value);
            }
            String what = "Google token refresh at " + AuthHttp.withoutQuery(tokenUri);
            return () -> accessToken(AuthHttp.postForm(http, tokenUri, form, what), what, clock);
        }
        throw new DatabricksException(source + " has application-default credentials of type "
                + (type.isEmpty() ? "(none)" : type) + ", which google-id does not support (service_account or authorized_user)");
    }

    /** {@code {access_token, expires_in}} of Google's token endpoints. */
    static Token accessToken(JsonNode json, String what, Clock clock) {
        String access = json.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new DatabricksException(what + " answered without access_token");
        }
        long expiresIn = json.path("expires_in").asLong(3600);
        return new Token(access, json.path("token_type").asText("Bearer"), null, clock.instant().plusSeconds(expiresIn));
    }

    private boolean onComputeEngine() {
        try {
            return Files.isReadable(productNameFile) && Files.readString(productNameFile).strip().startsWith("Google");
        } catch (IOException e) {
            return false;
        }
    }
}
