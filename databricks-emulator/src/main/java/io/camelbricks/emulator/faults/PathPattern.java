package io.camelbricks.emulator.faults;

import io.camelbricks.emulator.server.ApiRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which requests a fault rule or rate limit applies to: an optional verb and a pattern on the versionless path
 * ({@code /jobs/runs/get} for {@code /api/2.2/jobs/runs/get}).
 *
 * <ul>
 *   <li>glob: {@code *} any characters but {@code /}, {@code **} any characters, {@code ?} one character but
 *       {@code /}; e.g. {@code /jobs/runs/*}, {@code /unity-catalog/**}</li>
 *   <li>{@code regex:<java regex>}, or a {@link Pattern}: must match the whole path</li>
 *   <li>a pattern starting with {@code /api/} is matched against the full path (with its version); so is any pattern
 *       for requests outside {@code /api/<version>/} (the OAuth server's {@code /oidc/v1/token}, data-plane and
 *       {@code /api/data-quality/v1/...} paths)</li>
 * </ul>
 */
final class PathPattern {

    private final String method;
    private final Pattern pattern;
    private final boolean fullPath;
    private final String text;

    private PathPattern(String method, Pattern pattern, boolean fullPath, String text) {
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        this.pattern = pattern;
        this.fullPath = fullPath;
        this.text = text;
    }

    static PathPattern of(String method, String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("a path pattern is needed");
        }
        if (pattern.startsWith("regex:")) {
            String regex = pattern.substring("regex:".length());
            return new PathPattern(method, Pattern.compile(regex), regex.startsWith("^/api/") || regex.startsWith("/api/"),
                    pattern);
        }
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/' (or 'regex:'): " + pattern);
        }
        return new PathPattern(method, Pattern.compile(globToRegex(pattern)), pattern.startsWith("/api/"), pattern);
    }

    static PathPattern of(String method, Pattern regex) {
        return new PathPattern(method, regex, regex.pattern().startsWith("^/api/") || regex.pattern().startsWith("/api/"),
                "regex:" + regex.pattern());
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    boolean matches(ApiRequest request) {
        if (method != null && !method.equals(request.method())) {
            return false;
        }
        String path = fullPath || request.apiPath() == null ? request.path() : request.apiPath();
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return (method == null ? "" : method + " ") + text;
    }
}
