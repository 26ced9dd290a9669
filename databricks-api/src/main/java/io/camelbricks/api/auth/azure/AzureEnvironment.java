package io.camelbricks.api.auth.azure;

import java.util.Locale;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;

/**
 * The Azure clouds Azure Databricks runs in: where to log in (Microsoft Entra ID), the service-management resource
 * whose token goes in {@code X-Databricks-Azure-SP-Management-Token}, and the resource manager.
 */
public enum AzureEnvironment {
    PUBLIC("https://login.microsoftonline.com/", "https://management.core.windows.net/", "https://management.azure.com/"),
    USGOVERNMENT("https://login.microsoftonline.us/", "https://management.core.usgovcloudapi.net/",
            "https://management.usgovcloudapi.net/"),
    CHINA("https://login.chinacloudapi.cn/", "https://management.core.chinacloudapi.cn/",
            "https://management.chinacloudapi.cn/");

    /** The Azure Databricks first-party application, the resource of workspace tokens (production). */
    public static final String DATABRICKS_LOGIN_APP_ID = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";
    static final String STAGING_LOGIN_APP_ID = "4a67d088-db5c-48f1-9ff2-0aace800ae68";
    static final String DEV_LOGIN_APP_ID = "62a912ac-b58e-4c1d-89ea-b2dbfc7358fc";

    private final String loginEndpoint;
    private final String serviceManagementEndpoint;
    private final String resourceManagerEndpoint;

    AzureEnvironment(String login, String serviceManagement, String resourceManager) {
        this.loginEndpoint = login;
        this.serviceManagementEndpoint = serviceManagement;
        this.resourceManagerEndpoint = resourceManager;
    }

    /** The Entra ID authority host, e.g. {@code https://login.microsoftonline.com/}. */
    public String loginEndpoint() {
        return loginEndpoint;
    }

    /** The service-management resource, e.g. {@code https://management.core.windows.net/}. */
    public String serviceManagementEndpoint() {
        return serviceManagementEndpoint;
    }

    public String resourceManagerEndpoint() {
        return resourceManagerEndpoint;
    }

    /**
     * {@code azure_environment} (PUBLIC, USGOVERNMENT or CHINA, any case; the ARM names {@code AzurePublicCloud},
     * {@code AzureUSGovernmentCloud}, {@code AzureChinaCloud} too), else the host's DNS zone, else PUBLIC.
     */
    public static AzureEnvironment of(DatabricksConfig config) {
        Object configured = config.getAttribute("azure_environment");
        if (configured != null && !configured.toString().isBlank()) {
            String name = configured.toString().strip().toUpperCase(Locale.ROOT);
            switch (name) {
                case "PUBLIC", "AZUREPUBLICCLOUD" -> { return PUBLIC; }
                case "USGOVERNMENT", "AZUREUSGOVERNMENTCLOUD" -> { return USGOVERNMENT; }
                case "CHINA", "AZURECHINACLOUD" -> { return CHINA; }
                default -> throw new DatabricksException("azure environment not found: " + configured
                        + " (expected PUBLIC, USGOVERNMENT or CHINA)");
            }
        }
        String host = hostName(config);
        if (host.endsWith(".databricks.azure.us")) {
            return USGOVERNMENT;
        }
        if (host.endsWith(".databricks.azure.cn")) {
            return CHINA;
        }
        return PUBLIC;
    }

    /** The resource of workspace tokens: the Azure Databricks login application of the host's environment. */
    public static String loginAppId(DatabricksConfig config) {
        String host = hostName(config);
        if (host.endsWith(".dev.azuredatabricks.net")) {
            return DEV_LOGIN_APP_ID;
        }
        if (host.endsWith(".staging.azuredatabricks.net")) {
            return STAGING_LOGIN_APP_ID;
        }
        return DATABRICKS_LOGIN_APP_ID;
    }

    static String hostName(DatabricksConfig config) {
        String host = config.getHost();
        if (host == null) {
            return "";
        }
        try {
            String name = java.net.URI.create(host).getHost();
            return name == null ? "" : name.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
