package io.camelbricks.api;

import io.camelbricks.api.generated.AccountServices;

/**
 * Entry point to a Databricks account ({@code https://accounts.cloud.databricks.com} and friends): account-level
 * services such as {@code a.workspaces()}, {@code a.groups()}, {@code a.budgets()}. {@code {account_id}} in paths is
 * filled from the configured {@code account_id}.
 */
public class AccountClient extends AccountServices implements AutoCloseable {
    private final ApiClient apiClient;

    public AccountClient() {
        this(new DatabricksConfig().resolve());
    }

    public AccountClient(DatabricksConfig config) {
        this(new ApiClient(config));
    }

    public AccountClient(ApiClient apiClient) {
        this.apiClient = apiClient;
    }

    @Override
    public ApiClient apiClient() {
        return apiClient;
    }

    public DatabricksConfig config() {
        return apiClient.config();
    }

    @Override
    public void close() {
        apiClient.close();
    }
}
