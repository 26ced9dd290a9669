package io.camelbricks.api.files;

import static io.camelbricks.api.testing.GeneratedBytes.generated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.catalog.CreateVolumeRequestContent;
import io.camelbricks.api.service.catalog.VolumeType;
import io.camelbricks.api.service.workspace.CreateScope;
import io.camelbricks.api.service.workspace.PutSecret;
import io.camelbricks.api.service.workspace.SecretMetadata;
import io.camelbricks.api.service.workspace.SecretScope;
import io.camelbricks.api.testing.GeneratedBytes;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;

/** {@code w.dbutils()}: the path-routing fs (Volumes, dbfs:, file:) and secrets. */
class DbUtilsEmulatorTest {
    private static final String VOLUME = "/Volumes/main/default/landing";
    private static DatabricksEmulator emu;
    private static WorkspaceClient w;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        emu = EmulatorOptions.builder().emulator().start();
        w = new WorkspaceClient(TestClients.fast(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .resolve(Map.of())));
    }

    @AfterAll
    static void stop() {
        w.close();
        emu.close();
    }

    @BeforeEach
    void fresh() {
        emu.reset();
        w.volumes().create(new CreateVolumeRequestContent().setCatalogName("main").setSchemaName("default")
                .setName("landing").setVolumeType(VolumeType.MANAGED));
    }

    private Path tree(Path root) throws Exception {
        Files.createDirectories(root.resolve("a/b"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("top.txt"), "top");
        Files.writeString(root.resolve("a/one.csv"), "id,name\n1,x\n");
        try (InputStream in = generated(2 * 1024 * 1024 + 17, 5)) {
            Files.copy(in, root.resolve("a/b/blob.bin"));
        }
        return root;
    }

    private static void assertSameTree(Path expected, Path actual) throws Exception {
        try (Stream<Path> s = Files.walk(expected)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path other = actual.resolve(expected.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    assertThat(other).isDirectory();
                } else {
                    assertThat(Files.mismatch(p, other)).as(p.toString()).isEqualTo(-1L);
                }
            }
        }
        try (Stream<Path> a = Files.walk(expected); Stream<Path> b = Files.walk(actual)) {
            assertThat(b.count()).isEqualTo(a.count());
        }
    }

    @Test
    void aLocalTreeIsCopiedToAVolumeAndBackByteIdentical() throws Exception {
        Path local = tree(tmp.resolve("src"));
        Fs fs = w.dbutils().fs();
        fs.cp("file:" + local, VOLUME + "/tree", true, false);

        assertThat(fs.ls(VOLUME + "/tree")).extracting(FsEntry::name, FsEntry::isDir)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", true),
                        org.assertj.core.groups.Tuple.tuple("empty", true),
                        org.assertj.core.groups.Tuple.tuple("top.txt", false));
        assertThat(fs.head(VOLUME + "/tree/a/one.csv", 4)).isEqualTo("id,n");

        fs.cp(VOLUME + "/tree", "file:" + tmp.resolve("back"), true, false);
        assertSameTree(local, tmp.resolve("back"));
    }

    @Test
    void aTreeGoesThroughDbfsAndBetweenDbfsAndVolumes() throws Exception {
        Path local = tree(tmp.resolve("src"));
        Fs fs = w.dbutils().fs();
        fs.cp("file://" + local, "dbfs:/staging", true, false);
        assertThat(fs.ls("dbfs:/staging")).extracting(FsEntry::path)
                .containsExactly("dbfs:/staging/a", "dbfs:/staging/empty", "dbfs:/staging/top.txt");
        fs.cp("dbfs:/staging", VOLUME + "/from-dbfs", true, false);
        fs.mv(VOLUME + "/from-dbfs", "dbfs:/moved", true);
        assertThat(fs.exists(VOLUME + "/from-dbfs")).isFalse();
        fs.cp("dbfs:/moved", "file:" + tmp.resolve("back"), true, false);
        assertSameTree(local, tmp.resolve("back"));

        fs.rm("dbfs:/staging", true);
        assertThat(fs.exists("dbfs:/staging")).isFalse();
        assertThatThrownBy(() -> fs.cp("dbfs:/moved", "dbfs:/x", false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recursive");
    }

    @Test
    void putHeadMkdirsAndRm() {
        Fs fs = w.dbutils().fs();
        fs.mkdirs(VOLUME + "/d/e");
        fs.put(VOLUME + "/d/e/note.txt", "hello world", false);
        fs.put("dbfs:/notes/n.txt", "dbfs note", false);
        assertThat(fs.head(VOLUME + "/d/e/note.txt", 5)).isEqualTo("hello");
        assertThat(fs.head("dbfs:/notes/n.txt", 100)).isEqualTo("dbfs note");
        assertThat(fs.ls(VOLUME + "/d/e/note.txt")).extracting(FsEntry::size).containsExactly(11L);
        fs.rm(VOLUME + "/d", true);
        assertThat(fs.exists(VOLUME + "/d")).isFalse();
        assertThatThrownBy(() -> fs.ls("relative/path")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsAreDecodedFromBase64() {
        w.secrets().createScope(new CreateScope().setScope("etl"));
        w.secrets().putSecret(new PutSecret().setScope("etl").setKey("password").setStringValue("s3cr\u00e9t"));
        w.secrets().putSecret(new PutSecret().setScope("etl").setKey("keyfile")
                .setBytesValue(Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 255})));

        DbUtils.Secrets secrets = w.dbutils().secrets();
        assertThat(secrets.get("etl", "password")).isEqualTo("s3cr\u00e9t");
        assertThat(secrets.getBytes("etl", "keyfile")).containsExactly(0, 1, 255);
        List<SecretMetadata> keys = secrets.list("etl");
        assertThat(keys).extracting(SecretMetadata::getKey).containsExactly("keyfile", "password");
        assertThat(keys.toString()).doesNotContain("s3cr");
        assertThat(secrets.listScopes()).extracting(SecretScope::getName).containsExactly("etl");
        assertThatThrownBy(() -> secrets.get("etl", "missing")).isInstanceOf(ResourceDoesNotExist.class);
    }
}
