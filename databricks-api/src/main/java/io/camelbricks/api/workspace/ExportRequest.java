package io.camelbricks.api.workspace;

import java.io.InputStream;

import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.Param;
import io.camelbricks.api.service.workspace.ExportFormat;

/**
 * {@code GET /api/2.0/workspace/export?direct_download=true}: the raw bytes as a stream. The generated
 * {@code export} has no {@code direct_download} field and answers base64 inside JSON.
 */
final class ExportRequest {
    static final Operation<ExportRequest, InputStream> EXPORT_DIRECT =
            Operation.builder("workspace.Workspace.export", HttpMethod.GET, "/api/2.0/workspace/export",
                            ExportRequest.class, InputStream.class)
                    .accessor("workspace")
                    .param(Param.query("path", "path", String.class, ExportRequest::getPath))
                    .param(Param.query("format", "format", ExportFormat.class, ExportRequest::getFormat))
                    .param(Param.query("direct_download", "directDownload", Boolean.class,
                            ExportRequest::getDirectDownload))
                    .binaryResponse((in, headers) -> in)
                    .build();

    private final String path;
    private final ExportFormat format;

    ExportRequest(String path, ExportFormat format) {
        this.path = path;
        this.format = format;
    }

    public String getPath() { return path; }

    public ExportFormat getFormat() { return format; }

    public Boolean getDirectDownload() { return Boolean.TRUE; }
}
