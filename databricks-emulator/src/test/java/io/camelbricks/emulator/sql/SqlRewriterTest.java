package io.camelbricks.emulator.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlRewriterTest {

    private static final SqlRewriter.Namespace NAMESPACE = new SqlRewriter.Namespace() {
        @Override
        public boolean isCatalog(String catalog) {
            return Set.of("main", "sales").contains(catalog);
        }

        @Override
        public boolean isSchema(String catalog, String schema) {
            return Set.of("main.default", "main.raw", "sales.default").contains(catalog + "." + schema);
        }
    };

    private static String rewrite(String sql) {
        return SqlRewriter.rewrite(SqlRewriter.tokenize(sql), "main", NAMESPACE, Map.of("n", "INTEGER")).sql();
    }

    @Test
    void threePartNamesBecomeTheH2SchemaOfTheUnityCatalogSchema() {
        assertThat(rewrite("SELECT * FROM sales.default.orders o JOIN main.raw.x ON o.id = x.id"))
                .isEqualTo("SELECT * FROM \"sales.default\".orders o JOIN \"main.raw\".x ON o.id = x.id");
    }

    @Test
    void twoPartNamesUseTheCurrentCatalogOnlyForKnownSchemas() {
        assertThat(rewrite("SELECT t.a FROM raw.t t WHERE t.b = 1")).isEqualTo("SELECT t.a FROM \"main.raw\".t t WHERE t.b = 1");
    }

    @Test
    void backticksBecomeQuotedLowerCaseIdentifiersAndDoubleQuotesStrings() {
        assertThat(rewrite("SELECT `Col A` FROM `main`.`default`.`T` WHERE x = \"it's\""))
                .isEqualTo("SELECT \"col a\" FROM \"main.default\".\"t\" WHERE x = 'it''s'");
    }

    @Test
    void stringsAndCommentsAreLeftAlone() {
        assertThat(rewrite("SELECT 'main.default.t', :n -- main.raw.x :n\n/* sales.default.y */"))
                .isEqualTo("SELECT 'main.default.t', CAST(? AS INTEGER) -- main.raw.x :n\n/* sales.default.y */");
    }

    @Test
    void parameterMarkersAreReplacedInOrderButNotCasts() {
        SqlRewriter.Rewritten r = SqlRewriter.rewrite(SqlRewriter.tokenize("SELECT :a, x::int, :n, :a"), "main",
                NAMESPACE, Map.of("n", "INTEGER"));
        assertThat(r.sql()).isEqualTo("SELECT CAST(? AS VARCHAR), x::int, CAST(? AS INTEGER), CAST(? AS VARCHAR)");
        assertThat(r.parameterNames()).containsExactly("a", "n", "a");
    }

    @Test
    void deltaClausesOfCreateTableAreDropped() {
        assertThat(rewrite("CREATE TABLE t (a INT) USING DELTA TBLPROPERTIES ('x' = '1')").trim())
                .isEqualTo("CREATE TABLE t (a INT)");
        assertThat(rewrite("SELECT * FROM a JOIN b USING (id)")).isEqualTo("SELECT * FROM a JOIN b USING (id)");
    }

    @Test
    void unterminatedStringsAreSyntaxErrors() {
        assertThatThrownBy(() -> SqlRewriter.tokenize("SELECT 'abc")).isInstanceOf(SqlFailure.class)
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR]");
        assertThat(SqlRewriter.significant(SqlRewriter.tokenize("a /* b */ c"))).extracting(SqlRewriter.Token::text)
                .isEqualTo(List.of("a", "c"));
    }
}
