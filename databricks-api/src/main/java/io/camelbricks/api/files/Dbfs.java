package io.camelbricks.api.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.error.NotFound;
import io.camelbricks.api.service.files.AddBlock;
import io.camelbricks.api.service.files.Close;
import io.camelbricks.api.service.files.Create;
import io.camelbricks.api.service.files.DbfsGetStatusRequest;
import io.camelbricks.api.service.files.DbfsListRequest;
import io.camelbricks.api.service.files.DbfsReadRequest;
import io.camelbricks.api.service.files.DbfsService;
import io.camelbricks.api.service.files.Delete;
import io.camelbricks.api.service.files.FileInfo;
import io.camelbricks.api.service.files.MkDirs;
import io.camelbricks.api.service.files.Move;
import io.camelbricks.api.service.files.Put;
import io.camelbricks.api.service.files.ReadResponse;

/**
 * DBFS with streams ({@code w.dbfsFiles()}); paths are {@code /x} or {@code dbfs:/x}. Reading is 1 MB windows of
 * {@code dbfs/read} (base64); writing is {@code create}, one {@code add-block} per 1 MB (base64), {@code close}.
 * {@link #put} is the single-call upload, only up to 1 MB.
 */
public final class Dbfs {
    /** The largest block {@code add-block} and {@code read} accept, and the largest {@code put}. */
    public static final int BLOCK = 1024 * 1024;

    private final DbfsService dbfs;

    public Dbfs(ApiClient api) {
        this.dbfs = new DbfsService(api);
    }

    static String path(String p) {
        return p.startsWith("dbfs:") ? p.substring("dbfs:".length()) : p;
    }

    /** The file's content, read lazily in 1 MB windows (no request until the first read). */
    public InputStream open(String path) {
        return new ReadStream(path(path));
    }

    /**
     * A new file (or a replaced one with {@code overwrite}), written in 1 MB blocks; it appears when the stream is
     * closed. If a block fails, the handle is closed, the partial file deleted, and the stream fails from then on.
     * A replacement is written beside the target first and moved into place on close, so a failed write never
     * loses the file it was to replace.
     */
    public OutputStream create(String path, boolean overwrite) {
        String target = path(path);
        String written = overwrite ? target + ".camelbricks-" + java.util.UUID.randomUUID() + ".part" : target;
        long handle = dbfs.create(new Create().setPath(written).setOverwrite(false)).getHandle();
        return new WriteStream(written, target, handle);
    }

    /** Streams {@code in} into a new file through {@link #create}. */
    public void write(String path, InputStream in, boolean overwrite) throws IOException {
        try (OutputStream out = create(path, overwrite)) {
            in.transferTo(out);
        }
    }

    /** One call, contents of at most 1 MB; larger ones must use {@link #create} / {@link #write}. */
    public void put(String path, byte[] contents, boolean overwrite) {
        if (contents.length > BLOCK) {
            throw new IllegalArgumentException("dbfs put takes at most 1 MB (" + BLOCK + " bytes), got "
                    + contents.length + " bytes for " + path + ": use create(path, overwrite) or write(...) instead");
        }
        dbfs.put(new Put().setPath(path(path)).setContents(Base64.getEncoder().encodeToString(contents))
                .setOverwrite(overwrite));
    }

    public FileInfo getStatus(String path) {
        return dbfs.getStatus(new DbfsGetStatusRequest().setPath(path(path)));
    }

    public boolean exists(String path) {
        try {
            getStatus(path);
            return true;
        } catch (NotFound e) {
            return false;
        }
    }

    /** One level (a file lists as itself). */
    public Iterable<FileInfo> list(String path) {
        return dbfs.list(new DbfsListRequest().setPath(path(path)));
    }

