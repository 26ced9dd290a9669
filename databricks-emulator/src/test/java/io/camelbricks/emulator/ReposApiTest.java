package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelbricks.emulator.spec.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Repos API over raw HTTP: Git folders with deterministic fake commits, paging, errors, the workspace tree. */
class ReposApiTest {

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

    private static EmulatorClient.Reply create(String body) {
        return client.post("/api/2.0/repos", body);
    }

    @Test
    void aCreatedRepoIsOnMainUnderTheUsersReposFolderAndAppearsInTheWorkspaceTree() {
        EmulatorClient.Reply created = create("{\"url\":\"https://github.com/acme/etl.git\",\"provider\":\"github\"}");

        assertThat(created.status()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        String path = "/Repos/" + emu.options().userName() + "/etl";
        assertThat(created.json().path("path").asText()).isEqualTo(path);
        assertThat(created.json().path("provider").asText()).as("canonical spelling").isEqualTo("gitHub");
        assertThat(created.json().path("branch").asText()).isEqualTo("main");
        assertThat(created.json().path("head_commit_id").asText()).matches("[0-9a-f]{40}");
        assertThat(client.get("/api/2.0/repos/" + id).json()).isEqualTo(created.json());
        SchemaValidator strict = new SchemaValidator(emu.spec(), false);
        assertThat(strict.validate(created.json(), emu.spec().schema("workspace.GetRepoResponse"))).isEmpty();
        assertThat(strict.validate(client.get("/api/2.0/repos").json(), emu.spec().schema("workspace.ListReposResponse")))
                .isEmpty();

        EmulatorClient.Reply status = client.get("/api/2.0/workspace/get-status?path=" + path);
        assertThat(status.json().path("object_type").asText()).isEqualTo("REPO");
        assertThat(status.json().path("object_id").asLong()).isEqualTo(id);
    }

    @Test
    void theSameCheckoutAlwaysShowsTheSameCommit() {
        long a = emu.repos().createRepo("https://gitlab.com/acme/a.git", null, "/Repos/team/a");
        long b = emu.repos().createRepo("https://gitlab.com/acme/a.git", null, "/Repos/team/b");
        String main = emu.repos().repo(a).orElseThrow().headCommitId();
        assertThat(emu.repos().repo(b).orElseThrow().headCommitId()).isEqualTo(main);
        assertThat(emu.repos().repo(a).orElseThrow().provider()).as("inferred from the host").isEqualTo("gitLab");

        assertThat(client.send("PATCH", "/api/2.0/repos/" + a, "{\"branch\":\"dev\"}").status()).isEqualTo(200);
        String dev = client.get("/api/2.0/repos/" + a).json().path("head_commit_id").asText();
        assertThat(dev).isNotEqualTo(main);

        client.send("PATCH", "/api/2.0/repos/" + a, "{\"tag\":\"v1.0\"}");
        EmulatorClient.Reply tagged = client.get("/api/2.0/repos/" + a);
        assertThat(tagged.json().has("branch")).as("detached head").isFalse();
        assertThat(tagged.json().path("head_commit_id").asText()).isNotIn(main, dev);

        client.send("PATCH", "/api/2.0/repos/" + a, "{\"branch\":\"main\"}");
        assertThat(client.get("/api/2.0/repos/" + a).json().path("head_commit_id").asText()).isEqualTo(main);
    }

    @Test
    void sparseCheckoutPatternsAreKeptAndReplaced() {
        long id = create("{\"url\":\"https://github.com/acme/mono\",\"provider\":\"gitHub\","
                + "\"sparse_checkout\":{\"patterns\":[\"jobs\",\"libs\"]}}").json().path("id").asLong();
        assertThat(client.get("/api/2.0/repos/" + id).json().at("/sparse_checkout/patterns"))
                .extracting(n -> n.asText()).containsExactly("jobs", "libs");
        assertThat(new SchemaValidator(emu.spec(), false).validate(client.get("/api/2.0/repos/" + id).json(),
                emu.spec().schema("workspace.RepoInfo"))).isEmpty();

        client.send("PATCH", "/api/2.0/repos/" + id, "{\"sparse_checkout\":{\"patterns\":[\"jobs\"]}}");
        assertThat(emu.repos().repo(id).orElseThrow().sparseCheckoutPatterns()).containsExactly("jobs");
        assertThat(emu.repos().repo(id).orElseThrow().branch()).isEqualTo("main");
    }

    @Test
    void listFiltersByPathPrefixAndPagesWithNextPageToken() {
        for (String name : List.of("c", "a", "b")) {
            emu.repos().createRepo("https://github.com/acme/" + name, "gitHub", "/Repos/team/" + name);
        }
        emu.repos().createRepo("https://github.com/acme/other", "gitHub", "/Repos/else/other");
        emu.pageSizes().max(2);

        List<String> paths = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            EmulatorClient.Reply page = client.get("/api/2.0/repos?path_prefix=/Repos/team"
                    + (token.isEmpty() ? "" : "&next_page_token=" + token));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("repos").forEach(r -> paths.add(r.path("path").asText()));
            token = page.json().path("next_page_token").asText("");
            pages++;
        } while (!token.isEmpty());

        assertThat(paths).containsExactly("/Repos/team/a", "/Repos/team/b", "/Repos/team/c");
        assertThat(pages).isEqualTo(2);
        assertThat(client.get("/api/2.0/repos?path_prefix=/Repos/none").json().has("repos")).isFalse();
    }

