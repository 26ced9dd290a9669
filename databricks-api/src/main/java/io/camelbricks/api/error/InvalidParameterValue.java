package io.camelbricks.api.error;

/** error_code INVALID_PARAMETER_VALUE: a parameter has an invalid value. */
public class InvalidParameterValue extends BadRequest {
    public InvalidParameterValue(ErrorDetails error) {
        super(error);
    }
}
