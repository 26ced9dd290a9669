package io.camelbricks.api.error;

/** HTTP 409: the request conflicts with the resource's state. */
public class ResourceConflict extends DatabricksError {
    public ResourceConflict(ErrorDetails error) {
        super(error);
    }
}
