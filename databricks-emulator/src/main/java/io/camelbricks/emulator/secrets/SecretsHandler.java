package io.camelbricks.emulator.secrets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Secrets API ({@code /api/2.0/secrets/...}): scopes (create, list, delete), secrets (put with
 * {@code string_value} or {@code bytes_value}, get as base64 {@code value}, list without values, delete) and scope
 * ACLs (put, get, list, delete). Names: letters, digits, {@code - _ . @}, at most 128 characters; values at most
 * 128 KB. Missing scopes, secrets and ACLs: {@code 404 RESOURCE_DOES_NOT_EXIST}.
 */
public final class SecretsHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.0");
    private static final Pattern NAME = Pattern.compile("^[\\w.@-]{1,128}$");
    private static final int MAX_VALUE = 128 * 1024;

    private final EmulatedSecrets secrets;

    public SecretsHandler(EmulatedSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public void register(Router router) {
        router.post(V, "/secrets/scopes/create", this::createScope)
              .get(V, "/secrets/scopes/list", this::listScopes)
              .post(V, "/secrets/scopes/delete", this::deleteScope)
              .post(V, "/secrets/put", this::put)
              .get(V, "/secrets/get", this::get)
              .get(V, "/secrets/list", this::list)
              .post(V, "/secrets/delete", this::delete)
              .post(V, "/secrets/acls/put", this::putAcl)
              .get(V, "/secrets/acls/get", this::getAcl)
              .get(V, "/secrets/acls/list", this::listAcls)
              .post(V, "/secrets/acls/delete", this::deleteAcl);
    }

    private ApiResponse createScope(ApiRequest request) {
        String scope = name(request, "scope", "Scope");
        String backend = request.optionalString("scope_backend_type").filter(s -> !s.isEmpty()).orElse("DATABRICKS");
        if (!Set.of("DATABRICKS", "AZURE_KEYVAULT").contains(backend)) {
            throw ApiException.invalidParameter("Invalid scope_backend_type '" + backend + "'.");
        }
        if ("AZURE_KEYVAULT".equals(backend) && !request.body().has("backend_azure_keyvault")) {
            throw ApiException.invalidParameter("backend_azure_keyvault is required for an AZURE_KEYVAULT scope.");
        }
        String initial = request.optionalString("initial_manage_principal").filter(s -> !s.isEmpty()).orElse(null);
        if (initial != null && !"users".equals(initial)) {
            throw ApiException.invalidParameter("initial_manage_principal must be 'users' or left out.");
        }
        synchronized (secrets) {
            if (secrets.scopes.containsKey(scope)) {
                throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "Scope " + scope + " already exists!");
            }
            secrets.scopes.put(scope, secrets.newScope(scope, backend, creator(request), initial));
        }
        return ok();
    }

    private ApiResponse listScopes(ApiRequest request) {
        ObjectNode json = Json.object();
        synchronized (secrets) {
            if (!secrets.scopes.isEmpty()) {
                ArrayNode array = json.putArray("scopes");
                secrets.scopes.values().forEach(s -> {
                    ObjectNode o = array.addObject();
                    o.put("name", s.name);
                    o.put("backend_type", s.backendType);
                });
            }
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse deleteScope(ApiRequest request) {
        String scope = request.requiredString("scope");
        synchronized (secrets) {
            scope(scope);
            secrets.scopes.remove(scope);
        }
        return ok();
    }

    private ApiResponse put(ApiRequest request) {
        String scope = request.requiredString("scope");
        String key = name(request, "key", "Key");
        Optional<String> string = request.optionalString("string_value");
        Optional<String> bytes = request.optionalString("bytes_value");
        if (string.isPresent() == bytes.isPresent()) {
            throw ApiException.invalidParameter("Exactly one of string_value and bytes_value must be given.");
        }
        byte[] value;
        if (string.isPresent()) {
            value = string.get().getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                value = Base64.getMimeDecoder().decode(bytes.get());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidParameter("bytes_value is not valid base64.");
            }
        }
        if (value.length > MAX_VALUE) {
            throw ApiException.invalidParameter("The secret value is larger than the limit of " + MAX_VALUE + " bytes.");
        }
        synchronized (secrets) {
            EmulatedSecrets.Scope s = scope(scope);
            if ("AZURE_KEYVAULT".equals(s.backendType)) {
                throw ApiException.invalidParameter("Cannot put a secret in Azure Key Vault-backed scope " + scope
                        + "; use the Azure Key Vault API.");
            }
            s.secrets.put(key, new EmulatedSecrets.Secret(value, secrets.clock().millis()));
        }
        return ok();
    }

    private ApiResponse get(ApiRequest request) {
        String scope = request.requiredString("scope");
        String key = request.requiredString("key");
        byte[] value;
        synchronized (secrets) {
            EmulatedSecrets.Secret secret = scope(scope).secrets.get(key);
            if (secret == null) {
                throw ApiException.resourceDoesNotExist("Failed to get secret " + key + " for scope " + scope + ".");
            }
            value = secret.value();
        }
        ObjectNode json = Json.object();
        json.put("key", key);
        json.put("value", Base64.getEncoder().encodeToString(value));
        return ApiResponse.ok(json);
    }

    private ApiResponse list(ApiRequest request) {
        String scope = request.requiredString("scope");
        ObjectNode json = Json.object();
        synchronized (secrets) {
            Map<String, EmulatedSecrets.Secret> all = scope(scope).secrets;
            if (!all.isEmpty()) {
                ArrayNode array = json.putArray("secrets");
                all.forEach((k, v) -> {
                    ObjectNode o = array.addObject();
                    o.put("key", k);
                    o.put("last_updated_timestamp", v.lastUpdated());
                });
            }
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse delete(ApiRequest request) {
        String scope = request.requiredString("scope");
        String key = request.requiredString("key");
        synchronized (secrets) {
            if (scope(scope).secrets.remove(key) == null) {
                throw ApiException.resourceDoesNotExist("Secret " + key + " does not exist in scope " + scope + "!");
            }
        }
        return ok();
    }

    private ApiResponse putAcl(ApiRequest request) {
        String scope = request.requiredString("scope");
        String principal = request.requiredString("principal");
        String permission = request.requiredString("permission");
        if (!Set.of("READ", "WRITE", "MANAGE").contains(permission)) {
            throw ApiException.invalidParameter("Invalid permission '" + permission + "': expected READ, WRITE or"
                    + " MANAGE.");
        }
        synchronized (secrets) {
            scope(scope).acls.put(principal, permission);
        }
        return ok();
    }

    private ApiResponse getAcl(ApiRequest request) {
        String scope = request.requiredString("scope");
        String principal = request.requiredString("principal");
        String permission;
        synchronized (secrets) {
            permission = scope(scope).acls.get(principal);
        }
        if (permission == null) {
            throw ApiException.resourceDoesNotExist("Failed to get secret acl for principal " + principal
                    + " for scope " + scope + ".");
        }
        ObjectNode json = Json.object();
        json.put("principal", principal);
        json.put("permission", permission);
        return ApiResponse.ok(json);
    }

    private ApiResponse listAcls(ApiRequest request) {
        String scope = request.requiredString("scope");
        ObjectNode json = Json.object();
        synchronized (secrets) {
            Map<String, String> acls = scope(scope).acls;
            if (!acls.isEmpty()) {
                ArrayNode items = json.putArray("items");
                acls.forEach((p, level) -> {
                    ObjectNode o = items.addObject();
                    o.put("principal", p);
                    o.put("permission", level);
                });
            }
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse deleteAcl(ApiRequest request) {
        String scope = request.requiredString("scope");
        String principal = request.requiredString("principal");
        synchronized (secrets) {
            if (scope(scope).acls.remove(principal) == null) {
                throw ApiException.resourceDoesNotExist("Secret acl for principal " + principal + " does not exist in"
                        + " scope " + scope + ".");
            }
        }
        return ok();
    }

    private EmulatedSecrets.Scope scope(String scope) {
        EmulatedSecrets.Scope s = secrets.scopes.get(scope);
        if (s == null) {
            throw ApiException.resourceDoesNotExist("Scope " + scope + " does not exist!");
        }
        return s;
    }

    private String creator(ApiRequest request) {
        return request.principal() != null ? request.principal() : secrets.userName();
    }

    private static String name(ApiRequest request, String field, String what) {
        String value = request.requiredString(field);
        if (!NAME.matcher(value).matches()) {
            throw ApiException.invalidParameter(what + " name must consist of alphanumeric characters, dashes,"
                    + " underscores, @, and periods, and may not exceed 128 characters.");
        }
        return value;
    }

    private static ApiResponse ok() {
        return ApiResponse.ok(Json.object());
    }
}
