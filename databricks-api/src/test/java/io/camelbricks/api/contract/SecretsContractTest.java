package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.error.ResourceAlreadyExists;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.workspace.AclItem;
import io.camelbricks.api.service.workspace.AclPermission;
import io.camelbricks.api.service.workspace.CreateScope;
import io.camelbricks.api.service.workspace.DeleteAcl;
import io.camelbricks.api.service.workspace.DeleteScope;
import io.camelbricks.api.service.workspace.DeleteSecret;
import io.camelbricks.api.service.workspace.PutAcl;
import io.camelbricks.api.service.workspace.PutSecret;
import io.camelbricks.api.service.workspace.SecretMetadata;
import io.camelbricks.api.service.workspace.SecretScope;
import io.camelbricks.api.service.workspace.SecretsGetAclRequest;
import io.camelbricks.api.service.workspace.SecretsGetSecretRequest;
import io.camelbricks.api.service.workspace.SecretsListAclsRequest;
import io.camelbricks.api.service.workspace.SecretsListSecretsRequest;

/** The typed client's Secrets service against the emulator: scopes, values in and out, ACLs, and no leaks. */
class SecretsContractTest extends EmulatorContract {

    @BeforeEach
    void seed() {
        w.secrets().createScope(new CreateScope().setScope("etl"));
    }

    private static byte[] get(String scope, String key) {
        return Base64.getDecoder().decode(w.secrets().getSecret(new SecretsGetSecretRequest().setScope(scope)
                .setKey(key)).getValue());
    }

    @Test
    void stringAndBytesValuesComeBackAsBase64() {
        w.secrets().putSecret(new PutSecret().setScope("etl").setKey("password").setStringValue("s3cr\u00e9t"));
        w.secrets().putSecret(new PutSecret().setScope("etl").setKey("keyfile")
                .setBytesValue(Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 255})));

        assertThat(new String(get("etl", "password"), StandardCharsets.UTF_8)).isEqualTo("s3cr\u00e9t");
        assertThat(get("etl", "keyfile")).containsExactly(0, 1, 255);
        assertThat(w.secrets().listSecrets(new SecretsListSecretsRequest().setScope("etl")).stream()
                .map(SecretMetadata::getKey)).containsExactly("keyfile", "password");
        assertThat(emu.secrets().secret("etl", "password")).contains("s3cr\u00e9t");
    }

    @Test
    void secretValuesNeverReachTheRequestLog() {
        w.secrets().putSecret(new PutSecret().setScope("etl").setKey("token").setStringValue("do-not-log-me"));
        assertThat(emu.requests().all()).allSatisfy(r -> assertThat(r.bodyText()).doesNotContain("do-not-log-me"));
        assertThat(emu.requests().matching("POST", "/secrets/put").get(0).bodyText()).contains("\"string_value\":\"***\"");
    }

    @Test
    void scopesAreListedAndDuplicatesAndBadNamesRefused() {
        assertThatThrownBy(() -> w.secrets().createScope(new CreateScope().setScope("etl")))
                .isInstanceOf(ResourceAlreadyExists.class);
        assertThatThrownBy(() -> w.secrets().createScope(new CreateScope().setScope("bad name!")))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        w.secrets().createScope(new CreateScope().setScope("another"));

        assertThat(w.secrets().listScopes().stream().map(SecretScope::getName)).containsExactly("another", "etl");
        assertThat(w.secrets().listScopes().stream().map(s -> s.getBackendType().value())).containsOnly("DATABRICKS");
        w.secrets().deleteScope(new DeleteScope().setScope("another"));
        assertThatThrownBy(() -> w.secrets().deleteScope(new DeleteScope().setScope("another")))
                .isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void putNeedsExactlyOneValueAndMissingSecretsAre404() {
        assertThatThrownBy(() -> w.secrets().putSecret(new PutSecret().setScope("etl").setKey("k")))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> w.secrets().putSecret(new PutSecret().setScope("nope").setKey("k").setStringValue("v")))
                .isInstanceOf(ResourceDoesNotExist.class);
        assertThatThrownBy(() -> get("etl", "missing")).isInstanceOf(ResourceDoesNotExist.class);

        w.secrets().putSecret(new PutSecret().setScope("etl").setKey("k").setStringValue("v"));
        w.secrets().deleteSecret(new DeleteSecret().setScope("etl").setKey("k"));
        assertThatThrownBy(() -> w.secrets().deleteSecret(new DeleteSecret().setScope("etl").setKey("k")))
                .isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void aclsArePutReadListedAndDeleted() {
        w.secrets().putAcl(new PutAcl().setScope("etl").setPrincipal("data-engineers").setPermission(AclPermission.READ));

        assertThat(w.secrets().getAcl(new SecretsGetAclRequest().setScope("etl").setPrincipal("data-engineers"))
                .getPermission()).isEqualTo(AclPermission.READ);
        assertThat(w.secrets().listAcls(new SecretsListAclsRequest().setScope("etl")).stream()
                .map(a -> a.getPrincipal() + "=" + a.getPermission().value()))
                .containsExactly(emu.options().userName() + "=MANAGE", "data-engineers=READ");
        w.secrets().deleteAcl(new DeleteAcl().setScope("etl").setPrincipal("data-engineers"));
        assertThatThrownBy(() -> w.secrets().getAcl(new SecretsGetAclRequest().setScope("etl")
                .setPrincipal("data-engineers"))).isInstanceOf(ResourceDoesNotExist.class);
        assertThat(w.secrets().listAcls(new SecretsListAclsRequest().setScope("etl")).stream().map(AclItem::getPrincipal))
                .containsExactly(emu.options().userName());
    }
}
