package io.camelbricks.api.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.dbutils.MountInfo;
import io.camelbricks.api.dbutils.RemoteFs;
import io.camelbricks.api.error.NotFound;
import io.camelbricks.api.service.files.DirectoryEntry;
import io.camelbricks.api.service.files.FileInfo;

/**
 * One file system over three, chosen by the path: {@code /Volumes/...} (and {@code dbfs:/Volumes/...}) go to the
 * Files API, {@code dbfs:/...} and other absolute paths to DBFS, {@code file:...} to the local disk. Every copy is
 * streamed (nothing is held in memory); local to remote and back, and recursive, as {@code dbutils.fs} does it.
 * Mounts ({@link #mounts()}, {@link #mount}, {@link #updateMount}, {@link #unmount}, {@link #refreshMounts()}) run on
 * the configured cluster (see {@link io.camelbricks.api.dbutils.RemoteDbUtils}).
 */
public final class Fs {
    private final FileSystem files;
    private final Dbfs dbfs;
    private final RemoteFs cluster;

    /** Files only: the mount methods raise, having no cluster to run on (use {@code w.dbutils().fs()}). */
    public Fs(ApiClient api) {
        this(api, null);
    }

    /** Files, and mounts run through {@code cluster}. */
    public Fs(ApiClient api, RemoteFs cluster) {
        this.files = new FileSystem(api);
        this.dbfs = new Dbfs(api);
        this.cluster = cluster;
    }

    // ---- mounts, on the cluster

    /** {@code dbutils.fs.mounts()}, run on the configured cluster. */
    public List<MountInfo> mounts() {
        return cluster().mounts();
    }

    /** {@code dbutils.fs.mount(source, mount_point, extra_configs=...)}, run on the configured cluster. */
    public boolean mount(String source, String mountPoint, java.util.Map<String, String> extraConfigs) {
        return cluster().mount(source, mountPoint, extraConfigs);
    }

    /** {@code dbutils.fs.updateMount(source, mount_point, extra_configs=...)}, run on the configured cluster. */
    public boolean updateMount(String source, String mountPoint, java.util.Map<String, String> extraConfigs) {
        return cluster().updateMount(source, mountPoint, extraConfigs);
    }

    /** {@code dbutils.fs.unmount(mount_point)}, run on the configured cluster. */
    public boolean unmount(String mountPoint) {
        return cluster().unmount(mountPoint);
    }

    /** {@code dbutils.fs.refreshMounts()}, run on the configured cluster. */
    public boolean refreshMounts() {
        return cluster().refreshMounts();
    }

    /** All of {@code dbutils.fs} that runs on the cluster (mounts with an encryption type, too). */
    public RemoteFs cluster() {
        if (cluster == null) {
            throw new IllegalStateException("mounts run on a cluster: use w.dbutils().fs(), not an Fs made without one");
        }
        return cluster;
    }

    private enum Kind { FILES, DBFS, LOCAL }

    /** A path split into its backend, the backend's own path and the prefix that gives the user's form back. */
    private record Target(Kind kind, String path, String prefix) {
        String user(String nativePath) {
            return prefix + nativePath;
        }

        Target child(String name) {
            return new Target(kind, path.endsWith("/") ? path + name : path + "/" + name, prefix);
        }
    }

    private static Target resolve(String path) {
        if (path.startsWith("file:")) {
            String p = path.substring("file:".length());
            if (p.startsWith("//")) {
                p = p.substring(2);
            }
            return new Target(Kind.LOCAL, p, "file:");
        }
        if (path.startsWith("dbfs:")) {
            String p = path.substring("dbfs:".length());
            if (p.startsWith("/Volumes/")) {
                return new Target(Kind.FILES, p, "dbfs:");
            }
            return new Target(Kind.DBFS, p, "dbfs:");
        }
        if (path.startsWith("/Volumes/")) {
            return new Target(Kind.FILES, path, "");
        }
        if (path.startsWith("/")) {
            return new Target(Kind.DBFS, path, "");
        }
        throw new IllegalArgumentException("not an absolute path (/Volumes/..., dbfs:/..., file:/...): " + path);
    }

    public InputStream open(String path) {
        return open(resolve(path));
    }

