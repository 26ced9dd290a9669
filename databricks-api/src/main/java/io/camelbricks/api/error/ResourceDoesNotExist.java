package io.camelbricks.api.error;

/** error_code RESOURCE_DOES_NOT_EXIST: the resource does not exist. */
public class ResourceDoesNotExist extends NotFound {
    public ResourceDoesNotExist(ErrorDetails error) {
        super(error);
    }
}
