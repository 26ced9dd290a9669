package io.camelbricks.api.wire;

import java.nio.charset.StandardCharsets;

/** Percent-encodes path parameters: every byte but RFC 3986 unreserved characters; multi-segment values keep {@code /}. */
public final class PathEncoder {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathEncoder() {
    }

    /** Encodes one path segment ({@code /} is encoded too). */
    public static String encodeSegment(String value) {
        if (isUnreserved(value)) {
            return value; // ids, keys, numbers: nothing to encode
        }
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    private static boolean isUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }

    /** Encodes a value that may contain {@code /} (e.g. a file path) segment by segment. */
    public static String encodeMultiSegment(String value) {
        String[] segments = value.split("/", -1);
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(encodeSegment(segments[i]));
        }
        return sb.toString();
    }

    /** Query keys and values use the same encoding (space as %20, never +). */
    public static String encodeQueryComponent(String value) {
        return encodeSegment(value);
    }
}
