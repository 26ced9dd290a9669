package io.camelbricks.api.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelbricks.api.service.workspace.ExportFormat;
import io.camelbricks.api.service.workspace.ImportFormat;
import io.camelbricks.api.service.workspace.Language;

/**
 * The format and language of an import, checked before anything is sent: known formats only, and a language for a
 * {@code SOURCE} notebook (given, or inferred from the path's extension as the Python SDK does).
 */
record ImportChoice(ImportFormat format, Language language) {
    private static final Map<String, Language> BY_EXTENSION = Map.of(
            ".py", Language.PYTHON, ".sql", Language.SQL, ".scala", Language.SCALA, ".r", Language.R);

    /** {@code format} null means SOURCE; {@code language} may be null except for SOURCE without a known extension. */
    static ImportChoice of(String path, ImportFormat format, Language language) {
        ImportFormat f = format == null ? ImportFormat.SOURCE : format;
        if (!f.isKnown()) {
            throw new IllegalArgumentException("unknown import format '" + f + "'; accepted: "
                    + names(ImportFormat.knownValues()));
        }
        if (language != null && !language.isKnown()) {
            throw new IllegalArgumentException("unknown notebook language '" + language + "'; accepted: "
                    + names(Language.knownValues()));
        }
        Language l = language;
        if (l == null && ImportFormat.SOURCE.equals(f)) {
            l = fromExtension(path);
            if (l == null) {
                throw new IllegalArgumentException("importing " + path + " as SOURCE needs a language: one of "
                        + names(Language.knownValues()) + " (or a path ending in .py, .sql, .scala or .r); "
                        + "ImportFormat.AUTO lets the workspace decide from the extension and the content");
            }
        }
        return new ImportChoice(f, l);
    }

    /** Known export formats only. */
    static ExportFormat check(ExportFormat format) {
        ExportFormat f = format == null ? ExportFormat.SOURCE : format;
        if (!f.isKnown()) {
            throw new IllegalArgumentException("unknown export format '" + f + "'; accepted: "
                    + names(ExportFormat.knownValues()));
        }
        return f;
    }

    private static Language fromExtension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? null
                : BY_EXTENSION.get(path.substring(dot).toLowerCase(Locale.ROOT));
    }

    private static String names(List<?> values) {
        return String.join(", ", values.stream().map(Object::toString).toList());
    }
}
