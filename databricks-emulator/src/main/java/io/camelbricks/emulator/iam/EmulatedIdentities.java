package io.camelbricks.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SCIM users, groups and service principals of the workspace, test-facing side. The workspace starts with the
 * emulator's user ({@code userName}, the PAT's owner, with the id {@code preview/scim/v2/Me} shows) in the groups
 * {@code admins} and {@code users}. A resource's {@code groups} are computed from the groups' {@code members}.
 * Thread-safe (one lock).
 */
public final class EmulatedIdentities {

    /** The three SCIM resource types. */
    public enum Kind {
        USERS("Users", "urn:ietf:params:scim:schemas:core:2.0:User"),
        GROUPS("Groups", "urn:ietf:params:scim:schemas:core:2.0:Group"),
        SERVICE_PRINCIPALS("ServicePrincipals", "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal");

        final String path;
        final String schema;

        Kind(String path, String schema) {
            this.path = path;
            this.schema = schema;
        }
    }

    private final String userName;
    private final SecureRandom random = new SecureRandom();
    private final Map<Kind, Map<String, ObjectNode>> resources = new LinkedHashMap<>();

    public EmulatedIdentities(String userName) {
        this.userName = userName;
        reset();
    }

    /** Back to the seeded user and the {@code admins} and {@code users} groups. */
    public synchronized void reset() {
        for (Kind k : Kind.values()) {
            resources.put(k, new LinkedHashMap<>());
        }
        ObjectNode me = Json.object();
        me.put("userName", userName);
        me.put("displayName", userName);
        me.put("active", true);
        if (userName.contains("@")) {
            ObjectNode email = me.putArray("emails").addObject();
            email.put("value", userName);
            email.put("type", "work");
            email.put("primary", true);
        }
        ArrayNode entitlements = me.putArray("entitlements");
        entitlements.addObject().put("value", "workspace-access");
        entitlements.addObject().put("value", "databricks-sql-access");
        entitlements.addObject().put("value", "allow-cluster-create");
        String meId = CurrentUserHandler.userId(userName);
        put(Kind.USERS, meId, me);
        for (String group : List.of("admins", "users")) {
            ObjectNode g = Json.object();
            g.put("displayName", group);
            g.putArray("members").addObject().put("value", meId);
            put(Kind.GROUPS, newId(), g);
        }
    }

    // ---- test-facing

    /** Adds a user (active, with a work email when the name is one); returns its id. */
    public synchronized String addUser(String userName) {
        ObjectNode u = Json.object();
        u.put("userName", userName);
        u.put("displayName", userName);
        u.put("active", true);
        String id = CurrentUserHandler.userId(userName);
        put(Kind.USERS, id, u);
        return id;
    }

    /** Adds a group with these member ids; returns its id. */
    public synchronized String addGroup(String displayName, String... memberIds) {
        ObjectNode g = Json.object();
        g.put("displayName", displayName);
        ArrayNode members = g.putArray("members");
        for (String m : memberIds) {
            members.addObject().put("value", m);
        }
        String id = newId();
        put(Kind.GROUPS, id, g);
        return id;
    }

    /** Adds a service principal; returns its id (its applicationId is {@code applicationId}). */
    public synchronized String addServicePrincipal(String applicationId, String displayName) {
        ObjectNode sp = Json.object();
        sp.put("applicationId", applicationId);
        sp.put("displayName", displayName);
        sp.put("active", true);
        String id = newId();
        put(Kind.SERVICE_PRINCIPALS, id, sp);
        return id;
    }

    /** The resource as {@code GET .../{id}} shows it. */
    public synchronized Optional<ObjectNode> get(Kind kind, String id) {
        ObjectNode r = resources.get(kind).get(id);
        return r == null ? Optional.empty() : Optional.of(render(kind, id, r));
    }

    public synchronized Optional<ObjectNode> userByName(String name) {
        return find(Kind.USERS, "userName", name);
    }

    public synchronized Optional<ObjectNode> groupByName(String displayName) {
        return find(Kind.GROUPS, "displayName", displayName);
    }

    public synchronized Optional<ObjectNode> servicePrincipalByApplicationId(String applicationId) {
        return find(Kind.SERVICE_PRINCIPALS, "applicationId", applicationId);
    }