    /** Every file below {@code path}, depth first, lazily: a directory is listed when the iteration reaches it. */
    public Stream<FileInfo> listRecursive(String path) {
        Iterator<FileInfo> it = new Iterator<>() {
            private final Deque<Iterator<FileInfo>> stack = new ArrayDeque<>(List.of(list(path).iterator()));
            private FileInfo next;

            @Override
            public boolean hasNext() {
                while (next == null && !stack.isEmpty()) {
                    Iterator<FileInfo> top = stack.peek();
                    if (!top.hasNext()) {
                        stack.pop();
                        continue;
                    }
                    FileInfo f = top.next();
                    if (Boolean.TRUE.equals(f.getIsDir())) {
                        stack.push(list(f.getPath()).iterator());
                    } else {
                        next = f;
                    }
                }
                return next != null;
            }

            @Override
            public FileInfo next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                FileInfo f = next;
                next = null;
                return f;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }

    public void mkdirs(String path) {
        dbfs.mkdirs(new MkDirs().setPath(path(path)));
    }

    public void move(String from, String to) {
        dbfs.move(new Move().setSourcePath(path(from)).setDestinationPath(path(to)));
    }

    public void delete(String path, boolean recursive) {
        dbfs.delete(new Delete().setPath(path(path)).setRecursive(recursive));
    }

    private final class ReadStream extends InputStream {
        private final String path;
        private byte[] window = new byte[0];
        private int pos;
        private long offset;
        private boolean eof;

        ReadStream(String path) {
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            return fill() ? window[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, window.length - pos);
            System.arraycopy(window, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() {
            while (pos >= window.length) {
                if (eof) {
                    return false;
                }
                ReadResponse r = dbfs.read(new DbfsReadRequest().setPath(path).setOffset(offset).setLength((long) BLOCK));
                long read = r.getBytesRead() == null ? 0 : r.getBytesRead();
                window = read == 0 || r.getData() == null ? new byte[0] : Base64.getDecoder().decode(r.getData());
                pos = 0;
                offset += window.length;
                if (window.length == 0) {
                    eof = true;
                }
            }
            return true;
        }
    }

    private final class WriteStream extends OutputStream {
        private final String path;
        private final String target;
        private final long handle;
        private final byte[] buffer = new byte[BLOCK];
        private int size;
        private boolean closed;
        private RuntimeException failure;

        WriteStream(String path, String target, long handle) {
            this.path = path;
            this.target = target;
            this.handle = handle;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            while (len > 0) {
                int n = Math.min(len, BLOCK - size);
                System.arraycopy(b, off, buffer, size, n);
                size += n;
                off += n;
                len -= n;
                if (size == BLOCK) {
                    sendBlock();
                }
            }
        }

        private void check() throws IOException {
            if (failure != null) {
                throw new IOException("writing " + path + " failed before", failure);
            }
            if (closed) {
                throw new IOException("stream closed");
            }
        }

        private void sendBlock() throws IOException {
            if (size == 0) {
                return;
            }
            try {
                dbfs.addBlock(new AddBlock().setHandle(handle).setData(
                        Base64.getEncoder().encodeToString(size == BLOCK ? buffer : java.util.Arrays.copyOf(buffer, size))));
                size = 0;
            } catch (RuntimeException e) {
                abandon(e);
                throw new IOException("add-block to " + path + " failed; the handle was closed and the partial file"
                        + " deleted", e);
            }
        }

        private void abandon(RuntimeException cause) {
            failure = cause;
            closed = true;
            try {
                dbfs.close(new Close().setHandle(handle));
                dbfs.delete(new Delete().setPath(path).setRecursive(false));
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            sendBlock();
            closed = true;
            dbfs.close(new Close().setHandle(handle));
            if (!path.equals(target)) {
                replaceTarget();
            }
        }

        /** Puts the completed replacement in place of the target (DBFS move does not overwrite). */
        private void replaceTarget() throws IOException {
            try {
                if (exists(target)) {
                    dbfs.delete(new Delete().setPath(target).setRecursive(false));
                }
                dbfs.move(new Move().setSourcePath(path).setDestinationPath(target));
            } catch (RuntimeException e) {
                throw new IOException("the new contents of " + target + " are complete in " + path
                        + " but could not be moved into place", e);
            }
        }
    }
}
