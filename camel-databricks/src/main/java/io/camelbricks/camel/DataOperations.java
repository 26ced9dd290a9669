package io.camelbricks.camel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.camelbricks.api.registry.Operation;

/**
 * The operations the producer carries out itself instead of one REST call: files streamed up and down, SQL results
 * as rows, and the Camel-only operations built on the client's helpers, the way the Python SDK adds
 * {@code w.dbfs.upload} or {@code w.clusters.ensure_cluster_is_running}. A Camel-only operation takes the request
 * fields of the REST operation it is based on ({@code dbfs/upload} those of {@code dbfs/put}). Also: which listings
 * a consumer turns into files.
 */
final class DataOperations {
    /** A Camel-only operation: its path, the REST operation whose request fields it takes, and what it does. */
    record CamelOperation(String path, String base, Function<DatabricksEndpoint, DataTransfer> transfer,
                          String description) {
    }

    private static final Map<String, CamelOperation> CAMEL_OPERATIONS = index(
            streaming("dbfs/upload", "dbfs/put", RemoteStore.DBFS, FileTransfer.Direction.UPLOAD, "path",
                    List.of("contents"), "Streams the body to a DBFS file of any size (create, 1 MB add-block"
                            + " calls, close; the old file stays until the new one is complete)."),
            streaming("dbfs/download", "dbfs/read", RemoteStore.DBFS, FileTransfer.Direction.DOWNLOAD, "path",
                    List.of("offset", "length"), "The whole DBFS file as an InputStream body, read in 1 MB windows"
                            + " as it is consumed."),
            streaming("workspace/upload", "workspace/importContent", RemoteStore.WORKSPACE,
                    FileTransfer.Direction.UPLOAD, "path", List.of("content"), "Streams the body into a notebook or"
                            + " workspace file (one multipart import; format SOURCE by default, with language, or"
                            + " AUTO, JUPYTER, DBC, ...)."),
            streaming("workspace/download", "workspace/export", RemoteStore.WORKSPACE,
                    FileTransfer.Direction.DOWNLOAD, "path", List.of(), "A notebook or workspace file as an"
                            + " InputStream body (direct download; format SOURCE by default, or JUPYTER, DBC, HTML,"
                            + " ...)."),
            new CamelOperation("jobs/getRunOutputs", "jobs/getRunOutput", HelperCalls::runOutputs, "The output of"
                    + " every task of a run (RunOutputs: notebook exit values, errors, logs, by task key), where"
                    + " jobs/getRunOutput answers 400 for a multi-task run."),
            new CamelOperation("clusters/ensureRunning", "clusters/get", HelperCalls::ensureClusterRunning, "The"
                    + " cluster, RUNNING: a terminated one is started, a pending, restarting or resizing one waited"
                    + " for (no thread held), a terminating one waited out then started."));

    private static final String STATEMENT_EXECUTION = "sql.StatementExecution.executeStatement";

    private DataOperations() {
    }

    private static CamelOperation streaming(String path, String base, RemoteStore store,
                                            FileTransfer.Direction direction, String pathField,
                                            List<String> unsupportedFields, String description) {
        return new CamelOperation(path, base, endpoint -> new FileTransfer(path, endpoint.requestAssembler(), store,
                direction, pathField, unsupportedFields), description);
    }

    private static Map<String, CamelOperation> index(CamelOperation... operations) {
        Map<String, CamelOperation> map = new LinkedHashMap<>();
        for (CamelOperation o : operations) {
            map.put(o.path(), o);
        }
        return map;
    }

    /** The Camel-only operation at {@code path} ({@code dbfs/upload}), or null. */
    static CamelOperation camelOperation(String path) {
        return CAMEL_OPERATIONS.get(path);
    }

    /** Every Camel-only operation. */
    static List<CamelOperation> camelOperations() {
        return List.copyOf(CAMEL_OPERATIONS.values());
    }

    /** The Camel-only operations of {@code service}, by name. */
    static List<String> camelOperationNames(String service) {
        return CAMEL_OPERATIONS.keySet().stream().filter(p -> p.startsWith(service + "/"))
                .map(p -> p.substring(service.length() + 1)).toList();
    }

    /** What the producer on {@code endpoint} does itself, or null when it makes the REST call of its operation. */
    static DataTransfer transferFor(DatabricksEndpoint endpoint) {
        Operation<Object, Object> op = endpoint.definition();
        String path = endpoint.getPath();
        CamelOperation camel = camelOperation(path);
        if (camel != null) {
            return camel.transfer().apply(endpoint);
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
