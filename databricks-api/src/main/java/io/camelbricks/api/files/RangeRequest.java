package io.camelbricks.api.files;

import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.Param;
import io.camelbricks.api.service.files.FilesDownloadResponse;

/** {@code GET /api/2.0/fs/files{path}} with a {@code Range} header: the generated download has no such field. */
final class RangeRequest {
    static final Operation<RangeRequest, FilesDownloadResponse> DOWNLOAD_RANGE =
            Operation.builder("files.Files.download", HttpMethod.GET, "/api/2.0/fs/files{file_path}",
                            RangeRequest.class, FilesDownloadResponse.class)
                    .accessor("files")
                    .param(Param.<RangeRequest>path("file_path", "filePath", String.class, RangeRequest::getFilePath)
                            .multiSegment())
                    .param(Param.<RangeRequest>header("Range", "range", String.class, RangeRequest::getRange))
                    .binaryResponse((in, h) -> new FilesDownloadResponse().setContents(in)
                            .setContentLength(h.longValue("content-length"))
                            .setContentType(h.first("content-type"))
                            .setLastModified(h.first("last-modified")))
                    .build();

    private String filePath;
    private String range;

    RangeRequest(String filePath, String range) {
        this.filePath = filePath;
        this.range = range;
    }

    public String getFilePath() { return filePath; }

    public String getRange() { return range; }
}
