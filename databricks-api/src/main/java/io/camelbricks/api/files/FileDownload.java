package io.camelbricks.api.files;

import java.io.InputStream;

/**
 * An open download of the Files API: the content as a stream that resumes by {@code Range} after a dropped
 * connection (close it), with what the response said about the file.
 *
 * @param contents      the content; the caller closes it
 * @param contentLength the length in bytes, or -1 when the response did not say
 * @param contentType   the media type, or null
 * @param lastModified  the {@code Last-Modified} header as sent (an HTTP date), or null
 */
public record FileDownload(InputStream contents, long contentLength, String contentType, String lastModified) {
}