    @Test
    void unknownDeletedAndInvalidReposAreErrorsInTheUsualShape() {
        EmulatorClient.Reply missing = client.get("/api/2.0/repos/42");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(missing.message()).isEqualTo("Repo 42 does not exist.");

        long id = emu.repos().createRepo("https://github.com/acme/etl", "gitHub", null);
        assertThat(client.send("DELETE", "/api/2.0/repos/" + id, null).status()).isEqualTo(200);
        assertThat(client.get("/api/2.0/repos/" + id).status()).isEqualTo(404);
        assertThat(emu.workspace().objectType("/Repos/" + emu.options().userName() + "/etl")).isEmpty();
        assertThat(client.send("PATCH", "/api/2.0/repos/" + id, "{\"branch\":\"x\"}").status()).isEqualTo(404);

        assertThat(create("{\"provider\":\"gitHub\"}").message()).isEqualTo("Missing required field: url");
        assertThat(create("{\"url\":\"https://example.com/x.git\",\"provider\":\"svn\"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(create("{\"url\":\"https://github.com/a/x\",\"path\":\"/Repos/x\"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        create("{\"url\":\"https://github.com/a/x\",\"path\":\"/Repos/t/x\"}");
        EmulatorClient.Reply taken = create("{\"url\":\"https://github.com/a/y\",\"path\":\"/Repos/t/x\"}");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
        long other = emu.repos().createRepo("https://github.com/a/z", null, "/Repos/t/z");
        assertThat(client.send("PATCH", "/api/2.0/repos/" + other, "{\"branch\":\"a\",\"tag\":\"b\"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void deletingTheRepoFolderThroughTheWorkspaceApiDeletesTheRepo() {
        long id = create("{\"url\":\"https://github.com/acme/etl\",\"path\":\"/Workspace/Repos/team/etl\"}")
                .json().path("id").asLong();
        assertThat(emu.repos().repo(id).orElseThrow().path()).isEqualTo("/Repos/team/etl");

        assertThat(client.post("/api/2.0/workspace/delete", "{\"path\":\"/Repos/team/etl\"}").status()).isEqualTo(200);
        assertThat(client.get("/api/2.0/repos/" + id).status()).isEqualTo(404);
        assertThat(emu.repos().repos()).isEmpty();
    }
}
