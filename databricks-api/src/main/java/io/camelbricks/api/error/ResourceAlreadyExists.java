package io.camelbricks.api.error;

/** error_code RESOURCE_ALREADY_EXISTS. */
public class ResourceAlreadyExists extends ResourceConflict {
    public ResourceAlreadyExists(ErrorDetails error) {
        super(error);
    }
}
