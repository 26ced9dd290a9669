package io.camelbricks.api.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.ApiResponse;
import io.camelbricks.api.error.NotFound;
import io.camelbricks.api.service.files.DirectoryEntry;
import io.camelbricks.api.service.files.FilesCreateDirectoryRequest;
import io.camelbricks.api.service.files.FilesDeleteDirectoryRequest;
import io.camelbricks.api.service.files.FilesDeleteRequest;
import io.camelbricks.api.service.files.FilesDownloadRequest;
import io.camelbricks.api.service.files.FilesDownloadResponse;
import io.camelbricks.api.service.files.FilesGetDirectoryMetadataRequest;
import io.camelbricks.api.service.files.FilesGetMetadataRequest;
import io.camelbricks.api.service.files.FilesGetMetadataResponse;
import io.camelbricks.api.service.files.FilesListDirectoryContentsRequest;
import io.camelbricks.api.service.files.FilesOperations;
import io.camelbricks.api.service.files.FilesService;
import io.camelbricks.api.service.files.FilesUploadRequest;

/**
 * The Files API ({@code /Volumes/...}) with streams ({@code w.fileSystem()}): uploads are one streamed PUT (the body
 * is never buffered, and a read body is never sent again), downloads resume with a {@code Range} request after a
 * dropped connection, directories are created idempotently, listed lazily and deleted recursively.
 */
public final class FileSystem {
    private final ApiClient api;
    private final FilesService files;
    private volatile int maxResumes = 5;

    public FileSystem(ApiClient api) {
        this.api = api;
        this.files = new FilesService(api);
    }

    /** How many resumes in a row without progress a download may make (default 5). */
    public FileSystem maxResumes(int resumes) {
        this.maxResumes = resumes;
        return this;
    }

    /** Streams {@code contents} in one PUT; the caller closes {@code contents}. */
    public void upload(String path, InputStream contents, boolean overwrite) {
        files.upload(new FilesUploadRequest().setFilePath(path).setContents(contents).setOverwrite(overwrite));
    }

    public void upload(String path, Path source, boolean overwrite) {
        try (InputStream in = Files.newInputStream(source)) {
            upload(path, in, overwrite);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    /**
     * The file's content as a stream that resumes by Range after a dropped connection (close it). The request is
     * made now: a missing file raises {@link NotFound} here.
     */
    public InputStream download(String path) {
        return open(path).contents();
    }

    /**
     * Like {@link #download(String)}, with the length, media type and modification time the response gave. The
     * request is made now: a missing file raises {@link NotFound} here.
     */
    public FileDownload open(String path) {
        ApiResponse<FilesDownloadResponse> r = api.executeWithResponse(FilesOperations.DOWNLOAD,
                new FilesDownloadRequest().setFilePath(path));
        Long length = r.body().getContentLength();
        long known = length == null ? -1 : length;
        return new FileDownload(new ResumingInputStream(api, path, r.body().getContents(), known, maxResumes), known,
                r.body().getContentType(), r.body().getLastModified());
    }

    public void download(String path, Path target) {
        try (InputStream in = download(path)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("downloading " + path + " to " + target, e);
        }
    }

    /** HEAD: length, content type, last modified. */
    public FilesGetMetadataResponse getMetadata(String path) {
        FilesGetMetadataResponse r = files.getMetadata(new FilesGetMetadataRequest().setFilePath(path));
        if (r.getContents() != null) {
            try {
                r.getContents().close();
            } catch (IOException ignored) {
                // a HEAD has no body
            }
        }
        return r;
    }

    public boolean exists(String path) {
        try {
            getMetadata(path);
            return true;
        } catch (NotFound e) {
            return directoryExists(path);
        }
    }

    public boolean directoryExists(String path) {
        try {
            files.getDirectoryMetadata(new FilesGetDirectoryMetadataRequest().setDirectoryPath(path));
            return true;
        } catch (NotFound e) {
            return false;
        }
    }

    /** {@code mkdir -p}: creating an existing directory is fine. */
    public void createDirectory(String path) {
        files.createDirectory(new FilesCreateDirectoryRequest().setDirectoryPath(path));
    }

    /** One level, lazily (pages are fetched as you iterate). */
    public Iterable<DirectoryEntry> list(String directory) {
        return files.listDirectoryContents(new FilesListDirectoryContentsRequest().setDirectoryPath(directory));
    }

    /** Every file below {@code directory} (not the directories), depth first, lazily. */
    public Stream<DirectoryEntry> listRecursive(String directory) {
        Iterator<DirectoryEntry> it = new Iterator<>() {
            private final Deque<Iterator<DirectoryEntry>> stack = new ArrayDeque<>(List.of(list(directory).iterator()));
            private DirectoryEntry next;

            @Override
            public boolean hasNext() {
                while (next == null && !stack.isEmpty()) {
                    Iterator<DirectoryEntry> top = stack.peek();
                    if (!top.hasNext()) {
                        stack.pop();
                        continue;
                    }
                    DirectoryEntry e = top.next();
                    if (Boolean.TRUE.equals(e.getIsDirectory())) {
                        stack.push(list(e.getPath()).iterator());
                    } else {
                        next = e;
                    }
                }
                return next != null;
            }

            @Override
            public DirectoryEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DirectoryEntry e = next;
                next = null;
                return e;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }

    public void delete(String path) {
        files.delete(new FilesDeleteRequest().setFilePath(path));
    }

    /** Deletes a directory; with {@code recursive} its files and subdirectories first. */
    public void deleteDirectory(String path, boolean recursive) {
        if (recursive) {
            List<String> dirs = new ArrayList<>();
            for (DirectoryEntry e : list(path)) {
                if (Boolean.TRUE.equals(e.getIsDirectory())) {
                    dirs.add(e.getPath());
                } else {
                    delete(e.getPath());
                }
            }
            for (String d : dirs) {
                deleteDirectory(d, true);
            }
        }
        files.deleteDirectory(new FilesDeleteDirectoryRequest().setDirectoryPath(path));
    }
}
