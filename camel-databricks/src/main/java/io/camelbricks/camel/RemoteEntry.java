package io.camelbricks.camel;

/**
 * A file or directory listed in a {@link RemoteStore}.
 *
 * @param path         the absolute path in the store ({@code /Volumes/main/default/landing/a.csv}, {@code /tmp/a.csv})
 * @param directory    whether it is a directory
 * @param size         the length in bytes (0 for a directory or when unknown)
 * @param lastModified the modification time in epoch milliseconds (0 when unknown)
 */
record RemoteEntry(String path, boolean directory, long size, long lastModified) {

    /** The last segment of the path. */
    String name() {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The path below {@code root} ({@code sub/a.csv} for root {@code /Volumes/x}), else the name. */
    String relativeTo(String root) {
        String base = root.endsWith("/") ? root : root + "/";
        return path.startsWith(base) ? path.substring(base.length()) : name();
    }
}
