package io.camelbricks.emulator.workspace;

import io.camelbricks.emulator.server.ApiException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as it arrives, one byte window at a time: small text fields
 * into a map, the file part into a bounded buffer. A file part larger than the bound is read to its end and
 * discarded, so the client still gets the answer instead of a broken connection.
 */
final class MultipartFormReader {

    /** The fields of a form, and its file part (null when the form had none). */
    record Form(Map<String, String> fields, String fileField, byte[] file, boolean fileTooLarge) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final int MAX_FIELD = 64 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;

    private final InputStream in;
    private final byte[] delimiter;

    private MultipartFormReader(InputStream body, String boundary) {
        // a virtual CRLF in front lets the first boundary be found like the others
        this.in = new BufferedInputStream(new SequenceInputStream(
                new ByteArrayInputStream(new byte[] {'\r', '\n'}), body), 64 * 1024);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Reads the whole form; the file part may be at most {@code maxFile} bytes. */
    static Form read(InputStream body, String contentType, int maxFile) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw ApiException.malformedRequest("multipart/form-data without a boundary");
        }
        try {
            return new MultipartFormReader(body, m.group(2) != null ? m.group(2) : m.group(3)).parts(maxFile);
        } catch (IOException e) {
            throw ApiException.malformedRequest("the multipart body could not be read: " + e.getMessage());
        }
    }

    private Form parts(int maxFile) throws IOException {
        if (!copyToDelimiter(OutputStream.nullOutputStream())) {
            throw ApiException.malformedRequest("the multipart body has no boundary line");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String fileField = null;
        Bounded file = null;
        while (true) {
            int a = in.read();
            int b = in.read();
            if (a == '-' && b == '-') {
                in.transferTo(OutputStream.nullOutputStream());
                return new Form(fields, fileField, file == null ? null : file.bytes(), file != null && file.overflow);
            }
            if (a != '\r' || b != '\n') {
                throw ApiException.malformedRequest("the multipart body is cut or malformed");
            }
            String disposition = headers();
            Matcher name = NAME.matcher(disposition);
            if (!name.find()) {
                throw ApiException.malformedRequest("a multipart part has no Content-Disposition name");
            }
            boolean isFile = FILE_NAME.matcher(disposition).find();
            Bounded sink = new Bounded(isFile ? maxFile : MAX_FIELD);
            if (!copyToDelimiter(sink)) {
                throw ApiException.malformedRequest("the multipart body ends inside a part");
            }
            if (isFile) {
                fileField = name.group(1);
                file = sink;
            } else {
                if (sink.overflow) {
                    throw ApiException.invalidParameter("The form field " + name.group(1) + " is too long.");
                }
                fields.put(name.group(1), new String(sink.bytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** Reads a part's header lines up to the empty line; returns its Content-Disposition value. */
    private String headers() throws IOException {
        String disposition = "";
        while (true) {
            String line = line();
            if (line.isEmpty()) {
                return disposition;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
                disposition = line.substring(colon + 1).trim();
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw ApiException.malformedRequest("the multipart body ends inside part headers");
            }
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_HEADER_LINE) {
                throw ApiException.malformedRequest("a multipart header line is too long");
            }
            line.write(c);
        }
    }

    /**
     * Copies bytes to {@code out} up to the next delimiter (consumed, not copied); false at the end of the input.
     * The delimiter starts with CR, which occurs nowhere else in it, so a failed partial match restarts only at the
     * current byte.
     */
    private boolean copyToDelimiter(OutputStream out) throws IOException {
        int matched = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            if (b == delimiter[matched]) {
                if (++matched == delimiter.length) {
                    return true;
                }
                continue;
            }
            if (matched > 0) {
                out.write(delimiter, 0, matched);
                matched = b == delimiter[0] ? 1 : 0;
                if (matched == 1) {
                    continue;
                }
            }
            out.write(b);
        }
    }

    /** Keeps at most {@code max} bytes and remembers whether more came. */
    private static final class Bounded extends OutputStream {
        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean overflow;

        Bounded(int max) {
            this.max = max;
        }

        @Override
        public void write(int b) {
            if (bytes.size() < max) {
                bytes.write(b);
            } else {
                overflow = true;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
