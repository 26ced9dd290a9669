package io.camelbricks.it;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.http.JdkHttpTransport;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.api.service.sql.Disposition;
import io.camelbricks.api.service.sql.ExecuteStatementRequest;
import io.camelbricks.api.sql.StatementResult;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.sql.EmulatedSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credentials go only to the configured host: a redirect to another host is not followed (by either transport), so
 * the {@code Authorization} header never reaches it; SQL results fetched from external (presigned) links never
 * carry the workspace's credentials.
 */
class CredentialScopeIT extends CamelContextSupport {
    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private DatabricksEmulator emulator;

    @BeforeEach
    void fresh() {
        emulator = DATABRICKS.emulator();
        emulator.reset();
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedSoTheTokenStaysHome() throws Exception {
        // "another host": a second loopback address (127.0.0.2), as a redirect from a compromised proxy would name
        try (LoopbackHttp elsewhere = LoopbackHttp.answering(InetAddress.getByName("127.0.0.2"),
                LoopbackHttp.Reply.of(200, "application/json", "{\"jobs\":[]}"));
             LoopbackHttp redirecting = LoopbackHttp.answering(new LoopbackHttp.Reply(307,
                     Map.of("Location", elsewhere.url() + "/api/2.2/jobs/list"), new byte[0], 1))) {
            start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to("databricks:jobs/list?disableRetries=true&host=" + redirecting.url()
                            + "&token=RAW(" + emulator.token() + ")");
                }
            });

            Exchange out = template.request("direct:list", e -> e.getMessage().setBody(null));

            assertThat(out.getException()).isNotNull().hasMessageContaining("307");
            assertThat(redirecting.seen()).hasSize(1).first()
                    .satisfies(s -> assertThat(s.header("Authorization")).isEqualTo("Bearer " + emulator.token()));
            // the JDK transport does not follow it either
            DatabricksConfig config = new DatabricksConfig().setHost(redirecting.url()).setToken(emulator.token())
                    .setDisableRetries(true);
            try (JdkHttpTransport jdk = new JdkHttpTransport(config.transportSettings(2));
                 WorkspaceClient w = new WorkspaceClient(ApiClient.builder(config).transport(jdk).build())) {
                assertThatThrownBy(() -> w.jobs().list(new JobsListRequest()).iterator().hasNext())
                        .hasMessageContaining("307");
            }
            assertThat(redirecting.seen()).hasSize(2);
            assertThat(elsewhere.seen()).as("nothing reached the other host").isEmpty();
        }
    }

    @Test
    void externalResultLinksNeverCarryTheWorkspaceCredentials() {
        emulator.sql().execute("CREATE TABLE main.default.it_numbers (id INT)");
        emulator.sql().execute("INSERT INTO main.default.it_numbers SELECT id FROM range(1, 31)");
        emulator.sql().chunkRows(10);
        try (WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(emulator.url())
                .setToken(emulator.token()))) {
            StatementResult result = w.sql().execute(new ExecuteStatementRequest()
                    .setWarehouseId(EmulatedSql.DEFAULT_WAREHOUSE_ID)
                    .setStatement("SELECT id FROM main.default.it_numbers ORDER BY id")
                    .setDisposition(Disposition.EXTERNAL_LINKS));
            List<Object> ids = new java.util.ArrayList<>();
            result.forEach(row -> ids.add(row.get("id")));
            assertThat(ids).hasSize(30);
        }
        // the link host refuses any Authorization header (as S3 does); every link was fetched bare
        var links = emulator.requests().all().stream().filter(r -> r.path().contains("/cloud-storage/")).toList();
        assertThat(links).hasSize(3).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
        });
        assertThat(emulator.requests().all()).filteredOn(r -> !r.path().contains("/cloud-storage/"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.headers().keySet()).anyMatch(h -> h.equalsIgnoreCase("Authorization")));
    }
}
