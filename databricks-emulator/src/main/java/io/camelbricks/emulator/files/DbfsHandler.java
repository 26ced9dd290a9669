package io.camelbricks.emulator.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * DBFS ({@code /api/2.0/dbfs/...}): put (inline {@code contents} up to 1 MB), create / add-block (up to 1 MB per
 * block) / close with handles that expire after 10 idle minutes on the clock, read (at most 1 MB per call), get-status,
 * list, mkdirs, move, delete (recursive). Errors as DBFS sends them: {@code RESOURCE_DOES_NOT_EXIST} (404),
 * {@code RESOURCE_ALREADY_EXISTS}, {@code MAX_BLOCK_SIZE_EXCEEDED}, {@code MAX_READ_SIZE_EXCEEDED},
 * {@code IO_ERROR} (a non-empty directory without {@code recursive}), all 400.
 */
public final class DbfsHandler implements ServiceHandler {

    /** The 1 MB limit of inline contents, blocks and reads. */
    public static final int MAX_BLOCK = 1024 * 1024;
    private static final int DEFAULT_READ = 512 * 1024;
    private static final Set<String> V = Set.of("2.0");

    private final EmulatedFiles files;

    public DbfsHandler(EmulatedFiles files) {
        this.files = files;
    }

    @Override
    public void register(Router router) {
        router.post(V, "/dbfs/put", this::put)
              .post(V, "/dbfs/create", this::create)
              .post(V, "/dbfs/add-block", this::addBlock)
              .post(V, "/dbfs/close", this::close)
              .get(V, "/dbfs/read", this::read)
              .get(V, "/dbfs/get-status", this::getStatus)
              .get(V, "/dbfs/list", this::list)
              .post(V, "/dbfs/mkdirs", this::mkdirs)
              .post(V, "/dbfs/move", this::move)
              .post(V, "/dbfs/delete", this::delete);
    }

