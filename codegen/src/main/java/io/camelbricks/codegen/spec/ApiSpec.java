package io.camelbricks.codegen.spec;

import java.util.List;
import java.util.Map;

/**
 * Both OpenAPI documents, read: schemas (merged, workspace first), services (tags that have operations, in tag
 * order, workspace first) and every operation in document order (workspace first).
 */
public record ApiSpec(Map<String, SchemaDef> schemas, List<ServiceDef> services, List<OperationDef> operations) {

    public SchemaDef schema(String name) {
        SchemaDef s = schemas.get(name);
        if (s == null) {
            throw new SpecException("unknown schema " + name);
        }
        return s;
    }
}
