package io.camelbricks.api.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) built as one stream: text fields and file parts, each file read from
 * its own stream while the body is sent, so the form takes constant memory whatever the size of its files.
 *
 * <pre>{@code
 * StreamingBody body = new MultipartForm().field("path", "/Shared/etl").file("content", "etl.py", in, -1).toBody();
 * }</pre>
 *
 * Names and file names are quoted; {@code "}, CR and LF in them are percent-encoded as browsers do.
 */
public final class MultipartForm {
    private final String boundary;
    private final List<InputStream> pieces = new ArrayList<>();
    private long length;
    private boolean built;

    public MultipartForm() {
        this("camelbricks-" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A form with a chosen boundary (tests); it must not occur in any part. */
    MultipartForm(String boundary) {
        this.boundary = Objects.requireNonNull(boundary, "boundary");
    }

    /** Adds a text field (UTF-8). */
    public MultipartForm field(String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        text(head(name, null, null));
        add(new ByteArrayInputStream(bytes), bytes.length);
        text("\r\n");
        return this;
    }

    /**
     * Adds a file part whose bytes are read from {@code contents} while the form is sent.
     *
     * @param length the number of bytes {@code contents} holds, or -1 when unknown (the form is then sent chunked)
     */
    public MultipartForm file(String name, String fileName, InputStream contents, long length) {
        text(head(name, fileName, "application/octet-stream"));
        add(Objects.requireNonNull(contents, "contents"), length);
        text("\r\n");
        return this;
    }

    /** The form as a body to send once; the form cannot be changed afterwards. */
    public StreamingBody toBody() {
        if (!built) {
            text("--" + boundary + "--\r\n");
            built = true;
        }
        return new StreamingBody(new SequenceInputStream(Collections.enumeration(pieces)), length,
                "multipart/form-data; boundary=" + boundary);
    }

    private String head(String name, String fileName, String contentType) {
        if (built) {
            throw new IllegalStateException("the form has been turned into a body already");
        }
        StringBuilder sb = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quoted(name)).append('"');
        if (fileName != null) {
            sb.append("; filename=\"").append(quoted(fileName)).append('"');
        }
        sb.append("\r\n");
        if (contentType != null) {
            sb.append("Content-Type: ").append(contentType).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    private static String quoted(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private void text(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        add(new ByteArrayInputStream(bytes), bytes.length);
    }

    private void add(InputStream in, long size) {
        pieces.add(in);
        length = length < 0 || size < 0 ? -1 : length + size;
    }
}
