package io.camelbricks.emulator.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The single place where errors become responses:
 * <pre>{"error_code":"INVALID_PARAMETER_VALUE","message":"...","details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","request_id":"...","serving_data":""}]}</pre>
 */
public final class ErrorResponseWriter {

    public ApiResponse toResponse(ApiException error, String requestId) {
        ObjectNode body = Json.object();
        body.put("error_code", error.errorCode());
        body.put("message", error.getMessage());
        ObjectNode requestInfo = body.putArray("details").addObject();
        requestInfo.put("@type", "type.googleapis.com/google.rpc.RequestInfo");
        requestInfo.put("request_id", requestId);
        requestInfo.put("serving_data", "");
        return ApiResponse.json(error.status(), body, error.headers());
    }
}