    public synchronized int count(Kind kind) {
        return resources.get(kind).size();
    }

    // ---- used by the handler

    synchronized List<ObjectNode> all(Kind kind) {
        List<ObjectNode> result = new ArrayList<>();
        resources.get(kind).forEach((id, r) -> result.add(render(kind, id, r)));
        return result;
    }

    synchronized boolean exists(Kind kind, String id) {
        return resources.get(kind).containsKey(id);
    }

    /** Stores the client's fields of a resource (read-only ones dropped); returns the rendered resource. */
    synchronized ObjectNode put(Kind kind, String id, ObjectNode fields) {
        ObjectNode stored = fields.deepCopy();
        stored.remove(List.of("id", "schemas", "meta", "groups"));
        if (kind == Kind.GROUPS && stored.has("members")) {
            stored.set("members", memberValues(stored.get("members")));
        }
        resources.get(kind).put(id, stored);
        return render(kind, id, stored);
    }

    synchronized ObjectNode stored(Kind kind, String id) {
        return resources.get(kind).get(id).deepCopy();
    }

    synchronized boolean remove(Kind kind, String id) {
        if (resources.get(kind).remove(id) == null) {
            return false;
        }
        for (ObjectNode g : resources.get(Kind.GROUPS).values()) {
            JsonNode members = g.get("members");
            if (members != null && members.isArray()) {
                ArrayNode kept = Json.array();
                members.forEach(m -> {
                    if (!id.equals(m.path("value").asText())) {
                        kept.add(m);
                    }
                });
                g.set("members", kept);
            }
        }
        return true;
    }

    String newId() {
        long n = 100_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 900_000_000_000_000L;
        return Long.toString(n);
    }

    static String newApplicationId() {
        return UUID.randomUUID().toString();
    }

    private Optional<ObjectNode> find(Kind kind, String field, String value) {
        for (Map.Entry<String, ObjectNode> e : resources.get(kind).entrySet()) {
            if (e.getValue().path(field).asText().equalsIgnoreCase(value)) {
                return Optional.of(render(kind, e.getKey(), e.getValue()));
            }
        }
        return Optional.empty();
    }

    private static ArrayNode memberValues(JsonNode members) {
        ArrayNode result = Json.array();
        if (members.isArray()) {
            for (JsonNode m : members) {
                String value = m.path("value").asText("");
                if (!value.isEmpty()) {
                    result.addObject().put("value", value);
                }
            }
        }
        return result;
    }

    /** The resource with id, schemas, computed groups and member display names. */
    private ObjectNode render(Kind kind, String id, ObjectNode stored) {
        ObjectNode r = Json.object();
        ArrayNode schemas = r.putArray("schemas");
        schemas.add(kind.schema);
        if (kind == Kind.USERS) {
            schemas.add("urn:ietf:params:scim:schemas:extension:workspace:2.0:User");
        }
        r.put("id", id);
        stored.fields().forEachRemaining(e -> r.set(e.getKey(), e.getValue().deepCopy()));
        if (kind == Kind.GROUPS && stored.has("members")) {
            ArrayNode members = r.putArray("members");
            for (JsonNode m : stored.get("members")) {
                String value = m.path("value").asText();
                ObjectNode member = members.addObject();
                member.put("value", value);
                for (Kind k : Kind.values()) {
                    ObjectNode target = resources.get(k).get(value);
                    if (target != null) {
                        member.put("display", k == Kind.USERS ? target.path("displayName").asText(
                                target.path("userName").asText()) : target.path("displayName").asText());
                        member.put("$ref", k.path + "/" + value);
                        break;
                    }
                }
            }
        }
        ArrayNode groups = Json.array();
        resources.get(Kind.GROUPS).forEach((gid, g) -> {
            for (JsonNode m : g.path("members")) {
                if (id.equals(m.path("value").asText())) {
                    ObjectNode ref = groups.addObject();
                    ref.put("display", g.path("displayName").asText());
                    ref.put("value", gid);
                    ref.put("$ref", "Groups/" + gid);
                    ref.put("type", "direct");
                    break;
                }
            }
        });
        if (!groups.isEmpty()) {
            r.set("groups", groups);
        }
        if (kind == Kind.GROUPS) {
            r.putObject("meta").put("resourceType", "WorkspaceGroup");
        }
        return r;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
