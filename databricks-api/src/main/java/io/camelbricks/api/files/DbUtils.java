package io.camelbricks.api.files;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.service.workspace.SecretMetadata;
import io.camelbricks.api.service.workspace.SecretScope;
import io.camelbricks.api.service.workspace.SecretsGetSecretRequest;
import io.camelbricks.api.service.workspace.SecretsListSecretsRequest;
import io.camelbricks.api.service.workspace.SecretsService;

/**
 * The part of {@code dbutils} the Python SDK runs outside a notebook: {@link #fs()} and {@link #secrets()}.
 * (Calls that need a cluster, such as mounts, are not offered.)
 */
public final class DbUtils {
    private final Fs fs;
    private final Secrets secrets;

    public DbUtils(ApiClient api) {
        this.fs = new Fs(api);
        this.secrets = new Secrets(new SecretsService(api));
    }

    /** {@code dbutils.fs}: ls, cp, mv, rm, mkdirs, head, put over Volumes, DBFS and local paths. */
    public Fs fs() { return fs; }

    public Secrets secrets() { return secrets; }

    /** {@code dbutils.secrets}: values are decoded from base64 and never logged or printed by this class. */
    public static final class Secrets {
        private final SecretsService service;

        Secrets(SecretsService service) {
            this.service = service;
        }

        /** The secret's bytes (decoded from the base64 the API answers). */
        public byte[] getBytes(String scope, String key) {
            String value = service.getSecret(new SecretsGetSecretRequest().setScope(scope).setKey(key)).getValue();
            return value == null ? new byte[0] : Base64.getDecoder().decode(value);
        }

        /** The secret as UTF-8 text. */
        public String get(String scope, String key) {
            return new String(getBytes(scope, key), StandardCharsets.UTF_8);
        }

        /** The keys of a scope (metadata only, no values). */
        public List<SecretMetadata> list(String scope) {
            return StreamSupport.stream(service.listSecrets(new SecretsListSecretsRequest().setScope(scope))
                    .spliterator(), false).collect(Collectors.toList());
        }

        public List<SecretScope> listScopes() {
            return StreamSupport.stream(service.listScopes().spliterator(), false).collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "DbUtils.Secrets";
        }
    }
}
