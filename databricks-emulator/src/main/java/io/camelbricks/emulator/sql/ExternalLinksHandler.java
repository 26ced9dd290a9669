package io.camelbricks.emulator.sql;

import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated cloud storage behind EXTERNAL_LINKS: {@code GET /cloud-storage/statement-results/{token}} serves one
 * result chunk, without the API's authentication, like a presigned URL. As on S3, a request that carries an
 * {@code Authorization} header is refused ({@code 400 InvalidArgument}), and an expired link answers
 * {@code 403 AccessDenied "Request has expired"}; with {@link EmulatedSql#externalLinkHeaders} set, a request
 * without those headers answers {@code 400 InvalidRequest}. The bodies are S3-style XML.
 */
public final class ExternalLinksHandler implements ServiceHandler {

    static final String PATH_PREFIX = "/cloud-storage/statement-results/";

    private final EmulatedSql sql;

    public ExternalLinksHandler(EmulatedSql sql) {
        this.sql = sql;
    }

    @Override
    public void register(Router router) {
        router.addPublic("GET", PATH_PREFIX + "{token}", this::fetch);
    }

    private ApiResponse fetch(ApiRequest request) {
        if (request.header("Authorization") != null) {
            return xml(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query"
                    + " parameter, Signature query string parameter or the Authorization header should be specified");
        }
        for (Map.Entry<String, String> required : sql.externalLinkHeaders().entrySet()) {
            if (!required.getValue().equals(request.header(required.getKey()))) {
                return xml(400, "InvalidRequest", "The request is missing the header " + required.getKey()
                        + " that the object requires.");
            }
        }
        Optional<EmulatedSql.LinkTarget> target = sql.link(request.pathParameter("token"));
        if (target.isEmpty()) {
            return xml(403, "AccessDenied", "Access Denied");
        }
        if (!sql.clock().instant().isBefore(target.get().expiresAt())) {
            return xml(403, "AccessDenied", "Request has expired");
        }
        Optional<StoredStatement> statement = sql.statement(target.get().statementId());
        if (statement.isEmpty() || statement.get().result() == null
                || target.get().chunk() >= statement.get().chunks().size()) {
            return xml(404, "NoSuchKey", "The specified key does not exist.");
        }
        StoredStatement s = statement.get();
        String format = s.request.format();
        byte[] body = EmulatedSql.chunkBytes(s.result(), s.chunks().get(target.get().chunk()), format);
        String type = "CSV".equals(format) ? "text/csv; charset=utf-8" : "application/json";
        return ApiResponse.bytes(200, type, body, Map.of());
    }

    private static ApiResponse xml(int status, String code, String message) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        return ApiResponse.bytes(status, "application/xml", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
