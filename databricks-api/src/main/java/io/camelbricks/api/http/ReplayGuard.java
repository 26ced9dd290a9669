package io.camelbricks.api.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Wraps a request body stream and remembers whether any byte of it was read, i.e. whether it can still be sent. */
public final class ReplayGuard extends FilterInputStream {
    private volatile boolean touched;

    public ReplayGuard(InputStream in) {
        super(in);
    }

    /** True until the transport has read from the stream. */
    public boolean isUntouched() {
        return !touched;
    }

    @Override
    public int read() throws IOException {
        touched = true;
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        touched = true;
        return super.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        touched = true;
        return super.skip(n);
    }
}
