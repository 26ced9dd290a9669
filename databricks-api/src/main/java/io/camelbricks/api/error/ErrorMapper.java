package io.camelbricks.api.error;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Picks the exception class for an error: known overrides first, then the {@code error_code} (more specific), then
 * the HTTP status, else a plain {@link DatabricksError}.
 */
public final class ErrorMapper {
    private static final Map<String, Function<ErrorDetails, DatabricksError>> BY_CODE = Map.of(
            "INVALID_PARAMETER_VALUE", InvalidParameterValue::new,
            "INVALID_STATE", InvalidState::new,
            "RESOURCE_DOES_NOT_EXIST", ResourceDoesNotExist::new,
            "ABORTED", Aborted::new,
            "ALREADY_EXISTS", AlreadyExists::new,
            "RESOURCE_ALREADY_EXISTS", ResourceAlreadyExists::new,
            "RESOURCE_EXHAUSTED", ResourceExhausted::new,
            "REQUEST_LIMIT_EXCEEDED", RequestLimitExceeded::new,
            "UNKNOWN", Unknown::new,
            "DATA_LOSS", DataLoss::new);

    private static final Map<Integer, Function<ErrorDetails, DatabricksError>> BY_STATUS = Map.ofEntries(
            Map.entry(400, BadRequest::new),
            Map.entry(401, Unauthenticated::new),
            Map.entry(403, PermissionDenied::new),
            Map.entry(404, NotFound::new),
            Map.entry(409, ResourceConflict::new),
            Map.entry(429, TooManyRequests::new),
            Map.entry(499, Cancelled::new),
            Map.entry(500, InternalError::new),
            Map.entry(501, NotImplemented::new),
            Map.entry(503, TemporarilyUnavailable::new),
            Map.entry(504, DeadlineExceeded::new));

    /** A 400 INVALID_PARAMETER_VALUE "X does not exist" on these GETs really means the resource does not exist. */
    private static final Pattern MISSING_PATH = Pattern.compile("^/api/2\\.\\d/(clusters/get|jobs/get|jobs/runs/get)(\\?.*)?$");
    private static final Pattern MISSING_MESSAGE = Pattern.compile(
            "(Cluster .* does not exist|Job .* does not exist|Run .* does not exist|Run: .* in job: .* doesn't exist).*",
            Pattern.DOTALL);

    private ErrorMapper() {
    }

    /** The exception for an error; {@code method} and {@code path} select the overrides. */
    public static DatabricksError map(String method, String path, ErrorDetails error) {
        if (isMissingResourceOverride(method, path, error)) {
            return new ResourceDoesNotExist(error);
        }
        Function<ErrorDetails, DatabricksError> byCode = error.errorCode() == null ? null : BY_CODE.get(error.errorCode());
        if (byCode != null) {
            return byCode.apply(error);
        }
        Function<ErrorDetails, DatabricksError> byStatus = BY_STATUS.get(error.status());
        return byStatus != null ? byStatus.apply(error) : new DatabricksError(error);
    }

    private static boolean isMissingResourceOverride(String method, String path, ErrorDetails error) {
        return "GET".equals(method) && error.status() == 400 && "INVALID_PARAMETER_VALUE".equals(error.errorCode())
                && path != null && MISSING_PATH.matcher(path).matches()
                && error.message() != null && MISSING_MESSAGE.matcher(error.message()).matches();
    }
}
