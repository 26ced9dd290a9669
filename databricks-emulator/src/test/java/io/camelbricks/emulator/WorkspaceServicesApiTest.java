package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelbricks.emulator.sql.EmulatedSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL, Unity Catalog, files, SCIM and workspace services over raw HTTP: forced page sizes, requests the typed
 * clients cannot make, reset and close.
 */
class WorkspaceServicesApiTest {

    private static DatabricksEmulator emu;
    private static EmulatorClient client;

    @BeforeAll
    static void start() {
        emu = new DatabricksEmulator().start();
        client = new EmulatorClient(emu);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void fresh() {
        emu.reset();
    }

    private static EmulatorClient.Reply statement(String sql, String extra) {
        return client.post("/api/2.0/sql/statements", "{\"warehouse_id\":\"" + EmulatedSql.DEFAULT_WAREHOUSE_ID
                + "\",\"statement\":\"" + sql + "\"" + extra + "}");
    }

    @Test
    void forcedPageSizesApplyToCatalogScimAndDirectoryLists() {
        for (int i = 0; i < 3; i++) {
            emu.catalog().createSchema("main", "s" + i);
            emu.identities().addUser("u" + i + "@example.com");
        }
        emu.pageSizes().max(2);

        EmulatorClient.Reply schemas = client.get("/api/2.1/unity-catalog/schemas?catalog_name=main");
        assertThat(schemas.json().path("schemas")).hasSize(2);
        assertThat(schemas.json().path("next_page_token").asText()).isNotEmpty();
        EmulatorClient.Reply users = client.get("/api/2.0/preview/scim/v2/Users?count=100");
        assertThat(users.json().path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(users.json().path("totalResults").asInt()).isEqualTo(4);

        emu.catalog().createVolume("main", "default", "v");
        for (int i = 0; i < 3; i++) {
            emu.files().writeVolumeFile("/Volumes/main/default/v/f" + i, new byte[0]);
        }
        List<String> names = new ArrayList<>();
        String token = "";
        do {
            EmulatorClient.Reply page = client.get("/api/2.0/fs/directories/Volumes/main/default/v"
                    + (token.isEmpty() ? "" : "?page_token=" + token));
            page.json().path("contents").forEach(e -> names.add(e.path("name").asText()));
            token = page.json().path("next_page_token").asText("");
        } while (!token.isEmpty());
        assertThat(names).containsExactly("f0", "f1", "f2");
    }

    @Test
    void arrowStreamIsNotImplementedAndOneStatementPerRequest() {
        EmulatorClient.Reply arrow = statement("SELECT 1", ",\"disposition\":\"EXTERNAL_LINKS\",\"format\":\"ARROW_STREAM\"");
        assertThat(arrow.status()).isEqualTo(501);
        assertThat(arrow.errorCode()).isEqualTo("NOT_IMPLEMENTED");

        EmulatorClient.Reply two = statement("SELECT 1; SELECT 2", "");
        assertThat(two.status()).isEqualTo(200);
        assertThat(two.json().path("status").path("state").asText()).isEqualTo("FAILED");
        assertThat(statement("SELECT 1;", "").json().path("result").path("data_array").toString()).isEqualTo("[[\"1\"]]");
    }

    @Test
    void unboundParametersFailTheStatement() {
        EmulatorClient.Reply r = statement("SELECT :missing", "");
        assertThat(r.json().path("status").path("error").path("message").asText()).startsWith("[UNBOUND_SQL_PARAMETER]");
    }

    @Test
    void percentEncodedFilePathsAreDecodedOnce() {
        emu.catalog().createVolume("main", "default", "v");
        EmulatorClient.Reply put = client.send("PUT", "/api/2.0/fs/files/Volumes/main/default/v/a%20b%2Bc%25d.txt",
                "x");
        assertThat(put.status()).isEqualTo(204);
        assertThat(emu.files().existsVolumeFile("/Volumes/main/default/v/a b+c%d.txt")).isTrue();
    }

    @Test
    void resetBringsBackTheSeededWorkspace() {
        emu.sql().execute("CREATE TABLE main.default.t (x INT)");
        emu.catalog().createCatalog("extra");
        emu.files().writeDbfs("/a", new byte[] {1});
        emu.secrets().putSecret("s", "k", "v");
        emu.workspace().putNotebook("/Shared/n", "SQL", "SELECT 1");
        emu.identities().addUser("x@example.com");

        emu.reset();

        assertThat(emu.catalog().catalogNames()).containsExactly("main");
        assertThat(emu.catalog().table("main.default.t")).isEmpty();
        assertThat(emu.files().existsDbfs("/a")).isFalse();
        assertThat(emu.secrets().scopeNames()).isEmpty();
        assertThat(emu.workspace().list("/Shared")).isEmpty();
        assertThat(emu.identities().userByName("x@example.com")).isEmpty();
        assertThat(emu.sql().warehouseState(EmulatedSql.DEFAULT_WAREHOUSE_ID)).contains("RUNNING");
        assertThat(client.get("/api/2.0/preview/scim/v2/Me").json().path("userName").asText())
                .isEqualTo(emu.options().userName());
    }

    @Test
    void closeRemovesTheTemporaryDirectory() {
        DatabricksEmulator other = new DatabricksEmulator().start();
        Path root = other.files().root();
        other.files().writeDbfs("/x/y.bin", new byte[10]);
        assertThat(Files.exists(root)).isTrue();

        other.close();

        assertThat(Files.exists(root)).isFalse();
    }
}
