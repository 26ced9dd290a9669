package io.camelbricks.api.error;

/** HTTP 403: the caller may not perform this operation. */
public class PermissionDenied extends DatabricksError {
    public PermissionDenied(ErrorDetails error) {
        super(error);
    }
}