    private InputStream open(Target t) {
        switch (t.kind()) {
            case FILES: return files.download(t.path());
            case DBFS: return dbfs.open(t.path());
            default:
                try {
                    return Files.newInputStream(Paths.get(t.path()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
        }
    }

    /** Streams {@code in} to {@code path} (parents are created). */
    public void write(String path, InputStream in, boolean overwrite) {
        write(resolve(path), in, overwrite);
    }

    private void write(Target t, InputStream in, boolean overwrite) {
        try {
            switch (t.kind()) {
                case FILES -> files.upload(t.path(), in, overwrite);
                case DBFS -> dbfs.write(t.path(), in, overwrite);
                default -> {
                    Path p = Paths.get(t.path());
                    if (p.getParent() != null) {
                        Files.createDirectories(p.getParent());
                    }
                    if (overwrite) {
                        Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.copy(in, p);
                    }
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("already exists: " + t.user(t.path()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + t.user(t.path()), e);
        }
    }

    /** {@code dbutils.fs.put}: a string as UTF-8. */
    public void put(String path, String contents, boolean overwrite) {
        write(path, new java.io.ByteArrayInputStream(contents.getBytes(StandardCharsets.UTF_8)), overwrite);
    }

    /** {@code dbutils.fs.head}: at most {@code maxBytes} bytes as UTF-8. */
    public String head(String path, int maxBytes) {
        try (InputStream in = open(path)) {
            return new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One level, sorted by name; a file lists as itself. */
    public List<FsEntry> ls(String path) {
        return ls(resolve(path));
    }

    private List<FsEntry> ls(Target t) {
        List<FsEntry> out = new ArrayList<>();
        switch (t.kind()) {
            case FILES -> {
                if (!files.directoryExists(t.path())) {
                    var m = files.getMetadata(t.path());
                    out.add(new FsEntry(t.user(t.path()), name(t.path()), false,
                            m.getContentLength() == null ? 0 : m.getContentLength(), 0));
                    return out;
                }
                for (DirectoryEntry e : files.list(t.path())) {
                    boolean dir = Boolean.TRUE.equals(e.getIsDirectory());
                    out.add(new FsEntry(t.user(e.getPath()), e.getName(), dir,
                            e.getFileSize() == null ? 0 : e.getFileSize(),
                            e.getLastModified() == null ? 0 : e.getLastModified()));
                }
            }
            case DBFS -> {
                for (FileInfo f : dbfs.list(t.path())) {
                    out.add(new FsEntry(t.user(f.getPath()), name(f.getPath()), Boolean.TRUE.equals(f.getIsDir()),
                            f.getFileSize() == null ? 0 : f.getFileSize(),
                            f.getModificationTime() == null ? 0 : f.getModificationTime()));
                }
            }
            default -> {
                Path p = Paths.get(t.path());
                try {
                    if (!Files.isDirectory(p)) {
                        out.add(new FsEntry(t.user(p.toString()), p.getFileName().toString(), false, Files.size(p),
                                Files.getLastModifiedTime(p).toMillis()));
                        return out;
                    }
                    try (Stream<Path> s = Files.list(p)) {
                        for (Path c : (Iterable<Path>) s::iterator) {
                            boolean dir = Files.isDirectory(c);
                            out.add(new FsEntry(t.user(c.toString()), c.getFileName().toString(), dir,
                                    dir ? 0 : Files.size(c), Files.getLastModifiedTime(c).toMillis()));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        out.sort(Comparator.comparing(FsEntry::name));
        return out;
    }

    public boolean exists(String path) {
        Target t = resolve(path);
        return switch (t.kind()) {
            case FILES -> files.exists(t.path());
            case DBFS -> dbfs.exists(t.path());
            default -> Files.exists(Paths.get(t.path()));
        };
    }

    private boolean isDirectory(Target t) {
        switch (t.kind()) {
            case FILES: return files.directoryExists(t.path());
            case DBFS:
                try {
                    return Boolean.TRUE.equals(dbfs.getStatus(t.path()).getIsDir());
                } catch (NotFound e) {
                    return false;
                }
            default: return Files.isDirectory(Paths.get(t.path()));
        }
    }

    public void mkdirs(String path) {
        mkdirs(resolve(path));
    }

    private void mkdirs(Target t) {
        switch (t.kind()) {
            case FILES -> files.createDirectory(t.path());
            case DBFS -> dbfs.mkdirs(t.path());
            default -> {
                try {
                    Files.createDirectories(Paths.get(t.path()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Removes a file, or a directory with {@code recursive}. */
    public void rm(String path, boolean recursive) {
        Target t = resolve(path);
        switch (t.kind()) {
            case FILES -> {
                if (files.directoryExists(t.path())) {
                    files.deleteDirectory(t.path(), recursive);
                } else {
                    files.delete(t.path());
                }
            }
            case DBFS -> dbfs.delete(t.path(), recursive);
            default -> {
                Path p = Paths.get(t.path());
                try {
                    if (recursive && Files.isDirectory(p)) {
                        try (Stream<Path> s = Files.walk(p)) {
                            for (Path c : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                                Files.delete(c);
                            }
                        }
                    } else {
                        Files.delete(p);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Copies a file, or with {@code recursive} a directory tree, between any two of the three file systems; each file
     * is streamed. Without {@code recursive} a directory source is an error.
     */
    public void cp(String from, String to, boolean recursive, boolean overwrite) {
        Target src = resolve(from);
        Target dst = resolve(to);
        if (isDirectory(src)) {
            if (!recursive) {
                throw new IllegalArgumentException(from + " is a directory: use recursive=true");
            }
            copyTree(src, dst, overwrite);
        } else {
            copyFile(src, dst, overwrite);
        }
    }

    private void copyTree(Target src, Target dst, boolean overwrite) {
        mkdirs(dst);
        for (FsEntry e : ls(src)) {
            Target childSrc = src.child(e.name());
            Target childDst = dst.child(e.name());
            if (e.isDir()) {
                copyTree(childSrc, childDst, overwrite);
            } else {
                copyFile(childSrc, childDst, overwrite);
            }
        }
    }

    private void copyFile(Target src, Target dst, boolean overwrite) {
        try (InputStream in = open(src)) {
            write(dst, in, overwrite);
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + src.user(src.path()), e);
        }
    }

    /** Moves: a DBFS rename within DBFS, otherwise a copy then a delete. */
    public void mv(String from, String to, boolean recursive) {
        Target src = resolve(from);
        Target dst = resolve(to);
        if (src.kind() == Kind.DBFS && dst.kind() == Kind.DBFS) {
            dbfs.move(src.path(), dst.path());
            return;
        }
        cp(from, to, recursive, false);
        rm(from, recursive);
    }

    private static String name(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
