package io.camelbricks.emulator.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secret scopes, secrets and scope ACLs, test-facing side. Values are kept in memory only; they never appear in
 * {@link #toString()}, in log lines or in the request log (where {@code string_value} and {@code bytes_value} are
 * stored as {@code ***}). ACLs are stored and listed, not enforced (every caller acts as a workspace admin).
 * Thread-safe (one lock).
 */
public final class EmulatedSecrets {

    static final class Scope {
        final String name;
        final String backendType;
        final Map<String, Secret> secrets = new TreeMap<>();
        final Map<String, String> acls = new LinkedHashMap<>();

        Scope(String name, String backendType) {
            this.name = name;
            this.backendType = backendType;
        }
    }

    record Secret(byte[] value, long lastUpdated) {
        @Override
        public String toString() {
            return "Secret[***]";
        }
    }

    private final Clock clock;
    private final String userName;
    final Map<String, Scope> scopes = new TreeMap<>();

    public EmulatedSecrets(Clock clock, String userName) {
        this.clock = clock;
        this.userName = userName;
    }

    /** Creates a DATABRICKS-backed scope (the creator gets MANAGE) unless it exists. */
    public synchronized void createScope(String scope) {
        scopes.computeIfAbsent(scope, s -> newScope(s, "DATABRICKS", userName, null));
    }

    /** Stores a string secret (the scope is created when missing). */
    public synchronized void putSecret(String scope, String key, String value) {
        createScope(scope);
        scopes.get(scope).secrets.put(key, new Secret(value.getBytes(StandardCharsets.UTF_8), clock.millis()));
    }

    /** A secret's value as UTF-8 text. */
    public synchronized Optional<String> secret(String scope, String key) {
        return secretBytes(scope, key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    public synchronized Optional<byte[]> secretBytes(String scope, String key) {
        Scope s = scopes.get(scope);
        return s == null ? Optional.empty() : Optional.ofNullable(s.secrets.get(key)).map(v -> v.value().clone());
    }

    public synchronized List<String> scopeNames() {
        return new ArrayList<>(scopes.keySet());
    }

    /** Principal → permission (READ, WRITE, MANAGE) of a scope. */
    public synchronized Map<String, String> acls(String scope) {
        Scope s = scopes.get(scope);
        return s == null ? Map.of() : Map.copyOf(s.acls);
    }

    public synchronized void reset() {
        scopes.clear();
    }

    Scope newScope(String name, String backend, String creator, String initialManagePrincipal) {
        Scope s = new Scope(name, backend);
        s.acls.put(creator, "MANAGE");
        if (initialManagePrincipal != null) {
            s.acls.put(initialManagePrincipal, "MANAGE");
        }
        return s;
    }

    Clock clock() {
        return clock;
    }

    String userName() {
        return userName;
    }

    @Override
    public String toString() {
        return "EmulatedSecrets[" + scopes.size() + " scope(s)]";
    }
}
