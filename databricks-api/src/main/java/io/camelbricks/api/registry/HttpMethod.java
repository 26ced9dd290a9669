package io.camelbricks.api.registry;

/** The HTTP verbs the Databricks REST API uses. */
public enum HttpMethod {
    GET, HEAD, POST, PUT, PATCH, DELETE;

    /** GET and HEAD never change server state, so they may always be retried. */
    public boolean isSafe() {
        return this == GET || this == HEAD;
    }
}
