package io.camelbricks.emulator.workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Workspace API ({@code /api/2.0/workspace/...}): import (SOURCE, JUPYTER, DBC, RAW, AUTO; {@code overwrite})
 * as JSON with base64 {@code content} or as a {@code multipart/form-data} form (fields {@code path}, {@code format},
 * {@code language}, {@code overwrite} and a {@code content} file part, read as it arrives), export (SOURCE,
 * JUPYTER, DBC, RAW, AUTO; with {@code direct_download=true} the raw bytes as {@code application/octet-stream}, else
 * base64 in JSON), list,
 * mkdirs, delete ({@code recursive}), get-status. Errors: {@code 404 RESOURCE_DOES_NOT_EXIST} for a missing path or
 * parent folder, {@code 400 RESOURCE_ALREADY_EXISTS}, {@code 400 DIRECTORY_NOT_EMPTY},
 * {@code 400 MAX_NOTEBOOK_SIZE_EXCEEDED} above 10 MB.
 */
public final class WorkspaceHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.0");
    private static final int MAX_SIZE = 10 * 1024 * 1024;

    private final EmulatedWorkspace workspace;
    private final WorkspaceTree tree;

    public WorkspaceHandler(EmulatedWorkspace workspace) {
        this.workspace = workspace;
        this.tree = workspace.tree;
    }

    @Override
    public void register(Router router) {
        router.addStreaming("POST", V, "/workspace/import", this::importContent)
              .get(V, "/workspace/export", this::export)
              .get(V, "/workspace/list", this::list)
              .post(V, "/workspace/mkdirs", this::mkdirs)
              .post(V, "/workspace/delete", this::delete)
              .get(V, "/workspace/get-status", this::getStatus);
    }

    /** JSON with base64 {@code content}, or a streamed multipart form with a {@code content} file part. */
    private ApiResponse importContent(ApiRequest streamed) {
        String contentType = streamed.header("Content-Type");
        if (MultipartFormReader.isMultipart(contentType)) {
            return importForm(MultipartFormReader.read(streamed.bodyStream(), contentType, MAX_SIZE));
        }
        ApiRequest request = buffered(streamed);
        String path = path(request);
        String format = request.optionalString("format").orElse(null);
        String language = request.optionalString("language").orElse(null);
        boolean overwrite = request.optionalBoolean("overwrite");
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(request.optionalString("content").orElse(""));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("The content field is not valid base64.");
        }
        if (content.length > MAX_SIZE) {
            throw tooLarge();
        }
        return importObject(path, format, language, overwrite, content);
    }

    private ApiResponse importForm(MultipartFormReader.Form form) {
        if (form.file() == null || !"content".equals(form.fileField())) {
            throw ApiException.missingField("content");
        }
        if (form.fileTooLarge()) {
            throw tooLarge();
        }
        String path = normalizedPath(form.fields().get("path"));
        String overwrite = form.fields().getOrDefault("overwrite", "false").trim();
        if (!"true".equalsIgnoreCase(overwrite) && !"false".equalsIgnoreCase(overwrite)) {
            throw ApiException.invalidParameter("Invalid value '" + overwrite + "' for parameter overwrite: expected"
                    + " true or false.");
        }
        return importObject(path, form.fields().get("format"), form.fields().get("language"),
                Boolean.parseBoolean(overwrite), form.file());
    }

    /** The request with its body read (the route streams, for multipart uploads). */
    private static ApiRequest buffered(ApiRequest streamed) {
        byte[] body;
        try (InputStream in = streamed.bodyStream()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw ApiException.malformedRequest("failed to read the request body");
        }
        ApiRequest request = new ApiRequest(streamed.requestId(), streamed.method(), streamed.path(),
                streamed.rawQuery(), streamed.headers(), body);
        request.authenticatedAs(streamed.principal());
        return request;
    }

    private static ApiException tooLarge() {
        return new ApiException(400, "MAX_NOTEBOOK_SIZE_EXCEEDED", "The content exceeds the maximum size of "
                + MAX_SIZE + " bytes.");
    }

    private ApiResponse importObject(String path, String formatField, String languageField, boolean overwrite,
                                     byte[] content) {
        String format = formatField == null || formatField.isEmpty() ? "SOURCE" : formatField.toUpperCase(Locale.ROOT);
        String language = languageField == null || languageField.isEmpty() ? null
                : languageField.toUpperCase(Locale.ROOT);
        if (language != null && !Set.of("PYTHON", "SQL", "SCALA", "R").contains(language)) {
            throw ApiException.invalidParameter("Invalid language '" + language + "'.");
        }
        switch (format) {
            case "SOURCE" -> {
                String source = new String(content, StandardCharsets.UTF_8);
                String ext = extension(path);
                NotebookFormats.Lang lang = language != null ? NotebookFormats.Lang.of(language)
                        : NotebookFormats.headerLanguage(source, ext);
                if (lang == null) {
                    throw ApiException.invalidParameter("The language field is required to import a SOURCE notebook"
                            + " without a 'Databricks notebook source' header.");
                }
                store(path, "NOTEBOOK", lang, NotebookFormats.stripHeader(source).getBytes(StandardCharsets.UTF_8),
                        overwrite);
            }
            case "JUPYTER" -> {
                Map.Entry<String, NotebookFormats.Lang> nb = jupyter(content, language);
                store(stripExtension(path, "ipynb"), "NOTEBOOK", nb.getValue(),
                        nb.getKey().getBytes(StandardCharsets.UTF_8), overwrite);
            }
            case "DBC" -> importDbc(path, content, overwrite);
            case "RAW" -> store(path, "FILE", null, content, overwrite);
            case "AUTO" -> {
                String ext = extension(path);
                String text = new String(content, StandardCharsets.UTF_8);
                NotebookFormats.Lang header = NotebookFormats.headerLanguage(text, ext);
                if (header != null) {
                    store(stripExtension(path, ext), "NOTEBOOK", header,
                            NotebookFormats.stripHeader(text).getBytes(StandardCharsets.UTF_8), overwrite);
                } else if ("ipynb".equalsIgnoreCase(ext)) {
                    Map.Entry<String, NotebookFormats.Lang> nb = jupyter(content, language);
                    store(stripExtension(path, ext), "NOTEBOOK", nb.getValue(),
                            nb.getKey().getBytes(StandardCharsets.UTF_8), overwrite);
                } else {
                    store(path, "FILE", null, content, overwrite);
                }
            }
            case "HTML", "R_MARKDOWN" -> throw ApiException.invalidParameter("Importing the " + format
                    + " format is not supported by the Databricks emulator.");
            default -> throw ApiException.invalidParameter("Invalid format '" + format + "'.");
        }
        return ApiResponse.ok(Json.object());
    }

    private static Map.Entry<String, NotebookFormats.Lang> jupyter(byte[] content, String language) {
        try {
            return NotebookFormats.fromJupyter(content, language);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Could not parse the content as a Jupyter notebook (" + e.getMessage()
                    + ").");
        }
    }

    private void importDbc(String path, byte[] content, boolean overwrite) {
        Map<String, Map.Entry<String, NotebookFormats.Lang>> notebooks;
        try {
            notebooks = NotebookFormats.fromDbc(content);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Could not parse the content as a DBC archive (" + e.getMessage() + ").");
        }
        if (notebooks.size() == 1) {
            Map.Entry<String, NotebookFormats.Lang> nb = notebooks.values().iterator().next();
            store(stripExtension(path, "dbc"), "NOTEBOOK", nb.getValue(), nb.getKey().getBytes(StandardCharsets.UTF_8),
                    overwrite);
            return;
        }
        String dir = stripExtension(path, "dbc");
        requireParent(dir);
        if (tree.get(dir).isPresent() && !overwrite) {
            throw alreadyExists(dir);
        }
        String common = commonTop(notebooks.keySet());
        tree.mkdirs(dir);
        for (Map.Entry<String, Map.Entry<String, NotebookFormats.Lang>> e : notebooks.entrySet()) {
            String rel = common == null ? e.getKey() : e.getKey().substring(common.length() + 1);
            String target = dir + "/" + rel;
            tree.mkdirs(WorkspaceTree.parent(target));
            tree.put(target, "NOTEBOOK", e.getValue().getValue().name(),
                    e.getValue().getKey().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String commonTop(java.util.Collection<String> paths) {
        String top = null;
        for (String p : paths) {
            int slash = p.indexOf('/');
            if (slash < 0) {
                return null;
            }
            String first = p.substring(0, slash);
            if (top != null && !top.equals(first)) {
                return null;
            }
            top = first;
        }
        return top;
    }

    private void store(String path, String type, NotebookFormats.Lang lang, byte[] content, boolean overwrite) {
        requireParent(path);
        var existing = tree.get(path);
        if (existing.isPresent()) {
            if (!overwrite || "DIRECTORY".equals(existing.get().type)) {
                throw alreadyExists(path);
            }
            if (!existing.get().type.equals(type)) {
                tree.delete(path);
            }
        }
        tree.put(path, type, lang == null ? null : lang.name(), content);
    }

    private void requireParent(String path) {
        String parent = WorkspaceTree.parent(path);
        var p = tree.get(parent);
        if (p.isEmpty()) {
            throw ApiException.resourceDoesNotExist("The parent folder (" + parent + ") does not exist.");
        }
        if (!"DIRECTORY".equals(p.get().type)) {
            throw ApiException.invalidParameter("The parent (" + parent + ") is not a folder.");
        }
    }

    private ApiResponse export(ApiRequest request) {
        String path = path(request);
        WorkspaceTree.Node node = existing(path);
        String format = request.optionalString("format").filter(s -> !s.isEmpty()).orElse("SOURCE")
                .toUpperCase(Locale.ROOT);
        boolean direct = request.optionalBoolean("direct_download");
        byte[] content;
        String fileType;
        switch (node.type) {
            case "NOTEBOOK" -> {
                NotebookFormats.Lang lang = NotebookFormats.Lang.of(node.language);
                String body = new String(node.content, StandardCharsets.UTF_8);
                switch (format) {
                    case "SOURCE", "AUTO" -> {
                        content = NotebookFormats.withHeader(body, lang).getBytes(StandardCharsets.UTF_8);
                        fileType = lang.extension;
                    }
                    case "JUPYTER" -> {
                        content = NotebookFormats.toJupyter(WorkspaceTree.name(path), body, lang);
                        fileType = "ipynb";
                    }
                    case "DBC" -> {
                        content = NotebookFormats.toDbc(Map.of(WorkspaceTree.name(path), Map.entry(body, lang)));
                        fileType = "dbc";
                    }
                    default -> throw ApiException.invalidParameter("Exporting a notebook as " + format
                            + " is not supported by the Databricks emulator; use SOURCE, JUPYTER, DBC or AUTO.");
                }
            }
            case "FILE" -> {
                if (!Set.of("SOURCE", "AUTO", "RAW").contains(format)) {
                    throw ApiException.invalidParameter("A file can only be exported as SOURCE, RAW or AUTO.");
                }
                content = node.content;
                fileType = extension(path);
            }
            case "DIRECTORY" -> {
                if ("DBC".equals(format)) {
                    Map<String, Map.Entry<String, NotebookFormats.Lang>> notebooks = new LinkedHashMap<>();
                    String base = WorkspaceTree.name(path).isEmpty() ? "root" : WorkspaceTree.name(path);
                    for (var e : tree.descendants(path)) {
                        if ("NOTEBOOK".equals(e.getValue().type)) {
                            notebooks.put(base + e.getKey().substring(path.length()), Map.entry(
                                    new String(e.getValue().content, StandardCharsets.UTF_8),
                                    NotebookFormats.Lang.of(e.getValue().language)));
                        }
                    }
                    content = NotebookFormats.toDbc(notebooks);
                    fileType = "dbc";
                } else if ("SOURCE".equals(format) || "AUTO".equals(format)) {
                    Map<String, byte[]> files = new LinkedHashMap<>();
                    String prefix = "/".equals(path) ? "/" : path + "/";
                    for (var e : tree.descendants(path)) {
                        String rel = e.getKey().substring(prefix.length());
                        WorkspaceTree.Node n = e.getValue();
                        if ("NOTEBOOK".equals(n.type)) {
                            NotebookFormats.Lang lang = NotebookFormats.Lang.of(n.language);
                            files.put(rel + "." + lang.extension, NotebookFormats.withHeader(
                                    new String(n.content, StandardCharsets.UTF_8), lang).getBytes(StandardCharsets.UTF_8));
                        } else if ("FILE".equals(n.type)) {
                            files.put(rel, n.content);
                        }
                    }
                    content = NotebookFormats.toSourceZip(files);
                    fileType = "zip";
                } else {
                    throw ApiException.invalidParameter("A folder can only be exported as DBC, SOURCE or AUTO.");
                }
            }
            default -> throw ApiException.invalidParameter("Cannot export a " + node.type + ".");
        }
        if (content.length > MAX_SIZE) {
            throw new ApiException(400, "MAX_NOTEBOOK_SIZE_EXCEEDED", "The export exceeds the maximum size of "
                    + MAX_SIZE + " bytes.");
        }
        if (direct) {
            return ApiResponse.bytes(200, "application/octet-stream", content, Map.of("Content-Disposition",
                    "attachment; filename=\"" + WorkspaceTree.name(path) + (fileType.isEmpty() ? "" : "." + fileType)
                            .replace("\"", "") + "\""));
        }
        ObjectNode json = Json.object();
        json.put("content", Base64.getEncoder().encodeToString(content));
        json.put("file_type", fileType);
        return ApiResponse.ok(json);
    }

    private ApiResponse list(ApiRequest request) {
        String path = path(request);
        WorkspaceTree.Node node = existing(path);
        long modifiedAfter = request.optionalLong("notebooks_modified_after").orElse(0);
        ObjectNode json = Json.object();
        List<Map.Entry<String, WorkspaceTree.Node>> entries = "DIRECTORY".equals(node.type) ? tree.children(path)
                : List.of(Map.entry(path, node));
        ArrayNode objects = Json.array();
        for (var e : entries) {
            if (modifiedAfter > 0 && "NOTEBOOK".equals(e.getValue().type) && e.getValue().modifiedAt <= modifiedAfter) {
                continue;
            }
            objects.add(info(e.getKey(), e.getValue()));
        }
        if (!objects.isEmpty()) {
            json.set("objects", objects);
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse mkdirs(ApiRequest request) {
        String path = path(request);
        tree.mkdirs(path).ifPresent(blocker -> {
            throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "Cannot create directory " + path + ": "
                    + blocker + " exists and is not a directory.");
        });
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse delete(ApiRequest request) {
        String path = path(request);
        WorkspaceTree.Node node = existing(path);
        if ("/".equals(path)) {
            throw ApiException.invalidParameter("Cannot delete the root folder.");
        }
        if ("DIRECTORY".equals(node.type) && !request.optionalBoolean("recursive") && !tree.children(path).isEmpty()) {
            throw new ApiException(400, "DIRECTORY_NOT_EMPTY", "Folder (" + path + ") is not empty.");
        }
        tree.delete(path);
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse getStatus(ApiRequest request) {
        String path = path(request);
        return ApiResponse.ok(info(path, existing(path)));
    }

    private static ObjectNode info(String path, WorkspaceTree.Node n) {
        ObjectNode json = Json.object();
        json.put("object_type", n.type);
        json.put("path", path);
        if (n.language != null) {
            json.put("language", n.language);
        }
        json.put("object_id", n.objectId);
        json.put("resource_id", Long.toString(n.objectId));
        json.put("created_at", n.createdAt);
        json.put("modified_at", n.modifiedAt);
        if (n.content != null) {
            json.put("size", n.content.length);
        }
        return json;
    }

    private WorkspaceTree.Node existing(String path) {
        return tree.get(path).orElseThrow(() -> ApiException.resourceDoesNotExist("Path (" + path + ") doesn't exist."));
    }

    private static String path(ApiRequest request) {
        return normalizedPath(request.requiredString("path"));
    }

    private static String normalizedPath(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw ApiException.missingField("path");
        }
        String path = raw;
        if (path.startsWith("/Workspace/")) {
            path = path.substring("/Workspace".length());
        }
        if (!path.startsWith("/")) {
            throw ApiException.invalidParameter("Path (" + path + ") must be absolute.");
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.contains("//") || path.contains("/../") || path.endsWith("/..")) {
            throw ApiException.invalidParameter("Invalid path (" + path + ").");
        }
        return path;
    }

    private static String extension(String path) {
        String name = WorkspaceTree.name(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1) : "";
    }

    private static String stripExtension(String path, String ext) {
        return !ext.isEmpty() && path.toLowerCase(Locale.ROOT).endsWith("." + ext.toLowerCase(Locale.ROOT))
                ? path.substring(0, path.length() - ext.length() - 1) : path;
    }

    private static ApiException alreadyExists(String path) {
        return new ApiException(400, "RESOURCE_ALREADY_EXISTS", "Path (" + path + ") already exists.");
    }
}
