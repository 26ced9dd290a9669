package io.camelbricks.camel;

import java.util.regex.Pattern;

/** Checks and completes the remote paths of file endpoints. */
final class RemotePaths {
    private static final Pattern PARENT_SEGMENT = Pattern.compile("(^|/)\\.\\.(/|$)");

    private RemotePaths() {
    }

    /**
     * The path a transfer reads or writes: {@code path} as given, or, when it ends with {@code /}, that directory
     * and {@code fileName} (the {@code CamelFileName} header, e.g. {@code sub/a.csv} from a recursive file consumer).
     *
     * @throws IllegalArgumentException when there is no path, it is not absolute, or it (or the file name) contains
     *                                  a {@code ..} segment
     */
    static String target(String endpointPath, String path, String fileName) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("databricks:" + endpointPath + " needs the path of the file: set the URI"
                    + " option path (e.g. path=/Volumes/main/default/landing/ with a file name from the CamelFileName"
                    + " header) or the header CamelDatabricks.path");
        }
        String result = path.strip();
        if (result.endsWith("/")) {
            if (fileName == null || fileName.isBlank()) {
                throw new IllegalArgumentException("databricks:" + endpointPath + ": path " + result + " is a"
                        + " directory (it ends with /), and the message has no CamelFileName header to name the file");
            }
            String name = fileName.replace('\\', '/');
            while (name.startsWith("/")) {
                name = name.substring(1);
            }
            result = result + name;
        }
        if (!result.startsWith("/") && !result.startsWith("dbfs:/")) {
            throw new IllegalArgumentException("databricks:" + endpointPath + ": path " + result + " is not"
                    + " absolute; expected e.g. /Volumes/<catalog>/<schema>/<volume>/<file> or dbfs:/<dir>/<file>");
        }
        if (PARENT_SEGMENT.matcher(result).find()) {
            throw new IllegalArgumentException("databricks:" + endpointPath + ": path " + result + " contains a .."
                    + " segment; paths must name the file directly");
        }
        return result;
    }
}
