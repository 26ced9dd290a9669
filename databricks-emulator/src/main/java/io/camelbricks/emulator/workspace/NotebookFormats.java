package io.camelbricks.emulator.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Notebook source, Jupyter and DBC conversions (the emulator's own DBC layout, round-trip safe). */
final class NotebookFormats {

    /** How a language writes its notebook header and cell separator, and its source file extension. */
    enum Lang {
        PYTHON("#", "py", "python"), SQL("--", "sql", "sql"), SCALA("//", "scala", "scala"), R("#", "r", "r");

        final String comment;
        final String extension;
        final String jupyterName;

        Lang(String comment, String extension, String jupyterName) {
            this.comment = comment;
            this.extension = extension;
            this.jupyterName = jupyterName;
        }

        String header() {
            return comment + " Databricks notebook source";
        }

        String separator() {
            return "\n\n" + comment + " COMMAND ----------\n\n";
        }

        static Lang of(String language) {
            return valueOf(language.toUpperCase(Locale.ROOT));
        }

        static Lang byExtension(String extension) {
            for (Lang l : values()) {
                if (l.extension.equalsIgnoreCase(extension)) {
                    return l;
                }
            }
            return null;
        }
    }

    private NotebookFormats() {
    }

    /** The language of a source that starts with a notebook header, or null. */
    static Lang headerLanguage(String source, String extension) {
        String first = source.lines().findFirst().orElse("").trim();
        if (first.equals("-- Databricks notebook source")) {
            return Lang.SQL;
        }
        if (first.equals("// Databricks notebook source")) {
            return Lang.SCALA;
        }
        if (first.equals("# Databricks notebook source")) {
            return "r".equalsIgnoreCase(extension) ? Lang.R : Lang.PYTHON;
        }
        return null;
    }

    /** The source without its header line. */
    static String stripHeader(String source) {
        String first = source.lines().findFirst().orElse("").trim();
        if (first.endsWith("Databricks notebook source")) {
            int nl = source.indexOf('\n');
            return nl < 0 ? "" : source.substring(nl + 1);
        }
        return source;
    }

    static String withHeader(String body, Lang lang) {
        return lang.header() + "\n" + body;
    }

    static List<String> cells(String body, Lang lang) {
        List<String> cells = new ArrayList<>();
        for (String c : body.split("\\n*" + java.util.regex.Pattern.quote(lang.comment + " COMMAND ----------") + "\\n*", -1)) {
            cells.add(c);
        }
        return cells;
    }

    static byte[] toJupyter(String name, String body, Lang lang) {
        ObjectNode nb = Json.object();
        ArrayNode cells = nb.putArray("cells");
        for (String cell : cells(body, lang)) {
            ObjectNode c = cells.addObject();
            c.put("cell_type", "code");
            c.putObject("metadata");
            ArrayNode source = c.putArray("source");
            String[] lines = cell.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                source.add(i < lines.length - 1 ? lines[i] + "\n" : lines[i]);
            }
            c.putArray("outputs");
            c.putNull("execution_count");
        }
        ObjectNode meta = nb.putObject("metadata");
        meta.putObject("language_info").put("name", lang.jupyterName);
        ObjectNode dbx = meta.putObject("application/vnd.databricks.v1+notebook");
        dbx.put("language", lang.jupyterName);
        dbx.put("notebookName", name);
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 0);
        return nb.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }

    /** A notebook body and language from Jupyter JSON; throws IllegalArgumentException when it is not a notebook. */
    static Map.Entry<String, Lang> fromJupyter(byte[] content, String defaultLanguage) {
        JsonNode nb;
        try {
            nb = Json.MAPPER.readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Jupyter notebook: " + e.getMessage());
        }
        if (nb == null || !nb.path("cells").isArray()) {
            throw new IllegalArgumentException("not a Jupyter notebook: no cells");
        }
        String language = nb.path("metadata").path("application/vnd.databricks.v1+notebook").path("language").asText(
                nb.path("metadata").path("language_info").path("name").asText(
                        nb.path("metadata").path("kernelspec").path("language").asText(
                                defaultLanguage == null ? "python" : defaultLanguage)));
        Lang lang;
        try {
            lang = Lang.of(language);
        } catch (IllegalArgumentException e) {
            lang = Lang.PYTHON;
        }
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            StringBuilder source = new StringBuilder();
            JsonNode s = cell.path("source");
            if (s.isArray()) {
                s.forEach(line -> source.append(line.asText()));
            } else {
                source.append(s.asText());
            }
            if ("markdown".equals(cell.path("cell_type").asText())) {
                StringBuilder md = new StringBuilder(lang.comment + " MAGIC %md");
                for (String line : source.toString().split("\n", -1)) {
                    md.append('\n').append(lang.comment).append(" MAGIC ").append(line);
                }
                cells.add(md.toString());
            } else {
                cells.add(source.toString());
            }
        }
        return Map.entry(String.join(lang.separator(), cells), lang);
    }

    /** A DBC archive: one JSON entry per notebook, named {@code relative/path.<ext>}. */
    static byte[] toDbc(Map<String, Map.Entry<String, Lang>> notebooks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, Map.Entry<String, Lang>> e : notebooks.entrySet()) {
                Lang lang = e.getValue().getValue();
                zip.putNextEntry(new ZipEntry(e.getKey() + "." + lang.extension));
                ObjectNode nb = Json.object();
                nb.put("version", "NotebookV1");
                nb.put("name", e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
                nb.put("language", lang.jupyterName);
                ArrayNode commands = nb.putArray("commands");
                int position = 1;
                for (String cell : cells(e.getValue().getKey(), lang)) {
                    ObjectNode c = commands.addObject();
                    c.put("version", "CommandV1");
                    c.put("command", cell);
                    c.put("position", position++);
                }
                zip.write(Json.MAPPER.writeValueAsBytes(nb));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The notebooks of a DBC archive by relative path (without extension); IllegalArgumentException when invalid. */
    static Map<String, Map.Entry<String, Lang>> fromDbc(byte[] content) {
        Map<String, Map.Entry<String, Lang>> result = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                int dot = name.lastIndexOf('.');
                JsonNode nb = Json.MAPPER.readTree(zip.readAllBytes());
                if (nb == null || !nb.path("commands").isArray()) {
                    continue;
                }
                Lang lang;
                try {
                    lang = Lang.of(nb.path("language").asText("python"));
                } catch (IllegalArgumentException e) {
                    lang = Lang.PYTHON;
                }
                List<String> cells = new ArrayList<>();
                nb.path("commands").forEach(c -> cells.add(c.path("command").asText()));
                result.put(dot > 0 ? name.substring(0, dot) : name, Map.entry(String.join(lang.separator(), cells), lang));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a DBC archive: " + e.getMessage());
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("not a DBC archive: no notebooks");
        }
        return result;
    }

    /** A ZIP of source files (directory export in SOURCE format). */
    static byte[] toSourceZip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
