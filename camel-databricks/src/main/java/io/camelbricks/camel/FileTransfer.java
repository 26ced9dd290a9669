package io.camelbricks.camel;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;

import io.camelbricks.api.ApiClient;

/**
 * Streams the message body to a file ({@code files/upload}, {@code dbfs/upload}) or a file into the message body
 * ({@code files/download}, {@code dbfs/download}) in constant memory. The path comes from the request field (URI
 * option {@code path}, or header {@code CamelDatabricks.path}); a path ending in {@code /} is a directory, completed
 * by the {@code CamelFileName} header as a file consumer sets it.
 */
final class FileTransfer implements DataTransfer {
    enum Direction { UPLOAD, DOWNLOAD }

    private final String endpointPath;
    private final RequestAssembler fields;
    private final RemoteStore store;
    private final Direction direction;
    private final String pathField;
    /** Request fields of the underlying REST operation that a streamed transfer has no use for. */
    private final List<String> unsupportedFields;

    FileTransfer(String endpointPath, RequestAssembler fields, RemoteStore store, Direction direction,
                 String pathField, List<String> unsupportedFields) {
        this.endpointPath = endpointPath;
        this.fields = fields;
        this.store = store;
        this.direction = direction;
        this.pathField = pathField;
        this.unsupportedFields = unsupportedFields;
        for (String field : unsupportedFields) {
            if (fields.uriFields().containsKey(field)) {
                throw unsupported(field, "URI option");
            }
        }
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange, ApiClient client, Executor blocking) {
        Message message = exchange.getMessage();
        ObjectNode values = fields.fieldValues(message, client.mapper());
        for (String field : unsupportedFields) {
            if (values.has(field)) {
                throw unsupported(field, "header");
            }
        }
        String path = RemotePaths.target(endpointPath, text(values, pathField),
                message.getHeader(Exchange.FILE_NAME, String.class));
        if (direction == Direction.UPLOAD) {
            InputStream contents = UploadBody.open(exchange, endpointPath);
            return CompletableFuture.runAsync(() -> {
                try {
                    store.upload(client, path, contents, values);
                } finally {
                    IOHelper.close(contents);
                }
                message.setHeader(DatabricksConstants.FILE_PATH, path);
            }, blocking);
        }
        return CompletableFuture.supplyAsync(() -> store.open(client, path, values), blocking).thenAccept(content -> {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    closeQuietly(content.stream());
                }
            });
            message.setHeader(DatabricksConstants.FILE_PATH, path);
            message.setHeader(Exchange.FILE_NAME, new RemoteEntry(path, false, 0, 0).name());
            if (content.length() >= 0) {
                message.setHeader(Exchange.FILE_LENGTH, content.length());
            }
            if (content.lastModified() > 0) {
                message.setHeader(Exchange.FILE_LAST_MODIFIED, content.lastModified());
            }
            if (content.contentType() != null) {
                message.setHeader(Exchange.CONTENT_TYPE, content.contentType());
            }
            message.setBody(content.stream());
        });
    }

    private IllegalArgumentException unsupported(String field, String origin) {
        return new IllegalArgumentException("databricks:" + endpointPath + " streams the whole file"
                + (direction == Direction.UPLOAD ? " from the message body" : " into the message body")
                + "; request field " + field + " (" + origin + ") does not apply to it");
    }

    private static String text(ObjectNode values, String field) {
        JsonNode value = values.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the exchange is done; a failing close changes nothing for it
        }
    }
}