    private ApiResponse put(ApiRequest request) {
        String path = request.requiredString("path");
        Path target = files.dbfs(path);
        boolean overwrite = request.optionalBoolean("overwrite");
        byte[] contents = decode(request.optionalString("contents").orElse(""), "contents");
        if (contents.length > MAX_BLOCK) {
            throw new ApiException(400, "MAX_BLOCK_SIZE_EXCEEDED", "The contents of a put request are limited to "
                    + MAX_BLOCK + " bytes (got " + contents.length + "); use create, add-block and close for larger"
                    + " files.");
        }
        checkWritable(target, path, overwrite);
        Path temp = files.newTempFile();
        try {
            Files.write(temp, contents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.install(temp, target);
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse create(ApiRequest request) {
        String path = request.requiredString("path");
        Path target = files.dbfs(path);
        boolean overwrite = request.optionalBoolean("overwrite");
        checkWritable(target, path, overwrite);
        EmulatedFiles.Handle h = files.openHandle(path, overwrite);
        ObjectNode json = Json.object();
        json.put("handle", h.id);
        return ApiResponse.ok(json);
    }

    private ApiResponse addBlock(ApiRequest request) {
        long id = request.requiredLong("handle");
        String data = request.optionalString("data").orElseThrow(() -> ApiException.missingField("data"));
        byte[] block = decode(data, "data");
        if (block.length > MAX_BLOCK) {
            throw new ApiException(400, "MAX_BLOCK_SIZE_EXCEEDED", "A block is limited to " + MAX_BLOCK
                    + " bytes (got " + block.length + ").");
        }
        EmulatedFiles.Handle h = files.handle(id);
        synchronized (h) {
            try {
                Files.write(h.temp, block, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse close(ApiRequest request) {
        long id = request.requiredLong("handle");
        EmulatedFiles.Handle h = files.handle(id);
        synchronized (h) {
            Path target = files.dbfs(h.path);
            files.closeHandle(h);
            checkWritable(target, h.path, h.overwrite);
            files.install(h.temp, target);
        }
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse read(ApiRequest request) {
        String path = request.requiredString("path");
        Path file = existing(path);
        long offset = request.optionalLong("offset").orElse(0);
        long length = request.optionalLong("length").orElse(DEFAULT_READ);
        if (offset < 0) {
            throw ApiException.invalidParameter("offset must not be negative.");
        }
        if (length < 0) {
            throw ApiException.invalidParameter("length must not be negative.");
        }
        if (length > MAX_BLOCK) {
            throw new ApiException(400, "MAX_READ_SIZE_EXCEEDED", "Cannot read more than " + MAX_BLOCK
                    + " bytes per call (length " + length + ").");
        }
        if (Files.isDirectory(file)) {
            throw ApiException.invalidParameter("Cannot read from a directory: " + path);
        }
        byte[] bytes;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int n = (int) Math.max(0, Math.min(length, size - offset));
            bytes = new byte[n];
            if (n > 0) {
                raf.seek(offset);
                raf.readFully(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode json = Json.object();
        json.put("bytes_read", bytes.length);
        json.put("data", Base64.getEncoder().encodeToString(bytes));
        return ApiResponse.ok(json);
    }

    private ApiResponse getStatus(ApiRequest request) {
        String path = request.requiredString("path");
        return ApiResponse.ok(info(existing(path)));
    }

    private ApiResponse list(ApiRequest request) {
        String path = request.requiredString("path");
        Path dir = existing(path);
        ObjectNode json = Json.object();
        if (!Files.isDirectory(dir)) {
            json.putArray("files").add(info(dir));
            return ApiResponse.ok(json);
        }
        List<Path> children = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.sorted().forEach(children::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!children.isEmpty()) {
            ArrayNode array = json.putArray("files");
            children.forEach(c -> array.add(info(c)));
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse mkdirs(ApiRequest request) {
        String path = request.requiredString("path");
        Path dir = files.dbfs(path);
        for (Path p = dir; p != null && !p.equals(files.dbfs("/")); p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "Cannot create directory " + path
                        + ": a file exists at " + files.dbfsName(p) + ".");
            }
        }
        try {
            files.mkdirs(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse move(ApiRequest request) {
        String source = request.requiredString("source_path");
        String destination = request.requiredString("destination_path");
        Path from = existing(source);
        Path to = files.dbfs(destination);
        if (Files.exists(to)) {
            throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "A file or directory already exists at the"
                    + " destination path " + destination + ".");
        }
        if (to.startsWith(from)) {
            throw ApiException.invalidParameter("Cannot move " + source + " into itself.");
        }
        synchronized (files) {
            try {
                Files.createDirectories(to.getParent());
                Files.move(from, to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse delete(ApiRequest request) {
        String path = request.requiredString("path");
        Path p = files.dbfs(path);
        boolean recursive = request.optionalBoolean("recursive");
        if (p.equals(files.dbfs("/"))) {
            throw ApiException.invalidParameter("Cannot delete the root directory.");
        }
        if (!Files.exists(p)) {
            return ApiResponse.ok(Json.object());
        }
        synchronized (files) {
            try {
                if (Files.isDirectory(p) && !recursive) {
                    try (Stream<Path> entries = Files.list(p)) {
                        if (entries.findAny().isPresent()) {
                            throw new ApiException(400, "IO_ERROR", "Directory " + path + " is not empty; set"
                                    + " recursive to delete it with its contents.");
                        }
                    }
                }
                EmulatedFiles.deleteRecursively(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ApiResponse.ok(Json.object());
    }

    private Path existing(String path) {
        Path p = files.dbfs(path);
        if (!Files.exists(p)) {
            throw ApiException.resourceDoesNotExist("No file or directory exists on path " + path + ".");
        }
        return p;
    }

    private void checkWritable(Path target, String path, boolean overwrite) {
        if (Files.isDirectory(target) || (Files.exists(target) && !overwrite)) {
            throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "A file or directory already exists at the input"
                    + " path " + path + ".");
        }
        for (Path p = target.getParent(); p != null && !p.equals(files.dbfs("/")); p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "A file exists at " + files.dbfsName(p)
                        + ", a parent of " + path + ".");
            }
        }
    }

    private ObjectNode info(Path p) {
        try {
            BasicFileAttributes a = EmulatedFiles.attributes(p);
            ObjectNode json = Json.object();
            json.put("path", files.dbfsName(p));
            json.put("is_dir", a.isDirectory());
            json.put("file_size", a.isDirectory() ? 0 : a.size());
            json.put("modification_time", a.lastModifiedTime().toMillis());
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] decode(String base64, String field) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("The " + field + " field is not valid base64.");
        }
    }
}
