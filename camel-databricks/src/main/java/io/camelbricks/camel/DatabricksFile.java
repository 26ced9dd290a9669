package io.camelbricks.camel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A file a directory consumer ({@code from("databricks:files/listDirectoryContents?path=/Volumes/...")}) emits: its
 * path, size and modification time, and its content, downloaded only when the body is read. Camel converts it to
 * an {@code InputStream} (a new download each time, resuming by {@code Range} on the Files API), {@code byte[]} or
 * {@code String}, so {@code .to("file:inbox")} streams it to disk in constant memory. Streams it opened are closed
 * when the exchange completes.
 */
public final class DatabricksFile {
    private final String path;
    private final String relativePath;
    private final long size;
    private final long lastModified;
    private final Supplier<InputStream> opener;
    private final List<InputStream> opened = new ArrayList<>();

    DatabricksFile(RemoteEntry entry, String relativePath, Supplier<InputStream> opener) {
        this.path = entry.path();
        this.relativePath = relativePath;
        this.size = entry.size();
        this.lastModified = entry.lastModified();
        this.opener = opener;
    }

    /** The absolute path ({@code /Volumes/main/default/landing/in/a.csv}, or a DBFS path). */
    public String getPath() {
        return path;
    }

    /** The path below the listed directory ({@code in/a.csv} when listed recursively, else {@code a.csv}). */
    public String getRelativePath() {
        return relativePath;
    }

    /** The last segment of the path. */
    public String getName() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    /** The size in bytes, as listed. */
    public long getSize() {
        return size;
    }

    /** The modification time in epoch milliseconds, as listed (0 when unknown). */
    public long getLastModified() {
        return lastModified;
    }

    /** Downloads the content (the request is made now); the caller closes the stream. */
    public InputStream openStream() {
        InputStream stream = opener.get();
        synchronized (opened) {
            opened.add(stream);
        }
        return stream;
    }

    /** Closes the streams {@link #openStream()} handed out (the exchange is done). */
    void closeStreams() {
        List<InputStream> toClose;
        synchronized (opened) {
            toClose = List.copyOf(opened);
            opened.clear();
        }
        for (InputStream stream : toClose) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the exchange is done; a failing close changes nothing for it
            }
        }
    }

    @Override
    public String toString() {
        return "DatabricksFile[" + path + ", " + size + " bytes]";
    }
}
