package io.camelbricks.api.wire;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.StreamingBody;
import io.camelbricks.api.registry.BodyKind;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.Param;
import io.camelbricks.api.registry.ParamLocation;

/**
 * Turns a typed request into an HTTP request by the operation's wire rules: path parameters percent-encoded
 * (multi-segment ones segment by segment), query parameters from request fields (nested objects as {@code a.b},
 * lists as repeated keys, booleans as {@code true}/{@code false}, enums as wire values), config-supplied parameters
 * such as {@code {account_id}}, and the body: the JSON request without the fields sent elsewhere, a single body
 * field, or a raw stream ({@code application/octet-stream}, or a {@link StreamingBody} with its own content type).
 */
public final class RequestEncoder {
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final ObjectMapper mapper;
    private final DatabricksConfig config;

    public RequestEncoder(ObjectMapper mapper, DatabricksConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    public <Q> HttpRequest encode(Operation<Q, ?> op, Q request) {
        checkInlineDbfsPut(op, request);
        StringBuilder url = new StringBuilder(config.getHost()).append(expandPath(op, request));
        appendQuery(url, op, request);
        HttpRequest http = HttpRequest.of(op.httpMethod(), url.toString());
        for (Param<Q> p : op.params()) {
            if (p.location() == ParamLocation.HEADER) {
                Object v = p.valueIn(request);
                if (v != null) {
                    http = http.withHeader(p.name(), scalar(v));
                }
            }
        }
        return withBody(http, op, request);
    }

    /** DBFS takes at most 1 MB in one {@code dbfs/put}; a larger one is refused here instead of after the upload. */
    private static void checkInlineDbfsPut(Operation<?, ?> op, Object request) {
        if (!"files.Dbfs.put".equals(op.id()) || !(request instanceof io.camelbricks.api.service.files.Put put)
                || put.getContents() == null) {
            return;
        }
        String base64 = put.getContents();
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        long bytes = (long) base64.length() / 4 * 3 - padding;
        if (bytes > DBFS_PUT_LIMIT) {
            throw new IllegalArgumentException("dbfs/put takes at most 1 MB (" + DBFS_PUT_LIMIT + " bytes) inline, got "
                    + bytes + " bytes; upload larger files with dbfs create/add-block/close (w.dbfsFiles().write,"
                    + " Camel databricks:dbfs/upload)");
        }
    }

    private static final long DBFS_PUT_LIMIT = 1024 * 1024;

    private <Q> String expandPath(Operation<Q, ?> op, Q request) {
        String path = op.path();
        if (path.indexOf('{') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 32);
        int i = 0;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            if (open < 0) {
                out.append(path, i, path.length());
                break;
            }
            int close = path.indexOf('}', open);
            out.append(path, i, open);
            String name = path.substring(open + 1, close);
            Param<Q> param = pathParam(op, name);
            String value = pathValue(op, param, request);
            checkNoDotSegments(op, param, value);
            if (param.isMultiSegment()) {
                boolean afterSlash = out.length() > 0 && out.charAt(out.length() - 1) == '/';
                if (!afterSlash && !value.startsWith("/")) {
                    out.append('/');
                }
                out.append(PathEncoder.encodeMultiSegment(afterSlash && value.startsWith("/") ? value.substring(1) : value));
            } else {
                out.append(PathEncoder.encodeSegment(value));
            }
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * A {@code .} or {@code ..} segment would make the URL name another resource once normalised (path traversal,
     * e.g. {@code /Volumes/a/../../other}); such a value is refused before anything is sent.
     */
    private static void checkNoDotSegments(Operation<?, ?> op, Param<?> param, String value) {
        String[] segments = param.isMultiSegment() ? value.split("/", -1) : new String[] {value};
        for (String segment : segments) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException(op.id() + ": path parameter " + param.name() + " ('" + value
                        + "') contains a '" + segment + "' segment (path traversal); name the path directly");
            }
        }
    }

