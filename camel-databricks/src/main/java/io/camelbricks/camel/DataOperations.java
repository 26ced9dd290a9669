package io.camelbricks.camel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelbricks.api.registry.Operation;

/**
 * The operations whose message body is data: files streamed up and down, directory listings a consumer turns into
 * files, and SQL results as rows. Besides the REST operations ({@code files/upload}, {@code files/download},
 * {@code files/listDirectoryContents}, {@code dbfs/list}, {@code statementExecution/executeStatement}) there are
 * streaming operations that exist only in Camel, the way the Python SDK adds {@code w.dbfs.upload}: they take the
 * request fields of the REST operation they stream through ({@code dbfs/upload} those of {@code dbfs/put}).
 */
final class DataOperations {
    /** A Camel-only streaming operation: its path, the REST operation whose fields it takes, and what it does. */
    record Streaming(String path, String base, RemoteStore store, FileTransfer.Direction direction, String pathField,
                     List<String> unsupportedFields, String description) {
    }

    private static final Map<String, Streaming> STREAMING = index(
            new Streaming("dbfs/upload", "dbfs/put", RemoteStore.DBFS, FileTransfer.Direction.UPLOAD, "path",
                    List.of("contents"), "Streams the body to a DBFS file of any size (create, 1 MB add-block"
                            + " calls, close; the old file stays until the new one is complete)."),
            new Streaming("dbfs/download", "dbfs/read", RemoteStore.DBFS, FileTransfer.Direction.DOWNLOAD, "path",
                    List.of("offset", "length"), "The whole DBFS file as an InputStream body, read in 1 MB windows"
                            + " as it is consumed."),
            new Streaming("workspace/upload", "workspace/importContent", RemoteStore.WORKSPACE, FileTransfer.Direction.UPLOAD,
                    "path", List.of("content"), "Streams the body into a notebook or workspace file (one multipart"
                            + " import; format SOURCE by default, with language, or AUTO, JUPYTER, DBC, ...)."),
            new Streaming("workspace/download", "workspace/export", RemoteStore.WORKSPACE,
                    FileTransfer.Direction.DOWNLOAD, "path", List.of(), "A notebook or workspace file as an"
                            + " InputStream body (direct download; format SOURCE by default, or JUPYTER, DBC, HTML,"
                            + " ...)."));

    private static final String STATEMENT_EXECUTION = "sql.StatementExecution.executeStatement";

    private DataOperations() {
    }

    private static Map<String, Streaming> index(Streaming... operations) {
        Map<String, Streaming> map = new LinkedHashMap<>();
        for (Streaming s : operations) {
            map.put(s.path(), s);
        }
        return map;
    }

    /** The Camel-only streaming operation at {@code path} ({@code dbfs/upload}), or null. */
    static Streaming streaming(String path) {
        return STREAMING.get(path);
    }

    /** Every Camel-only streaming operation. */
    static List<Streaming> streamingOperations() {
        return List.copyOf(STREAMING.values());
    }

    /** The Camel-only operations of {@code service}, by name. */
    static List<String> streamingNames(String service) {
        return STREAMING.keySet().stream().filter(p -> p.startsWith(service + "/"))
                .map(p -> p.substring(service.length() + 1)).toList();
    }

    /** The data transfer of a producer on {@code endpoint}, or null when its body is JSON. */
    static DataTransfer transferFor(DatabricksEndpoint endpoint) {
        Operation<Object, Object> op = endpoint.definition();
        String path = endpoint.getPath();
        Streaming streaming = streaming(path);
        if (streaming != null) {
            return new FileTransfer(path, endpoint.requestAssembler(), streaming.store(), streaming.direction(),
                    streaming.pathField(), streaming.unsupportedFields());
        }
        if (endpoint.output().isRows()) {
            if (!STATEMENT_EXECUTION.equals(op.id())) {
                throw new IllegalArgumentException("outputType=" + endpoint.output().optionValue() + " on databricks:"
                        + path + ": result rows come only from statementExecution/executeStatement; use typed, map or"
                        + " json here");
            }
            return new StatementRows(endpoint, endpoint.output() == OutputType.ROWS);
        }
        if (op.id().equals("files.Files.upload")) {
            return new FileTransfer(path, endpoint.requestAssembler(), RemoteStore.FILES,
                    FileTransfer.Direction.UPLOAD, "file_path", List.of());
        }
        if (op.id().equals("files.Files.download")) {
            return new FileTransfer(path, endpoint.requestAssembler(), RemoteStore.FILES,
                    FileTransfer.Direction.DOWNLOAD, "file_path", List.of());
        }
        return null;
    }

    /** A directory listing a consumer turns into files: the store, and the request field naming the directory. */
    record Listing(RemoteStore store, String directoryField) {
    }

    /** The directory listing of a consumer on {@code op}, or null when {@code op} does not list a directory. */
    static Listing listing(Operation<?, ?> op) {
        return switch (op.id()) {
            case "files.Files.listDirectoryContents" -> new Listing(RemoteStore.FILES, "directory_path");
            case "files.Dbfs.list" -> new Listing(RemoteStore.DBFS, "path");
            default -> null;
        };
    }
}
