package io.camelbricks.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code User-Agent} of every request: {@code camelbricks/<version> java/<version> os/<name>}, then optional
 * {@code product/version} and {@code partner/name} entries (in the order added), the CI/CD system if detected, and
 * {@code auth/<auth_type>}.
 */
public final class UserAgent {
    private static final Pattern KEY = Pattern.compile("^[0-9A-Za-z_.+-]+$");
    private static final Pattern VALUE = Pattern.compile("^[0-9A-Za-z_.+-]+$");
    public static final String VERSION = readVersion();

    private final Map<String, String> extra = new LinkedHashMap<>();

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/io/camelbricks/api/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "0.0.0-dev";
    }

    /** Adds {@code key/value} (e.g. a product or {@code camel/4.22.0}); both must be simple tokens. */
    public UserAgent with(String key, String value) {
        if (!KEY.matcher(key).matches() || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("user agent entries must match " + KEY.pattern() + ", got '" + key
                    + "/" + value + "'");
        }
        extra.put(key, value);
        return this;
    }

    /** Adds {@code partner/<name>}. */
    public UserAgent withPartner(String partner) {
        return with("partner", partner);
    }

    /** The header value for a request authenticated with {@code authType}, given the process environment. */
    public String render(String authType, Map<String, String> env) {
        StringBuilder sb = new StringBuilder("camelbricks/").append(VERSION)
                .append(" java/").append(System.getProperty("java.version", "unknown").split("_")[0])
                .append(" os/").append(osName());
        extra.forEach((k, v) -> sb.append(' ').append(k).append('/').append(v));
        String cicd = cicd(env);
        if (cicd != null) {
            sb.append(" cicd/").append(cicd);
        }
        if (authType != null && !authType.isBlank()) {
            sb.append(" auth/").append(authType);
        }
        return sb.toString();
    }

    private static String osName() {
        String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "darwin";
        }
        if (os.contains("win")) {
            return "windows";
        }
        return os.contains("linux") ? "linux" : "unknown";
    }

    static String cicd(Map<String, String> env) {
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            return "github";
        }
        if ("true".equals(env.get("GITLAB_CI"))) {
            return "gitlab";
        }
        if (env.containsKey("JENKINS_URL")) {
            return "jenkins";
        }
        if ("True".equals(env.get("TF_BUILD"))) {
            return "azure-devops";
        }
        if ("true".equals(env.get("CIRCLECI"))) {
            return "circle";
        }
        if ("true".equals(env.get("TRAVIS"))) {
            return "travis";
        }
        if (env.containsKey("BITBUCKET_BUILD_NUMBER")) {
            return "bitbucket";
        }
        if (env.containsKey("CODEBUILD_BUILD_ARN")) {
            return "aws-code-build";
        }
        if (env.containsKey("TFC_RUN_ID")) {
            return "tf-cloud";
        }
        return null;
    }
}
