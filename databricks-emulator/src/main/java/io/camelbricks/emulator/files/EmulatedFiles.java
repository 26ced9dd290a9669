package io.camelbricks.emulator.files;

import io.camelbricks.emulator.catalog.EmulatedCatalog;
import io.camelbricks.emulator.server.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DBFS and the Files API on a temporary directory of this emulator (removed by {@link #close()}), test-facing side.
 *
 * <pre>
 * &lt;temp&gt;/dbfs/...                    DBFS paths (dbfs:/a/b = /a/b)
 * &lt;temp&gt;/volumes/&lt;volume_id&gt;/...    /Volumes/catalog/schema/volume/... of Unity Catalog volumes
 * &lt;temp&gt;/tmp/                        uploads in progress and open DBFS handles
 * </pre>
 *
 * Modification times are the emulator's clock. A Files API path must be inside an existing Unity Catalog volume
 * ({@code emu.catalog().createVolume(...)} or the Volumes API), unless {@link #autoCreateVolumes(boolean)} is on.
 */
public final class EmulatedFiles implements AutoCloseable {

    /** DBFS streaming handles expire after this much idle time (as the real 10 minutes). */
    public static final Duration DEFAULT_HANDLE_TIMEOUT = Duration.ofMinutes(10);

    private final Clock clock;
    private final EmulatedCatalog catalog;
    private final Path root;
    private final Path dbfsRoot;
    private final Path volumesRoot;
    private final Path tmp;
    private final Map<Long, Handle> handles = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean autoCreateVolumes;
    private volatile Duration handleTimeout = DEFAULT_HANDLE_TIMEOUT;
    private volatile boolean closed;

    /** An open DBFS create/add-block/close upload. */
    static final class Handle {
        final long id;
        final String path;
        final boolean overwrite;
        final Path temp;
        Instant lastUsed;

        Handle(long id, String path, boolean overwrite, Path temp, Instant lastUsed) {
            this.id = id;
            this.path = path;
            this.overwrite = overwrite;
            this.temp = temp;
            this.lastUsed = lastUsed;
        }
    }

    public EmulatedFiles(Clock clock, EmulatedCatalog catalog) {
        this.clock = clock;
        this.catalog = catalog;
        try {
            this.root = Files.createTempDirectory("databricks-emulator-");
            this.dbfsRoot = Files.createDirectories(root.resolve("dbfs"));
            this.volumesRoot = Files.createDirectories(root.resolve("volumes"));
            this.tmp = Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's file storage", e);
        }
        catalog.onVolumeDeleted(id -> deleteQuietly(volumesRoot.resolve(id)));
    }

    // ---- options

    /** When on, a Files API path in a volume that does not exist creates the volume (and its catalog and schema). */
    public EmulatedFiles autoCreateVolumes(boolean enabled) {
        this.autoCreateVolumes = enabled;
        return this;
    }

    /** Idle time after which a DBFS handle expires (default 10 minutes, on the emulator's clock). */
    public EmulatedFiles dbfsHandleTimeout(Duration timeout) {
        this.handleTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    // ---- test-facing access

    /** The temporary directory behind DBFS and the volumes. */
    public Path root() {
        return root;
    }

    /** Writes a DBFS file (parents created), as {@code dbfs/put} with overwrite would. */
    public void writeDbfs(String path, byte[] contents) {
        write(dbfs(path), contents);
    }

    public Optional<byte[]> readDbfs(String path) {
        return read(dbfs(path));
    }

    public boolean existsDbfs(String path) {
        return Files.exists(dbfs(path));
    }

    /** Writes a file at {@code /Volumes/c/s/v/...} (the volume must exist, or be auto-created). */
    public void writeVolumeFile(String path, byte[] contents) {
        write(volume(path, true), contents);
    }

    public Optional<byte[]> readVolumeFile(String path) {
        return read(volume(path, false));
    }

    public boolean existsVolumeFile(String path) {
        return Files.exists(volume(path, false));
    }

    /** Open DBFS handles (not yet closed or expired). */
    public int openHandles() {
        expireHandles();
        return handles.size();
    }

    /** Empties DBFS, forgets handles (volume directories go with their volumes). */
    public void reset() {
        handles.clear();
        deleteContents(dbfsRoot);
        deleteContents(tmp);
        deleteContents(volumesRoot);
    }

    /** Removes the temporary directory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        handles.clear();
        deleteQuietly(root);
    }

    // ---- path resolution (used by the handlers)

    Clock clock() {
        return clock;
    }

    /** A DBFS path ({@code dbfs:/a/b} or {@code /a/b}) as a file under the DBFS root; 400 when it is not absolute. */
    Path dbfs(String path) {
        if (path == null || path.isEmpty()) {
            throw ApiException.missingField("path");
        }
        String p = path.startsWith("dbfs:") ? path.substring("dbfs:".length()) : path;
        if (!p.startsWith("/")) {
            throw ApiException.invalidParameter("Path must be absolute: " + path);
        }
        return resolveUnder(dbfsRoot, p, path);
    }

    /** The DBFS path of a file under the DBFS root, e.g. {@code /a/b}. */
    String dbfsName(Path file) {
        Path rel = dbfsRoot.relativize(file);
        return "/" + rel.toString().replace('\\', '/');
    }

    /**
     * A Files API path {@code /Volumes/c/s/v/...} as a file under its volume's directory. 404 when the volume does
     * not exist (unless auto-created), 400 for other paths.
     */
    Path volume(String path, boolean create) {
        if (path == null || !path.startsWith("/Volumes/")) {
            throw ApiException.invalidParameter("The Files API only supports paths in Unity Catalog volumes:"
                    + " /Volumes/<catalog>/<schema>/<volume>/...; got '" + path + "'.");
        }
        String[] parts = path.substring("/Volumes/".length()).split("/", 4);
        if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw ApiException.invalidParameter("Invalid volume path '" + path
                    + "': expected /Volumes/<catalog>/<schema>/<volume>/...");
        }
        Optional<String> id = catalog.volumeId(parts[0], parts[1], parts[2]);
        if (id.isEmpty() && autoCreateVolumes && create) {
            catalog.createVolume(parts[0], parts[1], parts[2]);
            id = catalog.volumeId(parts[0], parts[1], parts[2]);
        }
        if (id.isEmpty()) {
            throw new ApiException(404, "NOT_FOUND", "Volume '" + parts[0] + "." + parts[1] + "." + parts[2]
                    + "' does not exist.");
        }
        Path volumeDir = volumesRoot.resolve(id.get());
        try {
            Files.createDirectories(volumeDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resolveUnder(volumeDir, parts.length == 4 ? "/" + parts[3] : "/", path);
    }

    /** The directory of the volume a Files API path is in. */
    Path volumeRootOf(Path file) {
        Path rel = volumesRoot.relativize(file);
        return volumesRoot.resolve(rel.getName(0));
    }

    /** The Files API path of a file, given the path of its volume root. */
    static String volumeName(String volumeRootPath, Path volumeDir, Path file) {
        Path rel = volumeDir.relativize(file);
        String r = rel.toString().replace('\\', '/');
        return r.isEmpty() ? volumeRootPath : volumeRootPath + "/" + r;
    }

    private static Path resolveUnder(Path base, String absolute, String original) {
        Path result = base;
        for (String segment : absolute.split("/")) {
            if (segment.isEmpty() || ".".equals(segment)) {
                continue;
            }
            if ("..".equals(segment)) {
                throw ApiException.invalidParameter("Path must not contain '..': " + original);
            }
            result = result.resolve(segment);
        }
        return result;
    }

    // ---- handles

    Handle openHandle(String path, boolean overwrite) {
        expireHandles();
        long id;
        do {
            id = random.nextLong() & 0x1F_FFFF_FFFF_FFFFL;
        } while (id == 0 || handles.containsKey(id));
        try {
            Path temp = Files.createTempFile(tmp, "handle-", ".part");
            Handle h = new Handle(id, path, overwrite, temp, clock.instant());
            handles.put(id, h);
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Handle handle(long id) {
        expireHandles();
        Handle h = handles.get(id);
        if (h == null) {
            throw ApiException.resourceDoesNotExist("The handle " + id + " does not exist or has expired.");
        }
        h.lastUsed = clock.instant();
        return h;
    }

    void closeHandle(Handle h) {
        handles.remove(h.id);
    }

    private void expireHandles() {
        Instant now = clock.instant();
        handles.values().removeIf(h -> {
            boolean expired = !now.isBefore(h.lastUsed.plus(handleTimeout));
            if (expired) {
                deleteQuietly(h.temp);
            }
            return expired;
        });
    }

    Path newTempFile() {
        try {
            return Files.createTempFile(tmp, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- file operations

    /** Moves a finished upload into place (parents created) and stamps it with the clock. */
    synchronized void install(Path temp, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e2) {
                throw new UncheckedIOException(e2);
            }
        }
        touch(target);
    }

    void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(clock.millis()));
        } catch (IOException e) {
            // best effort
        }
    }

    synchronized void mkdirs(Path dir) throws IOException {
        List<Path> created = new ArrayList<>();
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            created.add(p);
            p = p.getParent();
        }
        Files.createDirectories(dir);
        created.forEach(this::touch);
    }

    private void write(Path target, byte[] contents) {
        Path temp = newTempFile();
        try {
            Files.write(temp, contents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        install(temp, target);
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BasicFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteRecursively(p);
        } catch (IOException e) {
            // best effort
        }
    }

    private static void deleteContents(Path dir) {
        try (var entries = Files.list(dir)) {
            entries.forEach(EmulatedFiles::deleteQuietly);
        } catch (IOException e) {
            // best effort
        }
    }
}
