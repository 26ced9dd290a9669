package io.camelbricks.api.registry;

/** Whether an operation belongs to a workspace ({@code WorkspaceClient}) or to the account ({@code AccountClient}). */
public enum ApiScope {
    WORKSPACE, ACCOUNT
}
