package io.camelbricks.emulator.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The workspace file tree ({@code /Users/<user>}, {@code /Shared} at start), test-facing side: seeding notebooks and
 * files, reading them back.
 *
 * <pre>{@code
 * emu.workspace().putNotebook("/Shared/etl", "PYTHON", "print('hi')");
 * emu.workspace().notebookSource("/Shared/etl");   // Optional["print('hi')"]
 * }</pre>
 */
public final class EmulatedWorkspace {

    final WorkspaceTree tree;
    private final String userName;

    public EmulatedWorkspace(Clock clock, String userName) {
        this.tree = new WorkspaceTree(clock);
        this.userName = userName;
        tree.clear(userName);
    }

    /** Creates or replaces a notebook (parents created); {@code language} PYTHON, SQL, SCALA or R. */
    public void putNotebook(String path, String language, String source) {
        NotebookFormats.Lang lang = NotebookFormats.Lang.of(language);
        tree.mkdirs(WorkspaceTree.parent(path));
        tree.put(path, "NOTEBOOK", lang.name(), NotebookFormats.stripHeader(source).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates or replaces a workspace file (parents created). */
    public void putFile(String path, byte[] content) {
        tree.mkdirs(WorkspaceTree.parent(path));
        tree.put(path, "FILE", null, content.clone());
    }

    /** Creates a directory and its parents. */
    public void mkdirs(String path) {
        tree.mkdirs(path);
    }

    /**
     * Registers a Git folder (object_type {@code REPO}) at {@code path}, parents created; returns its object_id
     * (the Repos API uses it as the repo id). Empty when the path, or a parent, is taken by another object.
     */
    public OptionalLong putRepo(String path) {
        if (tree.get(path).isPresent() || tree.mkdirs(WorkspaceTree.parent(path)).isPresent()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(tree.put(path, "REPO", null, null).objectId);
    }

    /** Removes an object and everything under it (like {@code workspace/delete} with {@code recursive}). */
    public void delete(String path) {
        tree.delete(path);
    }

    /** A notebook's source without the {@code Databricks notebook source} header. */
    public Optional<String> notebookSource(String path) {
        return tree.get(path).filter(n -> "NOTEBOOK".equals(n.type))
                .map(n -> new String(n.content, StandardCharsets.UTF_8));
    }

    /** A workspace file's bytes. */
    public Optional<byte[]> fileContent(String path) {
        return tree.get(path).filter(n -> "FILE".equals(n.type)).map(n -> n.content.clone());
    }

    /** NOTEBOOK, DIRECTORY, FILE or REPO. */
    public Optional<String> objectType(String path) {
        return tree.get(path).map(n -> n.type);
    }

    /** The object_id of a path (for the Permissions API on notebooks and directories). */
    public Optional<Long> objectId(String path) {
        return tree.get(path).map(n -> n.objectId);
    }

    /** The object type (NOTEBOOK, DIRECTORY, FILE) of an object_id. */
    public Optional<String> objectTypeById(long objectId) {
        return tree.byId(objectId).map(e -> e.getValue().type);
    }

    /** Paths directly under a directory. */
    public List<String> list(String directory) {
        return tree.children(directory).stream().map(Map.Entry::getKey).toList();
    }

    /** Back to {@code /Users/<user>} and {@code /Shared}. */
    public void reset() {
        tree.clear(userName);
    }

    String userName() {
        return userName;
    }
}
