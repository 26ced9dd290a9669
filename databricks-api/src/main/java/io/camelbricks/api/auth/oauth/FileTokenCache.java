package io.camelbricks.api.auth.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.auth.Token;

/**
 * The on-disk token cache of {@code external-browser} logins: one JSON file per (host, client id, scopes) at
 * {@code ~/.config/camelbricks/oauth/<sha256(host + client_id + comma-joined scopes)>}, readable by the owner only
 * (directory 0700, file 0600 on POSIX file systems, written atomically through a temporary file that is created
 * with those permissions). A missing, foreign or unreadable file reads as empty; it never fails a login.
 */
public final class FileTokenCache {
    private static final Logger LOG = LoggerFactory.getLogger(FileTokenCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final String host;
    private final String clientId;
    private final List<String> scopes;

    private FileTokenCache(Path file, String host, String clientId, List<String> scopes) {
        this.file = file;
        this.host = host;
        this.clientId = clientId;
        this.scopes = List.copyOf(scopes);
    }

    /** The cache of one login under {@code directory}. */
    public static FileTokenCache of(Path directory, String host, String clientId, List<String> scopes) {
        return new FileTokenCache(directory.resolve(key(host, clientId, scopes)), host, clientId, scopes);
    }

    /** {@code $HOME/.config/camelbricks/oauth}, {@code HOME} from {@code environment} (else {@code user.home}). */
    public static Path defaultDirectory(Map<String, String> environment) {
        String home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home, ".config", "camelbricks", "oauth");
    }

    /** Hex SHA-256 of host, client id and the comma-joined scopes (as the Databricks SDKs key their caches). */
    static String key(String host, String clientId, List<String> scopes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(host.getBytes(StandardCharsets.UTF_8));
            sha.update(clientId.getBytes(StandardCharsets.UTF_8));
            sha.update(String.join(",", scopes).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public Path path() {
        return file;
    }

    /** The cached token, if the file exists, is valid and was written for this host and client. */
    public Optional<Token> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            if (!host.equals(json.path("host").asText()) || !clientId.equals(json.path("client_id").asText())) {
                return Optional.empty();
            }
            Map<String, String> token = new LinkedHashMap<>();
            json.path("token").fields().forEachRemaining(e -> token.put(e.getKey(), e.getValue().asText()));
            return Optional.of(SessionCredentials.tokenFromMap(token));
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable OAuth token cache {}: {}", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Writes {@code token}; a failure is logged (WARN) and the login goes on without a cache. */
    public void save(Token token) {
        ObjectNode json = JSON.createObjectNode();
        json.put("host", host);
        json.put("client_id", clientId);
        scopes.forEach(json.putArray("scopes")::add);
        ObjectNode t = json.putObject("token");
        SessionCredentials.tokenToMap(token).forEach(t::put);
        try {
            write(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            LOG.warn("cannot write the OAuth token cache {}: {}", file, e.getClass().getSimpleName());
        }
    }

    private void write(byte[] bytes) throws IOException {
        Path dir = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path tmp = posix
                ? Files.createTempFile(dir, ".token-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(dir, ".token-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String toString() {
        return "FileTokenCache{" + file + "}";
    }
}
