package io.camelbricks.emulator.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns Databricks SQL text into H2 SQL, token by token (strings and comments are never touched):
 * <ul>
 *   <li>{@code `ident`} becomes {@code "ident"} (lower case: Databricks identifiers are case-insensitive);</li>
 *   <li>a double-quoted {@code "text"} is a string literal in Databricks SQL and becomes {@code 'text'};</li>
 *   <li>three-part names {@code catalog.schema.object} become {@code "catalog.schema".object}, the H2 schema that holds
 *       the Unity Catalog schema; a two-part {@code schema.object} whose first part is a schema of the current catalog
 *       becomes {@code "current.schema".object};</li>
 *   <li>named parameter markers {@code :name} become {@code CAST(? AS type)} in order of appearance;</li>
 *   <li>{@code USING DELTA|PARQUET|...} and {@code TBLPROPERTIES (...)} of a CREATE TABLE are dropped.</li>
 * </ul>
 */
final class SqlRewriter {

    /** Which names are catalogs and schemas (two-part names are only rewritten for known schemas). */
    interface Namespace {
        boolean isCatalog(String catalog);

        boolean isSchema(String catalog, String schema);
    }

    /** The rewritten SQL and the parameter names in the order of their {@code ?}. */
    record Rewritten(String sql, List<String> parameterNames) {
    }

    private static final Set<String> TABLE_FORMATS = Set.of("delta", "parquet", "csv", "json", "orc", "avro", "text",
            "iceberg", "binaryfile", "jdbc");

    enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, PARAM, SYMBOL, SPACE, COMMENT }

    record Token(Kind kind, String text) {
        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        boolean isIdent() {
            return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
        }

        /** The identifier's name as H2 stores it (lower case). */
        String name() {
            return kind == Kind.QUOTED_IDENT ? text : text.toLowerCase(Locale.ROOT);
        }
    }

    private SqlRewriter() {
    }

    /** Splits SQL into tokens; throws {@link SqlFailure} for an unterminated string, identifier or comment. */
    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.SPACE, sql.substring(start, i)));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                tokens.add(new Token(Kind.COMMENT, sql.substring(start, i)));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw SqlFailure.parse("Unclosed bracketed comment", sql, start);
                }
                i = end + 2;
                tokens.add(new Token(Kind.COMMENT, sql.substring(start, i)));
            } else if (c == '\'' || c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        value.append(unescape(sql.charAt(i + 1)));
                        i += 2;
                    } else if (d == c) {
                        if (i + 1 < n && sql.charAt(i + 1) == c) {
                            value.append(c);
                            i += 2;
                        } else {
                            i++;
                            closed = true;
                            break;
                        }
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw SqlFailure.parse("Unterminated string literal", sql, start);
                }
                tokens.add(new Token(Kind.STRING, value.toString()));
            } else if (c == '`') {
                StringBuilder value = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '`') {
                        if (i + 1 < n && sql.charAt(i + 1) == '`') {
                            value.append('`');
                            i += 2;
                        } else {
                            i++;
                            closed = true;
                            break;
                        }
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw SqlFailure.parse("Unterminated quoted identifier", sql, start);
                }
                tokens.add(new Token(Kind.QUOTED_IDENT, value.toString().toLowerCase(Locale.ROOT)));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i)));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(start, i)));
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                tokens.add(new Token(Kind.SYMBOL, "::"));
                i += 2;
            } else if (c == ':' && i + 1 < n && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')) {
                i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.PARAM, sql.substring(start + 1, i)));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            default -> c;
        };
    }

    /** The tokens without spaces and comments. */
    static List<Token> significant(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind() != Kind.SPACE && t.kind() != Kind.COMMENT) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * @param parameterTypes H2 type of each named parameter (lower-case name → type); markers for names not in it are
     *                       still replaced, and reported for the caller to reject
     */
    static Rewritten rewrite(List<Token> tokens, String catalog, Namespace namespace,
                             java.util.Map<String, String> parameterTypes) {
        List<Token> sig = significant(tokens);
        boolean createTable = sig.size() > 1 && sig.get(0).isWord("create") && containsWordBefore(sig, "table", 6);
        StringBuilder out = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case STRING -> {
                    out.append('\'').append(t.text().replace("'", "''")).append('\'');
                    i++;
                }
                case PARAM -> {
                    String name = t.text().toLowerCase(Locale.ROOT);
                    parameters.add(name);
                    out.append("CAST(? AS ").append(parameterTypes.getOrDefault(name, "VARCHAR")).append(')');
                    i++;
                }
                case WORD, QUOTED_IDENT -> {
                    if (createTable && t.isWord("using") && nextSignificant(tokens, i) >= 0
                            && TABLE_FORMATS.contains(tokens.get(nextSignificant(tokens, i)).text().toLowerCase(Locale.ROOT))) {
                        i = nextSignificant(tokens, i) + 1;
                        continue;
                    }
                    if (createTable && t.isWord("tblproperties")) {
                        i = skipParenthesised(tokens, i + 1);
                        continue;
                    }
                    List<Integer> chain = chain(tokens, i);
                    i = rewriteChain(tokens, chain, catalog, namespace, out);
                }
                default -> {
                    out.append(t.text());
                    i++;
                }
            }
        }
        return new Rewritten(out.toString(), parameters);
    }

    private static boolean containsWordBefore(List<Token> sig, String word, int within) {
        for (int k = 1; k < Math.min(sig.size(), within); k++) {
            if (sig.get(k).isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private static int nextSignificant(List<Token> tokens, int from) {
        for (int k = from + 1; k < tokens.size(); k++) {
            Kind kind = tokens.get(k).kind();
            if (kind != Kind.SPACE && kind != Kind.COMMENT) {
                return k;
            }
        }
        return -1;
    }

    private static int skipParenthesised(List<Token> tokens, int from) {
        int k = nextSignificant(tokens, from - 1);
        if (k < 0 || !"(".equals(tokens.get(k).text())) {
            return from;
        }
        int depth = 0;
        for (; k < tokens.size(); k++) {
            String text = tokens.get(k).text();
            if (tokens.get(k).kind() == Kind.SYMBOL && "(".equals(text)) {
                depth++;
            } else if (tokens.get(k).kind() == Kind.SYMBOL && ")".equals(text)) {
                depth--;
                if (depth == 0) {
                    return k + 1;
                }
            }
        }
        return tokens.size();
    }

    /** Indexes of the identifiers of a dotted chain starting at {@code start} (no spaces inside the chain). */
    private static List<Integer> chain(List<Token> tokens, int start) {
        List<Integer> parts = new ArrayList<>();
        parts.add(start);
        int k = start + 1;
        while (k + 1 < tokens.size() && tokens.get(k).kind() == Kind.SYMBOL && ".".equals(tokens.get(k).text())
                && tokens.get(k + 1).isIdent()) {
            parts.add(k + 1);
            k += 2;
        }
        return parts;
    }

    private static int rewriteChain(List<Token> tokens, List<Integer> chain, String catalog, Namespace namespace,
                                    StringBuilder out) {
        int first = chain.get(0);
        boolean afterDot = first > 0 && tokens.get(first - 1).kind() == Kind.SYMBOL && ".".equals(tokens.get(first - 1).text());
        int last = chain.get(chain.size() - 1);
        boolean function = last + 1 < tokens.size() && "(".equals(tokens.get(last + 1).text())
                && tokens.get(last + 1).kind() == Kind.SYMBOL;
        List<Token> parts = chain.stream().map(tokens::get).toList();
        int from = 0;
        if (!afterDot && parts.size() >= 3 && namespace.isCatalog(parts.get(0).name())) {
            out.append(quote(parts.get(0).name() + "." + parts.get(1).name()));
            from = 2;
        } else if (!afterDot && parts.size() >= 2 && !function && catalog != null
                && namespace.isSchema(catalog, parts.get(0).name())
                && !(parts.size() >= 3 && namespace.isCatalog(parts.get(0).name()))) {
            out.append(quote(catalog + "." + parts.get(0).name()));
            from = 1;
        }
        for (int p = from; p < parts.size(); p++) {
            if (p > 0) {
                out.append('.');
            }
            Token part = parts.get(p);
            out.append(part.kind() == Kind.QUOTED_IDENT ? quote(part.text()) : part.text());
        }
        return last + 1;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
