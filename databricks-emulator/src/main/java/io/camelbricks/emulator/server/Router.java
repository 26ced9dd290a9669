package io.camelbricks.emulator.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes keyed by verb + versionless API path ({@code POST /jobs/runs/submit}), each valid under a set of API
 * versions ({@code 2.0, 2.1, 2.2} for Jobs). Path templates with {@code {name}} segments are supported for
 * services that put identifiers in the path.
 *
 * <p>Resolution: no route for the path under that version → 404 ENDPOINT_NOT_FOUND; a route for the path under
 * that version but not for the verb → 405 with an {@code Allow} header.
 *
 * <p>Routes outside {@code /api/} (the OAuth server's {@code /oidc/...}) are registered with {@link #addPublic}: they
 * match the full path, have no version, and are answered without the API's authentication filters.
 */
public final class Router {

    /** A registered operation. */
    public record Route(String method, Set<String> versions, String apiPath, ApiHandler handler) {
    }

    /** The route chosen for a request, with the values of its path template parameters. */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    /** The version of routes outside {@code /api/}. */
    public static final Set<String> NO_VERSION = Set.of("");

    private final Map<String, List<Route>> exact = new LinkedHashMap<>();
    private final List<Route> templated = new ArrayList<>();
    private final Set<Route> streaming = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Registers {@code method apiPath} for every version in {@code versions} (e.g. {@code Set.of("2.1","2.2")}). */
    public Router add(String method, Set<String> versions, String apiPath, ApiHandler handler) {
        if (!apiPath.startsWith("/")) {
            throw new IllegalArgumentException("API path must start with '/': " + apiPath);
        }
        Route route = new Route(method.toUpperCase(Locale.ROOT), Set.copyOf(versions), apiPath, handler);
        for (Route existing : routesFor(apiPath)) {
            if (existing.method().equals(route.method())
                    && existing.versions().stream().anyMatch(route.versions()::contains)) {
                throw new IllegalArgumentException("duplicate route " + method + " " + apiPath);
            }
        }
        if (apiPath.contains("{")) {
            templated.add(route);
        } else {
            exact.computeIfAbsent(apiPath, p -> new ArrayList<>()).add(route);
        }
        return this;
    }

    /**
     * Registers {@code method path} outside {@code /api/} (full path, e.g. {@code /oidc/v1/token}); such routes are
     * answered without the API's request filters, so they do their own authentication.
     */
    public Router addPublic(String method, String path, ApiHandler handler) {
        if (path.startsWith("/api/")) {
            throw new IllegalArgumentException("public routes live outside /api/: " + path);
        }
        return add(method, NO_VERSION, path, handler);
    }

    public Router get(Set<String> versions, String apiPath, ApiHandler handler) {
        return add("GET", versions, apiPath, handler);
    }

    public Router post(Set<String> versions, String apiPath, ApiHandler handler) {
        return add("POST", versions, apiPath, handler);
    }

    /**
     * Registers a route whose handler reads the request body itself from {@link ApiRequest#bodyStream()} (large
     * uploads): the server does not buffer it, and the request log records no body for it.
     */
    public Router addStreaming(String method, Set<String> versions, String apiPath, ApiHandler handler) {
        add(method, versions, apiPath, handler);
        Route added = routesFor(apiPath).stream().filter(r -> r.handler() == handler
                && r.method().equals(method.toUpperCase(Locale.ROOT))).reduce((a, b) -> b).orElseThrow();
        synchronized (streaming) {
            streaming.add(added);
        }
        return this;
    }

    /** True when the request goes to a route registered with {@link #addStreaming}; never throws. */
    public boolean streamsRequestBody(ApiRequest request) {
        try {
            Route route = resolve(request).route();
            synchronized (streaming) {
                return streaming.contains(route);
            }
        } catch (ApiException e) {
            return false;
        }
    }

    /** All registered routes, for diagnostics and documentation. */
    public List<Route> routes() {
        List<Route> all = new ArrayList<>();
        exact.values().forEach(all::addAll);
        all.addAll(templated);
        return all;
    }

    /** The route for an {@code /api/} request, or for a public route when the path is outside {@code /api/}. */
    public Match resolve(ApiRequest request) {
        String method = request.method();
        String version = request.isApiCall() ? request.version() : "";
        String apiPath = request.isApiCall() ? request.apiPath() : request.path();
        Set<String> allowed = new TreeSet<>();
        for (Route route : exact.getOrDefault(apiPath, List.of())) {
            if (route.versions().contains(version)) {
                if (route.method().equals(method) || ("HEAD".equals(method) && "GET".equals(route.method()))) {
                    return new Match(route, Map.of());
                }
                allowed.add(route.method());
            }
        }
        for (Route route : templated) {
            if (!route.versions().contains(version)) {
                continue;
            }
            Map<String, String> parameters = matchTemplate(route.apiPath(), apiPath);
            if (parameters != null) {
                if (route.method().equals(method)) {
                    return new Match(route, parameters);
                }
                allowed.add(route.method());
            }
        }
        Fallback f = fallback;
        if (f != null) {
            Match match = f.resolve(request);
            if (match != null) {
                return match;
            }
            allowed.addAll(f.methods(request));
        }
        if (!allowed.isEmpty()) {
            throw ApiException.methodNotAllowed(method, request.path(), String.join(", ", allowed));
        }
        throw ApiException.endpointNotFound(method, apiPath);
    }

    /**
     * Answers what no registered route claims: the spec-driven fallback ({@code spec/SpecFallback}), so every operation
     * of the OpenAPI documents answers. Registered routes always win; the fallback is asked only when none matches the
     * verb and path.
     */
    public interface Fallback {
        /** A route for this request (its full path, verb and version as the spec writes them), or null. */
        Match resolve(ApiRequest request);

        /** The verbs the fallback answers for this request's path (for the {@code Allow} header of a 405). */
        Set<String> methods(ApiRequest request);
    }

    private volatile Fallback fallback;

    /** Sets the fallback asked when no registered route matches (null: none, unmatched requests are 404/405). */
    public Router fallback(Fallback fallback) {
        this.fallback = fallback;
        return this;
    }

    private List<Route> routesFor(String apiPath) {
        List<Route> result = new ArrayList<>(exact.getOrDefault(apiPath, List.of()));
        templated.stream().filter(r -> r.apiPath().equals(apiPath)).forEach(result::add);
        return result;
    }

    private static Map<String, String> matchTemplate(String template, String path) {
        Matcher glued = GLUED_TAIL.matcher(template);
        if (glued.matches()) {
            // "/fs/files{file_path}": the parameter takes the rest of the path, slashes included ("/Volumes/a/b")
            String prefix = glued.group(1);
            if (!path.startsWith(prefix) || path.length() <= prefix.length() + 1 || path.charAt(prefix.length()) != '/') {
                return null;
            }
            return Map.of(glued.group(2), percentDecode(path.substring(prefix.length())));
        }
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                parameters.put(t[i].substring(1, t[i].length() - 1),
                        java.net.URLDecoder.decode(p[i], java.nio.charset.StandardCharsets.UTF_8));
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return parameters;
    }

    /** A template ending in a parameter glued to a literal, as the spec writes multi-segment path parameters. */
    private static final Pattern GLUED_TAIL = Pattern.compile("^(.*[^/}])\\{(\\w+)\\}$");

    /** Percent-decoding of a path (a '+' stays a '+', unlike form decoding). */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 3;
                    continue;
                }
            }
            int cp = raw.codePointAt(i);
            byte[] bytes = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
            i += Character.charCount(cp);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The version sets used by the services. */
    public static final class Versions {
        public static final Set<String> JOBS = new LinkedHashSet<>(List.of("2.0", "2.1", "2.2"));
        public static final Set<String> CLUSTERS = new LinkedHashSet<>(List.of("2.0", "2.1"));

        private Versions() {
        }
    }
}
