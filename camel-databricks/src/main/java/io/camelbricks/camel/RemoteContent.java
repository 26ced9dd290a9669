package io.camelbricks.camel;

import java.io.InputStream;

/**
 * An open download from a {@link RemoteStore}.
 *
 * @param stream       the content (the receiver closes it)
 * @param length       the length in bytes, or -1 when unknown
 * @param contentType  the media type, or null
 * @param lastModified the modification time in epoch milliseconds, or 0 when unknown
 */
record RemoteContent(InputStream stream, long length, String contentType, long lastModified) {
}
