package io.camelbricks.api.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.error.InvalidParameterValue;
import io.camelbricks.api.error.ResourceAlreadyExists;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.http.MultipartForm;
import io.camelbricks.api.service.workspace.ExportFormat;
import io.camelbricks.api.service.workspace.ImportFormat;
import io.camelbricks.api.service.workspace.Language;

/**
 * Workspace import and export with streams ({@code w.workspaceFiles()}), as the Python SDK's
 * {@code w.workspace.upload} and {@code w.workspace.download}: notebooks, workspace files and DBC archives go up as one
 * streamed {@code multipart/form-data} POST and come down as the raw bytes of {@code export?direct_download=true},
 * never base64-encoded in memory.
 *
 * <pre>{@code
 * w.workspaceFiles().upload("/Shared/etl.py", in, ImportFormat.SOURCE, Language.PYTHON, true);
 * try (InputStream ipynb = w.workspaceFiles().download("/Shared/etl", ExportFormat.JUPYTER)) { ... }
 * }</pre>
 *
 * Errors are the client's typed ones: {@link ResourceAlreadyExists} for an existing path without {@code overwrite},
 * {@link ResourceDoesNotExist} for a missing path or parent folder, {@link InvalidParameterValue} for content the
 * format does not fit. The workspace limits an import or export to 10 MB.
 */
public final class WorkspaceFiles {
    private final ApiClient api;

    public WorkspaceFiles(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * Imports {@code contents} to {@code path}, streamed (the caller closes {@code contents}; a body that has been
     * read is never sent again, so a failed upload is not retried once it has started).
     *
     * @param format   SOURCE (when null), JUPYTER, DBC, HTML, R_MARKDOWN, AUTO or RAW
     * @param language needed for SOURCE unless the path ends in {@code .py}, {@code .sql}, {@code .scala} or
     *                 {@code .r}; ignored by the workspace for other formats
     * @throws IllegalArgumentException for an unknown format or language, or SOURCE without a language
     */
    public void upload(String path, InputStream contents, ImportFormat format, Language language, boolean overwrite) {
        upload(path, contents, -1, format, language, overwrite);
    }

    /** As {@link #upload(String, InputStream, ImportFormat, Language, boolean)}, from a local file (sized). */
    public void upload(String path, Path source, ImportFormat format, Language language, boolean overwrite) {
        try (InputStream in = Files.newInputStream(source)) {
            upload(path, in, Files.size(source), format, language, overwrite);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    private void upload(String path, InputStream contents, long length, ImportFormat format, Language language,
                        boolean overwrite) {
        requirePath(path);
        Objects.requireNonNull(contents, "contents");
        ImportChoice choice = ImportChoice.of(path, format, language);
        MultipartForm form = new MultipartForm().field("path", path).field("format", choice.format().value());
        if (choice.language() != null) {
            form.field("language", choice.language().value());
        }
        form.field("overwrite", Boolean.toString(overwrite));
        form.file("content", fileName(path), contents, length);
        api.execute(ImportRequest.IMPORT_MULTIPART, new ImportRequest(form.toBody()));
    }

    /**
     * The object at {@code path} in {@code format} (SOURCE when null) as a stream of its raw bytes (close it). The
     * request is made now: a missing path raises {@link ResourceDoesNotExist} here.
     *
     * @throws IllegalArgumentException for an unknown format
     */
    public InputStream download(String path, ExportFormat format) {
        requirePath(path);
        return api.execute(ExportRequest.EXPORT_DIRECT, new ExportRequest(path, ImportChoice.check(format)));
    }

    /** As {@link #download(String, ExportFormat)}, into a local file (replaced if it exists). */
    public void download(String path, ExportFormat format, Path target) {
        try (InputStream in = download(path, format)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("downloading " + path + " to " + target, e);
        }
    }

    private static void requirePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a workspace path must be absolute (start with '/'), got " + path);
        }
    }

    private static String fileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "content" : name;
    }
}
