package io.camelbricks.emulator.sql;

import io.camelbricks.emulator.sql.SqlRewriter.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements the emulator answers itself instead of H2, because they concern Unity Catalog's namespace:
 * <pre>
 * CREATE CATALOG [IF NOT EXISTS] c [COMMENT '...']          DROP CATALOG [IF EXISTS] c [CASCADE|RESTRICT]
 * CREATE SCHEMA|DATABASE [IF NOT EXISTS] [c.]s [COMMENT ..]  DROP SCHEMA|DATABASE [IF EXISTS] [c.]s [CASCADE|RESTRICT]
 * USE [CATALOG|SCHEMA|DATABASE] name                         (checked, then a no-op: each request names its defaults)
 * SHOW CATALOGS    SHOW SCHEMAS|DATABASES [IN|FROM c]        SHOW TABLES [IN|FROM [c.]s]
 * </pre>
 */
final class CatalogStatements {

    private CatalogStatements() {
    }

    /** The result of a namespace statement, or null when {@code sig} is not one. */
    static QueryResult tryExecute(List<Token> sig, String catalog, String schema, SqlCatalogs catalogs, SqlEngine engine) {
        Cursor c = new Cursor(sig);
        if (c.word("create")) {
            if (c.word("catalog")) {
                boolean ifNotExists = c.words("if", "not", "exists");
                String name = c.identifier();
                String comment = c.word("comment") ? c.string() : null;
                c.rest();
                catalogs.createCatalog(name, ifNotExists, comment);
                return QueryResult.empty();
            }
            if (c.word("schema") || c.word("database")) {
                boolean ifNotExists = c.words("if", "not", "exists");
                String[] name = c.qualified(catalog);
                String comment = c.word("comment") ? c.string() : null;
                c.rest();
                catalogs.createSchema(name[0], name[1], ifNotExists, comment);
                return QueryResult.empty();
            }
            return null;
        }
        c = new Cursor(sig);
        if (c.word("drop")) {
            if (c.word("catalog")) {
                boolean ifExists = c.words("if", "exists");
                String name = c.identifier();
                boolean cascade = c.word("cascade");
                c.word("restrict");
                c.end();
                catalogs.dropCatalog(name, ifExists, cascade);
                return QueryResult.empty();
            }
            if (c.word("schema") || c.word("database")) {
                boolean ifExists = c.words("if", "exists");
                String[] name = c.qualified(catalog);
                boolean cascade = c.word("cascade");
                c.word("restrict");
                c.end();
                catalogs.dropSchema(name[0], name[1], ifExists, cascade);
                return QueryResult.empty();
            }
            return null;
        }
        c = new Cursor(sig);
        if (c.word("use")) {
            if (c.word("catalog")) {
                requireCatalog(catalogs, c.identifier());
            } else {
                c.word("schema");
                c.word("database");
                String[] name = c.qualified(catalog);
                requireCatalog(catalogs, name[0]);
                requireSchema(catalogs, name[0], name[1]);
            }
            c.end();
            return QueryResult.empty();
        }
        c = new Cursor(sig);
        if (c.word("show")) {
            if (c.word("catalogs")) {
                c.end();
                List<String[]> rows = new ArrayList<>();
                catalogs.catalogNames().forEach(n -> rows.add(new String[] {n}));
                return SqlEngine.stringRows(List.of("catalog"), rows);
            }
            if (c.word("schemas") || c.word("databases")) {
                String in = catalog;
                if (c.word("in") || c.word("from")) {
                    in = c.identifier();
                }
                c.end();
                requireCatalog(catalogs, in);
                List<String[]> rows = new ArrayList<>();
                catalogs.schemaNames(in).forEach(n -> rows.add(new String[] {n}));
                return SqlEngine.stringRows(List.of("databaseName"), rows);
            }
            if (c.word("tables")) {
                String[] name = {catalog, schema};
                if (c.word("in") || c.word("from")) {
                    name = c.qualified(catalog);
                }
                c.end();
                requireCatalog(catalogs, name[0]);
                requireSchema(catalogs, name[0], name[1]);
                List<String[]> rows = new ArrayList<>();
                for (String t : engine.tableNames(name[0], name[1])) {
                    rows.add(new String[] {name[1], t, "false"});
                }
                return SqlEngine.stringRows(List.of("database", "tableName", "isTemporary"), rows);
            }
        }
        return null;
    }

    private static void requireCatalog(SqlCatalogs catalogs, String catalog) {
        if (!catalogs.isCatalog(catalog)) {
            throw SqlFailure.badRequest("NO_SUCH_CATALOG_EXCEPTION", "Catalog '" + catalog + "' was not found.", "42704");
        }
    }

    private static void requireSchema(SqlCatalogs catalogs, String catalog, String schema) {
        if (!catalogs.isSchema(catalog, schema)) {
            throw SqlFailure.badRequest("SCHEMA_NOT_FOUND", "The schema `" + catalog + "`.`" + schema
                    + "` cannot be found.", "42704");
        }
    }

    /** Reads significant tokens left to right. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int i;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean word(String w) {
            if (i < tokens.size() && tokens.get(i).isWord(w)) {
                i++;
                return true;
            }
            return false;
        }

        boolean words(String... ws) {
            for (int k = 0; k < ws.length; k++) {
                if (i + k >= tokens.size() || !tokens.get(i + k).isWord(ws[k])) {
                    return false;
                }
            }
            i += ws.length;
            return true;
        }

        String identifier() {
            if (i >= tokens.size() || !tokens.get(i).isIdent()) {
                throw SqlFailure.badRequest("PARSE_SYNTAX_ERROR", "Syntax error at or near "
                        + (i < tokens.size() ? "'" + tokens.get(i).text() + "'" : "end of input") + ".", "42601");
            }
            return tokens.get(i++).name();
        }

        /** {@code name} or {@code catalog.name}: {catalog, name}. */
        String[] qualified(String defaultCatalog) {
            String first = identifier();
            if (i + 1 < tokens.size() && ".".equals(tokens.get(i).text()) && tokens.get(i + 1).isIdent()) {
                i++;
                return new String[] {first, identifier()};
            }
            return new String[] {defaultCatalog, first};
        }

        String string() {
            if (i >= tokens.size() || tokens.get(i).kind() != SqlRewriter.Kind.STRING) {
                throw SqlFailure.badRequest("PARSE_SYNTAX_ERROR", "Syntax error: expected a string literal.", "42601");
            }
            return tokens.get(i++).text();
        }

        /** Ignores what follows (LOCATION, WITH DBPROPERTIES, MANAGED LOCATION ...). */
        void rest() {
            i = tokens.size();
        }

        void end() {
            if (i < tokens.size()) {
                throw SqlFailure.badRequest("PARSE_SYNTAX_ERROR", "Syntax error at or near '" + tokens.get(i).text()
                        + "'.", "42601");
            }
        }
    }
}
