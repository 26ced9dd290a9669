package io.camelbricks.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.files.Dbfs;
import io.camelbricks.api.files.FileDownload;
import io.camelbricks.api.files.FileSystem;
import io.camelbricks.api.service.files.DirectoryEntry;
import io.camelbricks.api.service.files.FileInfo;
import io.camelbricks.api.service.workspace.ExportFormat;
import io.camelbricks.api.service.workspace.Import;
import io.camelbricks.api.service.workspace.WorkspaceExportRequest;
import io.camelbricks.api.workspace.WorkspaceFiles;

/**
 * Where the file endpoints put and get bytes, streamed in constant memory: the Files API ({@code /Volumes/...},
 * one streamed PUT up, a download that resumes by {@code Range}), DBFS (1 MB base64 blocks both ways) or the
 * workspace (notebooks and workspace files: a streamed multipart import, a direct-download export).
 */
enum RemoteStore {
    FILES("the Files API") {
        @Override
        void upload(ApiClient client, String path, InputStream contents, ObjectNode fields) {
            new FileSystem(client).upload(path, contents, overwrite(fields));
        }

        @Override
        RemoteContent open(ApiClient client, String path, ObjectNode fields) {
            FileDownload download = new FileSystem(client).open(path);
            return new RemoteContent(download.contents(), download.contentLength(), download.contentType(),
                    httpDateMillis(download.lastModified()));
        }

        @Override
        Stream<RemoteEntry> list(ApiClient client, String directory, boolean recursive) {
            FileSystem fs = new FileSystem(client);
            Stream<DirectoryEntry> entries = recursive ? fs.listRecursive(directory)
                    : StreamSupport.stream(fs.list(directory).spliterator(), false);
            return entries.map(e -> new RemoteEntry(e.getPath(), Boolean.TRUE.equals(e.getIsDirectory()),
                    orZero(e.getFileSize()), orZero(e.getLastModified())));
        }
    },
    DBFS("DBFS") {
        @Override
        void upload(ApiClient client, String path, InputStream contents, ObjectNode fields) {
            try {
                new Dbfs(client).write(path, contents, overwrite(fields));
            } catch (IOException e) {
                throw new UncheckedIOException("uploading to DBFS " + path + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        RemoteContent open(ApiClient client, String path, ObjectNode fields) {
            Dbfs dbfs = new Dbfs(client);
            FileInfo status = dbfs.getStatus(path);
            if (Boolean.TRUE.equals(status.getIsDir())) {
                throw new IllegalArgumentException("DBFS " + path + " is a directory, not a file");
            }
            return new RemoteContent(dbfs.open(path), orZero(status.getFileSize()), null,
                    orZero(status.getModificationTime()));
        }

        @Override
        Stream<RemoteEntry> list(ApiClient client, String directory, boolean recursive) {
            Dbfs dbfs = new Dbfs(client);
            Stream<FileInfo> entries = recursive ? dbfs.listRecursive(directory)
                    : StreamSupport.stream(dbfs.list(directory).spliterator(), false);
            return entries.map(f -> new RemoteEntry(f.getPath(), Boolean.TRUE.equals(f.getIsDir()),
                    orZero(f.getFileSize()), orZero(f.getModificationTime())));
        }
    },
    WORKSPACE("the workspace") {
        @Override
        void upload(ApiClient client, String path, InputStream contents, ObjectNode fields) {
            Import request = typed(client, fields, Import.class);
            new WorkspaceFiles(client).upload(path, contents, request.getFormat(), request.getLanguage(),
                    Boolean.TRUE.equals(request.getOverwrite()));
        }

        @Override
        RemoteContent open(ApiClient client, String path, ObjectNode fields) {
            WorkspaceExportRequest request = typed(client, fields, WorkspaceExportRequest.class);
            ExportFormat format = request.getFormat() == null ? ExportFormat.SOURCE : request.getFormat();
            return new RemoteContent(new WorkspaceFiles(client).download(path, format), -1, null, 0);
        }

        @Override
        Stream<RemoteEntry> list(ApiClient client, String directory, boolean recursive) {
            throw new UnsupportedOperationException("workspace directories are not consumed as files");
        }
    };

    private final String description;

    RemoteStore(String description) {
        this.description = description;
    }

    /**
     * Streams {@code contents} to {@code path}; the caller closes {@code contents}. {@code fields} are the request
     * fields set on the URI and by headers ({@code overwrite}; for the workspace {@code format} and {@code language}).
     */
    abstract void upload(ApiClient client, String path, InputStream contents, ObjectNode fields);

    /**
     * Opens {@code path} for reading (for the workspace in the {@code format} of {@code fields}, default SOURCE); the
     * request is made now, so a missing file fails here.
     */
    abstract RemoteContent open(ApiClient client, String path, ObjectNode fields);

    /** The entries of {@code directory}, lazily (pages fetched as the stream is consumed); recursive: files only. */
    abstract Stream<RemoteEntry> list(ApiClient client, String directory, boolean recursive);

    /** For messages: "the Files API", "DBFS". */
    String description() {
        return description;
    }

    /** An iterator over {@link #list}. */
    Iterator<RemoteEntry> iterate(ApiClient client, String directory, boolean recursive) {
        return list(client, directory, recursive).iterator();
    }

    private static boolean overwrite(ObjectNode fields) {
        return fields.path("overwrite").asBoolean(false);
    }

    /** The request fields as the REST operation's request type, so that its field types and values are checked. */
    private static <T> T typed(ApiClient client, ObjectNode fields, Class<T> type) {
        try {
            return client.mapper().treeToValue(fields, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid request fields for the workspace: " + e.getOriginalMessage(), e);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** {@code Last-Modified} (RFC 1123) in epoch milliseconds; 0 when absent or unreadable. */
    static long httpDateMillis(String httpDate) {
        if (httpDate == null || httpDate.isBlank()) {
            return 0;
        }
        try {
            return ZonedDateTime.parse(httpDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
