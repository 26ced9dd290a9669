package io.camelbricks.api.auth.azure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CachedTokenSource;
import io.camelbricks.api.auth.HeaderFactory;

/**
 * The headers of the Azure providers: {@code Authorization} from a workspace-token source,
 * {@code X-Databricks-Azure-SP-Management-Token} from a service-management-token source (when there is one), and
 * {@code X-Databricks-Azure-Workspace-Resource-Id} when {@code azure_workspace_resource_id} is set. Both tokens are
 * cached and refreshed ahead of expiry; a 401 forgets both.
 */
public final class AzureHeaderFactory implements HeaderFactory {
    public static final String SP_MANAGEMENT_TOKEN = "X-Databricks-Azure-SP-Management-Token";
    public static final String WORKSPACE_RESOURCE_ID = "X-Databricks-Azure-Workspace-Resource-Id";

    private static final Logger LOG = LoggerFactory.getLogger(AzureHeaderFactory.class);

    private final CachedTokenSource tokens;
    private final CachedTokenSource managementTokens;
    private final boolean managementOptional;
    private final String workspaceResourceId;

    /**
     * @param managementTokens   null for none
     * @param managementOptional when true, a failing management token leaves its header out instead of failing
     */
    public AzureHeaderFactory(CachedTokenSource tokens, CachedTokenSource managementTokens, boolean managementOptional,
                              String workspaceResourceId) {
        this.tokens = tokens;
        this.managementTokens = managementTokens;
        this.managementOptional = managementOptional;
        this.workspaceResourceId = workspaceResourceId == null || workspaceResourceId.isBlank() ? null : workspaceResourceId;
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", tokens.token().authorizationHeader());
        if (managementTokens != null) {
            try {
                headers.put(SP_MANAGEMENT_TOKEN, managementTokens.token().accessToken());
            } catch (DatabricksException e) {
                if (!managementOptional) {
                    throw e;
                }
                LOG.debug("Not including the service management token in headers: {}", e.getMessage());
            }
        }
        if (workspaceResourceId != null) {
            headers.put(WORKSPACE_RESOURCE_ID, workspaceResourceId);
        }
        return headers;
    }

    @Override
    public void invalidate() {
        tokens.invalidate();
        if (managementTokens != null) {
            managementTokens.invalidate();
        }
    }

    @Override
    public boolean isRefreshable() {
        return true;
    }

    /** The workspace-token cache (for tests and metrics). */
    public CachedTokenSource tokens() {
        return tokens;
    }

    /** The service-management-token cache, or null. */
    public CachedTokenSource managementTokens() {
        return managementTokens;
    }
}
