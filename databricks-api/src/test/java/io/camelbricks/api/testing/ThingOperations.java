package io.camelbricks.api.testing;

import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.Param;
import io.camelbricks.api.testing.TestModels.Item;
import io.camelbricks.api.testing.TestModels.Req;

/** The made-up {@code things} operations the pipeline tests call on a loopback server, and their request. */
public final class ThingOperations {
    /** {@code GET /api/2.0/things/get?name=...}. */
    public static final Operation<Req, Item> GET = Operation.<Req, Item>builder("test.Things.get", HttpMethod.GET,
                    "/api/2.0/things/get", Req.class, Item.class).accessor("things")
            .param(Param.query("name", "name", String.class, (Req r) -> r.name)).jsonResponse().build();
    /** {@code POST /api/2.0/things/create} with a JSON body. */
    public static final Operation<Req, Item> CREATE = Operation.<Req, Item>builder("test.Things.create",
                    HttpMethod.POST, "/api/2.0/things/create", Req.class, Item.class).accessor("things")
            .jsonBody().jsonResponse().build();

    private ThingOperations() {
    }

    /** A request with only {@code name} set. */
    public static Req named(String name) {
        Req r = new Req();
        r.name = name;
        return r;
    }
}
