package io.camelbricks.emulator.workspace;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The workspace file tree: directories, notebooks (their source, without the {@code Databricks notebook source}
 * header) and workspace files (their bytes), by absolute path. Thread-safe (one lock).
 */
final class WorkspaceTree {

    /** One object. {@code content} is the notebook source (UTF-8) or the file's bytes; null for directories. */
    static final class Node {
        final long objectId;
        final String type;
        String language;
        byte[] content;
        final long createdAt;
        long modifiedAt;

        Node(long objectId, String type, String language, byte[] content, long now) {
            this.objectId = objectId;
            this.type = type;
            this.language = language;
            this.content = content;
            this.createdAt = now;
            this.modifiedAt = now;
        }
    }

    private final Clock clock;
    private final TreeMap<String, Node> nodes = new TreeMap<>();
    private long nextObjectId = 1_000_000_000_000_001L;

    WorkspaceTree(Clock clock) {
        this.clock = clock;
    }

    synchronized void clear(String userName) {
        nodes.clear();
        nextObjectId = 1_000_000_000_000_001L;
        nodes.put("/", new Node(0, "DIRECTORY", null, null, clock.millis()));
        mkdirs("/Users/" + userName);
        mkdirs("/Shared");
    }

    synchronized Optional<Node> get(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    synchronized Optional<Map.Entry<String, Node>> byId(long objectId) {
        return nodes.entrySet().stream().filter(e -> e.getValue().objectId == objectId).findFirst();
    }

    /** Creates the directory and its parents; returns the first existing non-directory on the way, if any. */
    synchronized Optional<String> mkdirs(String path) {
        List<String> chain = new ArrayList<>();
        for (String p = path; p != null; p = parent(p)) {
            chain.add(0, p);
        }
        for (String p : chain) {
            Node n = nodes.get(p);
            if (n != null && !"DIRECTORY".equals(n.type)) {
                return Optional.of(p);
            }
        }
        for (String p : chain) {
            nodes.computeIfAbsent(p, k -> new Node(nextObjectId++, "DIRECTORY", null, null, clock.millis()));
        }
        return Optional.empty();
    }

    synchronized Node put(String path, String type, String language, byte[] content) {
        Node existing = nodes.get(path);
        if (existing != null && existing.type.equals(type)) {
            existing.language = language;
            existing.content = content;
            existing.modifiedAt = clock.millis();
            return existing;
        }
        Node n = new Node(nextObjectId++, type, language, content, clock.millis());
        nodes.put(path, n);
        return n;
    }

    /** Direct children of a directory, by path. */
    synchronized List<Map.Entry<String, Node>> children(String dir) {
        String prefix = "/".equals(dir) ? "/" : dir + "/";
        List<Map.Entry<String, Node>> result = new ArrayList<>();
        for (Map.Entry<String, Node> e : nodes.tailMap(prefix, false).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (e.getKey().indexOf('/', prefix.length()) < 0) {
                result.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        return result;
    }

    /** Everything under a directory (not the directory itself), by path. */
    synchronized List<Map.Entry<String, Node>> descendants(String dir) {
        String prefix = "/".equals(dir) ? "/" : dir + "/";
        List<Map.Entry<String, Node>> result = new ArrayList<>();
        for (Map.Entry<String, Node> e : nodes.tailMap(prefix, false).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            result.add(Map.entry(e.getKey(), e.getValue()));
        }
        return result;
    }

    synchronized void delete(String path) {
        descendants(path).forEach(e -> nodes.remove(e.getKey()));
        nodes.remove(path);
    }

    static String parent(String path) {
        if ("/".equals(path)) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
