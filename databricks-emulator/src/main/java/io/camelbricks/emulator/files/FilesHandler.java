package io.camelbricks.emulator.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Files API ({@code /api/2.0/fs/files{path}} and {@code /api/2.0/fs/directories{path}}) on Unity Catalog volume
 * paths.
 * <ul>
 *   <li>{@code PUT} files: the body is streamed to a temporary file (never held in memory), then moved into place;
 *       {@code overwrite} defaults to false ({@code 409 ALREADY_EXISTS}); parent directories are created;
 *       {@code 204}.</li>
 *   <li>{@code GET} files: streamed, {@code Content-Length}, {@code Content-Type: application/octet-stream},
 *       {@code Last-Modified}; a single {@code Range: bytes=a-b | a- | -n} gets {@code 206} with
 *       {@code Content-Range}, an unsatisfiable one {@code 416}.</li>
 *   <li>{@code HEAD} files and directories, {@code DELETE} files ({@code 204}) and empty directories.</li>
 *   <li>Directories: {@code PUT} is {@code mkdir -p} (idempotent), {@code GET} lists one level in name order with
 *       {@code page_size} (default and maximum 1000) and {@code page_token}.</li>
 * </ul>
 * Missing files and directories: {@code 404 NOT_FOUND}.
 */
public final class FilesHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.0");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");
    private static final int MAX_PAGE = 1000;

    private final EmulatedFiles files;
    private final PageSizes pageSizes;

    public FilesHandler(EmulatedFiles files) {
        this(files, new PageSizes(0));
    }

    /** @param pageSizes forced page sizes ({@code emu.pageSizes()}) for directory listings */
    public FilesHandler(EmulatedFiles files, PageSizes pageSizes) {
        this.files = files;
        this.pageSizes = pageSizes;
    }

    @Override
    public void register(Router router) {
        router.addStreaming("PUT", V, "/fs/files{file_path}", this::upload)
              .add("GET", V, "/fs/files{file_path}", this::download)
              .add("HEAD", V, "/fs/files{file_path}", this::fileMetadata)
              .add("DELETE", V, "/fs/files{file_path}", this::deleteFile)
              .add("PUT", V, "/fs/directories{directory_path}", this::createDirectory)
              .add("GET", V, "/fs/directories{directory_path}", this::listDirectory)
              .add("HEAD", V, "/fs/directories{directory_path}", this::directoryMetadata)
              .add("DELETE", V, "/fs/directories{directory_path}", this::deleteDirectory);
    }

    private ApiResponse upload(ApiRequest request) {
        String path = request.pathParameter("file_path");
        boolean overwrite = request.optionalBoolean("overwrite");
        Path target = files.volume(path, true);
        if (path.endsWith("/") || target.equals(files.volumeRootOf(target))) {
            throw ApiException.invalidParameter("A file path must name a file, not a directory: " + path);
        }
        checkWritable(target, path, overwrite);
        Path temp = files.newTempFile();
        try (InputStream in = request.bodyStream(); OutputStream out = Files.newOutputStream(temp)) {
            in.transferTo(out);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new UncheckedIOException("upload interrupted", e);
        }
        synchronized (files) {
            checkWritable(target, path, overwrite);
            files.install(temp, target);
        }
        return ApiResponse.bytes(204, "application/json", new byte[0], Map.of());
    }

    private void checkWritable(Path target, String path, boolean overwrite) {
        if (Files.isDirectory(target)) {
            throw new ApiException(409, "ALREADY_EXISTS", "A directory already exists at " + path + ".");
        }
        if (Files.exists(target) && !overwrite) {
            throw new ApiException(409, "ALREADY_EXISTS", "The file being created already exists.");
        }
        Path root = files.volumeRootOf(target);
        for (Path p = target.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                throw new ApiException(409, "ALREADY_EXISTS", "A file exists where a parent directory of " + path
                        + " should be.");
            }
        }
    }

    private ApiResponse download(ApiRequest request) {
        String path = request.pathParameter("file_path");
        Path file = existingFile(path);
        BasicFileAttributes a = attributes(file);
        long size = a.size();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Last-Modified", HTTP_DATE.format(a.lastModifiedTime().toInstant()));
        headers.put("Accept-Ranges", "bytes");
        long from = 0;
        long to = size - 1;
        int status = 200;
        String range = request.header("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    from = Math.max(0, size - suffix);
                } else {
                    from = Long.parseLong(m.group(1));
                    to = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
                }
                if (from >= size || from > to || (m.group(1).isEmpty() && Long.parseLong(m.group(2)) == 0)) {
                    headers.put("Content-Range", "bytes */" + size);
                    return ApiResponse.bytes(416, "application/json", error("INVALID_PARAMETER_VALUE",
                            "The requested range is not satisfiable for a file of " + size + " bytes.", request),
                            headers);
                }
                status = 206;
                headers.put("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
        }
        long length = Math.max(0, to - from + 1);
        headers.put("Content-Length", Long.toString(length));
        if ("HEAD".equals(request.method())) {
            return ApiResponse.stream(status, "application/octet-stream", length, headers, out -> { });
        }
        long start = from;
        return ApiResponse.stream(status, "application/octet-stream", length, headers, out -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.position(start);
                long remaining = length;
                InputStream in = Channels.newInputStream(channel);
                byte[] buffer = new byte[64 * 1024];
                while (remaining > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    remaining -= n;
                }
            }
        });
    }

    private ApiResponse fileMetadata(ApiRequest request) {
        Path file = existingFile(request.pathParameter("file_path"));
        BasicFileAttributes a = attributes(file);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Length", Long.toString(a.size()));
        headers.put("Last-Modified", HTTP_DATE.format(a.lastModifiedTime().toInstant()));
        return ApiResponse.stream(200, "application/octet-stream", a.size(), headers, out -> { });
    }

    private ApiResponse deleteFile(ApiRequest request) {
        Path file = existingFile(request.pathParameter("file_path"));
        synchronized (files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return noContent();
    }

    private ApiResponse createDirectory(ApiRequest request) {
        String path = request.pathParameter("directory_path");
        Path dir = files.volume(path, true);
        Path root = files.volumeRootOf(dir);
        for (Path p = dir; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                throw new ApiException(409, "ALREADY_EXISTS", "A file exists at " + path
                        + " or one of its parents.");
            }
        }
        try {
            files.mkdirs(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return noContent();
    }

    private ApiResponse directoryMetadata(ApiRequest request) {
        existingDirectory(request.pathParameter("directory_path"));
        return ApiResponse.bytes(200, "application/json", new byte[0], Map.of());
    }

    private ApiResponse listDirectory(ApiRequest request) {
        String path = request.pathParameter("directory_path");
        Path dir = existingDirectory(path);
        long pageSize = request.optionalLong("page_size").orElse(MAX_PAGE);
        if (pageSize < 0) {
            throw ApiException.invalidParameter("page_size must not be negative.");
        }
        int size = pageSizes.resolve(java.util.OptionalLong.of(pageSize), MAX_PAGE, MAX_PAGE,
                "files.Files.listDirectoryContents", "/fs/directories");
        String after = request.optionalString("page_token").filter(t -> !t.isEmpty()).map(FilesHandler::decodeToken)
                .orElse(null);
        List<Path> children = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.sorted().forEach(children::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        ObjectNode json = Json.object();
        ArrayNode contents = json.putArray("contents");
        String last = null;
        boolean more = false;
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (after != null && name.compareTo(after) <= 0) {
                continue;
            }
            if (contents.size() == size) {
                more = true;
                break;
            }
            BasicFileAttributes a = attributes(child);
            ObjectNode entry = contents.addObject();
            entry.put("path", base + "/" + name + (a.isDirectory() ? "/" : ""));
            entry.put("name", name);
            entry.put("is_directory", a.isDirectory());
            if (!a.isDirectory()) {
                entry.put("file_size", a.size());
            }
            entry.put("last_modified", a.lastModifiedTime().toMillis());
            last = name;
        }
        if (contents.isEmpty()) {
            json.remove("contents");
        }
        if (more) {
            json.put("next_page_token", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("v1|dir|" + last).getBytes(StandardCharsets.UTF_8)));
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse deleteDirectory(ApiRequest request) {
        String path = request.pathParameter("directory_path");
        Path dir = existingDirectory(path);
        if (dir.equals(files.volumeRootOf(dir))) {
            throw ApiException.invalidParameter("The root directory of a volume cannot be deleted.");
        }
        synchronized (files) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new ApiException(400, "FAILED_PRECONDITION", "The directory being deleted is not empty.");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return noContent();
    }

    private Path existingFile(String path) {
        Path file = files.volume(path, false);
        if (!Files.isRegularFile(file)) {
            throw new ApiException(404, "NOT_FOUND", "The file being accessed is not found.");
        }
        return file;
    }

    private Path existingDirectory(String path) {
        Path dir = files.volume(path, false);
        if (!Files.isDirectory(dir)) {
            throw new ApiException(404, "NOT_FOUND", "The directory being accessed is not found.");
        }
        return dir;
    }

    private static String decodeToken(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith("v1|dir|")) {
                return raw.substring("v1|dir|".length());
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ApiException.invalidParameter("Invalid page token: " + token);
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return EmulatedFiles.attributes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiResponse noContent() {
        return ApiResponse.bytes(204, "application/json", new byte[0], Map.of());
    }

    private static byte[] error(String code, String message, ApiRequest request) {
        ObjectNode body = Json.object();
        body.put("error_code", code);
        body.put("message", message);
        ObjectNode info = body.putArray("details").addObject();
        info.put("@type", "type.googleapis.com/google.rpc.RequestInfo");
        info.put("request_id", request.requestId());
        info.put("serving_data", "");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
