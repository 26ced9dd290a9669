package io.camelbricks.api.files;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.dbutils.RemoteDbUtils;
import io.camelbricks.api.dbutils.RemoteJobs;
import io.camelbricks.api.dbutils.RemoteWidgets;
import io.camelbricks.api.service.workspace.SecretMetadata;
import io.camelbricks.api.service.workspace.SecretScope;
import io.camelbricks.api.service.workspace.SecretsGetSecretRequest;
import io.camelbricks.api.service.workspace.SecretsListSecretsRequest;
import io.camelbricks.api.service.workspace.SecretsService;

/**
 * {@code dbutils} as the Python SDK offers it outside a notebook: {@link #fs()} and {@link #secrets()} run locally
 * through the REST APIs; mounts ({@code fs().mounts()} ...), {@link #widgets()} and {@link #jobs()} run on the
 * configured cluster ({@code cluster_id}) through the Command Execution API (see {@link RemoteDbUtils}).
 * {@link #close()} destroys the execution context on the cluster, if one was created.
 */
public final class DbUtils implements AutoCloseable {
    private final Fs fs;
    private final Secrets secrets;
    private final RemoteDbUtils remote;

    public DbUtils(ApiClient api) {
        this.remote = new RemoteDbUtils(api);
        this.fs = new Fs(api, remote.fs());
        this.secrets = new Secrets(new SecretsService(api));
    }

    /** {@code dbutils.fs}: ls, cp, mv, rm, mkdirs, head, put over Volumes, DBFS and local paths. */
    public Fs fs() { return fs; }

    public Secrets secrets() { return secrets; }

    /** {@code dbutils.widgets}, run on the configured cluster. */
    public RemoteWidgets widgets() { return remote.widgets(); }

    /** {@code dbutils.jobs} ({@code taskValues}), run on the configured cluster. */
    public RemoteJobs jobs() { return remote.jobs(); }

    /** Every dbutils call that runs on the cluster, including {@link RemoteDbUtils#call} for any other one. */
    public RemoteDbUtils remote() { return remote; }

    /** Destroys the execution context on the cluster, if one was created (a later call creates a new one). */
    @Override
    public void close() { remote.close(); }

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
