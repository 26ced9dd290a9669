package io.camelbricks.codegen.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The generated files (Java sources, or the resources beside them), kept sorted by path. Writing leaves unchanged files untouched (so incremental compilation
 * sees only real changes) and removes {@code .java} files of earlier runs below the generated package roots.
 */
public final class GeneratedSources {

    /** Package directories owned by the generator; stale files below them are deleted. */
    public static final List<String> OWNED_ROOTS = List.of("io/camelbricks/api/service", "io/camelbricks/api/generated");

    private final SortedMap<String, String> files = new TreeMap<>();

    public void add(JavaSourceFile file) {
        add(file.relativePath(), file.render());
    }

    /** A file that is not a Java source (e.g. a resource), at {@code relativePath} below the output root. */
    public void add(String relativePath, String content) {
        if (files.put(relativePath, content) != null) {
            throw new IllegalStateException("generated twice: " + relativePath);
        }
    }

    /** Path below the source root → content, sorted by path. */
    public Map<String, String> files() {
        return Collections.unmodifiableSortedMap(files);
    }

    /** Writes into {@code outDir}; returns how many files changed on disk (written or deleted). */
    public int writeTo(Path outDir) throws IOException {
        int changed = 0;
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path target = outDir.resolve(e.getKey());
            byte[] content = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            changed++;
        }
        for (String root : OWNED_ROOTS) {
            Path dir = outDir.resolve(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> stale = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !files.containsKey(outDir.relativize(p).toString().replace('\\', '/')))
                        .forEach(stale::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Path p : stale) {
                Files.delete(p);
                changed++;
            }
        }
        return changed;
    }
}