    private static <Q> Param<Q> pathParam(Operation<Q, ?> op, String name) {
        for (Param<Q> p : op.params()) {
            if (p.location() == ParamLocation.PATH && p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException(op.id() + ": path template names {" + name + "} but no such parameter");
    }

    private <Q> String pathValue(Operation<Q, ?> op, Param<Q> param, Q request) {
        if (param.fromConfig() != null) {
            Object configured = config.getAttribute(param.fromConfig());
            if (configured == null || configured.toString().isBlank()) {
                throw new DatabricksException(op.id() + " needs " + param.fromConfig() + " in the configuration (set "
                        + param.fromConfig() + " or DATABRICKS_" + param.fromConfig().toUpperCase() + ")");
            }
            return configured.toString();
        }
        Object value = param.valueIn(request);
        if (value == null || value.toString().isEmpty()) {
            throw new DatabricksException(op.id() + ": missing required path parameter '" + param.name() + "'"
                    + (param.javaName() != null ? " (request field " + param.javaName() + ")" : ""));
        }
        return scalar(value);
    }

    private <Q> void appendQuery(StringBuilder url, Operation<Q, ?> op, Q request) {
        boolean first = true;
        for (Param<Q> p : op.params()) {
            if (p.location() != ParamLocation.QUERY) {
                continue;
            }
            Object value = p.valueIn(request);
            if (value == null) {
                continue;
            }
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                // the common case (an id, a flag): one pair, no list
                url.append(first ? '?' : '&').append(PathEncoder.encodeQueryComponent(p.name())).append('=')
                        .append(PathEncoder.encodeQueryComponent(value.toString()));
                first = false;
                continue;
            }
            List<String[]> pairs = new ArrayList<>();
            flatten(p.name(), value, pairs);
            for (String[] pair : pairs) {
                url.append(first ? '?' : '&').append(PathEncoder.encodeQueryComponent(pair[0])).append('=')
                        .append(PathEncoder.encodeQueryComponent(pair[1]));
                first = false;
            }
        }
    }

    private void flatten(String key, Object value, List<String[]> out) {
        if (value == null) {
            return;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            out.add(new String[] {key, value.toString()});
        } else if (value instanceof Collection<?> items) {
            for (Object item : items) {
                flatten(key, item, out);
            }
        } else {
            flattenNode(key, mapper.valueToTree(value), out);
        }
    }

    private static void flattenNode(String key, JsonNode node, List<String[]> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                flattenNode(key, item, out);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                flattenNode(key + "." + f.getKey(), f.getValue(), out);
            }
        } else {
            out.add(new String[] {key, node.asText()});
        }
    }

    private String scalar(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        JsonNode node = mapper.valueToTree(value);
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private <Q> HttpRequest withBody(HttpRequest http, Operation<Q, ?> op, Q request) {
        BodyKind kind = op.bodyKind();
        try {
            return switch (kind) {
                case NONE -> http;
                case JSON -> http.withBody(jsonBody(op, request), "application/json");
                case BODY_FIELD -> {
                    Object field = op.bodyValueOf(request);
                    yield http.withBody(field == null ? EMPTY_OBJECT : mapper.writeValueAsBytes(field), "application/json");
                }
                case BINARY -> {
                    Object stream = op.bodyValueOf(request);
                    if (stream instanceof StreamingBody typed) {
                        yield http.withBodyStream(typed.contents(), typed.length(), typed.contentType());
                    }
                    if (stream != null && !(stream instanceof InputStream)) {
                        throw new DatabricksException(op.id() + ": the contents must be an InputStream, got "
                                + stream.getClass().getName());
                    }
                    InputStream in = stream == null ? InputStream.nullInputStream() : (InputStream) stream;
                    yield http.withBodyStream(in, -1, "application/octet-stream");
                }
            };
        } catch (JsonProcessingException e) {
            throw new DatabricksException(op.id() + ": cannot serialise the request: " + e.getOriginalMessage(), e);
        }
    }

    private <Q> byte[] jsonBody(Operation<Q, ?> op, Q request) throws JsonProcessingException {
        if (request == null) {
            return EMPTY_OBJECT;
        }
        boolean stripsFields = false;
        for (Param<Q> p : op.params()) {
            if (p.fromConfig() == null && !p.isAlsoInBody()) {
                stripsFields = true;
                break;
            }
        }
        if (!stripsFields) {
            return mapper.writeValueAsBytes(request);
        }
        JsonNode tree = mapper.valueToTree(request);
        if (tree instanceof ObjectNode object) {
            for (Param<Q> p : op.params()) {
                if (p.fromConfig() == null && !p.isAlsoInBody()) {
                    object.remove(p.name());
                }
            }
        }
        return mapper.writeValueAsBytes(tree);
    }
}
