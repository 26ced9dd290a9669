package io.camelbricks.api.files;

import java.io.IOException;
import java.io.InputStream;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.ApiResponse;
import io.camelbricks.api.service.files.FilesDownloadResponse;

/**
 * A download that survives dropped connections: when the body ends early (an exception, or end of stream before
 * {@code Content-Length}), it asks again with {@code Range: bytes=<position>-} and goes on where it stopped. Gives up
 * after {@code maxResumes} attempts in a row that brought no byte.
 */
final class ResumingInputStream extends InputStream {
    private final ApiClient api;
    private final String path;
    private final long length;
    private final int maxResumes;
    private InputStream current;
    private long position;
    private int failuresWithoutProgress;
    private int resumes;
    private boolean closed;

    ResumingInputStream(ApiClient api, String path, InputStream first, long length, int maxResumes) {
        this.api = api;
        this.path = path;
        this.current = first;
        this.length = length;
        this.maxResumes = maxResumes;
    }

    /** How many times the download was resumed with a Range request. */
    int resumes() { return resumes; }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (length >= 0 && position >= length) {
                return -1;
            }
            IOException failure;
            try {
                int n = current.read(b, off, len);
                if (n > 0) {
                    position += n;
                    failuresWithoutProgress = 0;
                    return n;
                }
                if (n < 0 && (length < 0 || position >= length)) {
                    return -1;
                }
                failure = new IOException("the body ended at byte " + position + " of " + length);
            } catch (IOException e) {
                failure = e;
            }
            resume(failure);
        }
    }

    private void resume(IOException cause) throws IOException {
        closeQuietly(current);
        if (length < 0 || ++failuresWithoutProgress > maxResumes) {
            throw new IOException("download of " + path + " failed at byte " + position
                    + (length >= 0 ? " of " + length : "") + " after " + resumes + " resumes", cause);
        }
        resumes++;
        ApiResponse<FilesDownloadResponse> r;
        try {
            r = api.executeWithResponse(RangeRequest.DOWNLOAD_RANGE,
                    new RangeRequest(path, "bytes=" + position + "-"));
        } catch (RuntimeException e) {
            IOException io = new IOException("resuming the download of " + path + " at byte " + position + " failed", e);
            io.addSuppressed(cause);
            throw io;
        }
        InputStream in = r.body().getContents();
        if (r.status() != 206) {
            // the server ignored the range: skip what we already have
            long toSkip = position;
            while (toSkip > 0) {
                long s = in.skip(toSkip);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("the file " + path + " is shorter than before", cause);
                    }
                    s = 1;
                }
                toSkip -= s;
            }
        }
        current = in;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            current.close();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone anyway
        }
    }
}
