package io.camelbricks.api.workspace;

import io.camelbricks.api.http.StreamingBody;
import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.registry.Operation;

/**
 * {@code POST /api/2.0/workspace/import} with a streamed {@code multipart/form-data} body: the generated
 * {@code importContent} sends base64 inside JSON, which needs the whole content in memory.
 */
final class ImportRequest {
    static final Operation<ImportRequest, Void> IMPORT_MULTIPART =
            Operation.builder("workspace.Workspace.importContent", HttpMethod.POST, "/api/2.0/workspace/import",
                            ImportRequest.class, Void.class)
                    .accessor("workspace")
                    .binaryBody(ImportRequest::getBody)
                    .build();

    private final StreamingBody body;

    ImportRequest(StreamingBody body) {
        this.body = body;
    }

    public StreamingBody getBody() { return body; }
}
