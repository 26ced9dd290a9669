package io.camelbricks.codegen.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Known mistakes of the derived spec, corrected while reading it. Each correction names the operation, the value the
 * spec has and the value it should have; if the spec no longer has the wrong value the generation fails, so that a
 * fixed spec does not silently keep a stale correction.
 */
public final class SpecCorrections {

    /** {@code x-databricks-pagination.items_field} that names no property of the response. */
    public record ItemsField(String operationId, String specValue, String correctValue, String reason) {
    }

    /** A parameter whose schema is wrong: it becomes a plain {@code string}. */
    public record StringParam(String operationId, String param, String specRef, String reason) {
    }

    private final Map<String, ItemsField> itemsFields = new LinkedHashMap<>();
    private final Map<String, StringParam> stringParams = new LinkedHashMap<>();
    private final Set<String> applied = new TreeSet<>();

    public SpecCorrections(List<ItemsField> itemsFields) {
        this(itemsFields, List.of());
    }

    public SpecCorrections(List<ItemsField> itemsFields, List<StringParam> stringParams) {
        for (ItemsField c : itemsFields) {
            this.itemsFields.put(c.operationId(), c);
        }
        for (StringParam c : stringParams) {
            this.stringParams.put(c.operationId() + " " + c.param(), c);
        }
    }

    /** The corrections this generator applies to the Databricks spec (documented in codegen/README.md). */
    public static SpecCorrections standard() {
        return new SpecCorrections(List.of(
                new ItemsField("ml.ModelRegistry.getLatestVersions", "latest_versions", "model_versions",
                        "GetLatestVersionsResponse has only model_versions (the SDK iterates getModelVersions())"),
                new ItemsField("ml.Experiments.getHistory", "history", "metrics",
                        "GetMetricHistoryResponse has only metrics (the SDK iterates getMetrics())")),
                List.of(new StringParam("sql.DbsqlPermissions.transferOwnership", "object_id",
                        "sql.TransferOwnershipObjectId",
                        "the path segment is the object's id; the referenced schema is {new_owner}, a copy of the body")));
    }

    /** No corrections at all (tests). */
    public static SpecCorrections none() {
        return new SpecCorrections(List.of());
    }

    OperationDef apply(OperationDef op) {
        return applyItemsField(applyStringParams(op));
    }

    private OperationDef applyStringParams(OperationDef op) {
        List<ParamDef> params = new ArrayList<>(op.params());
        boolean changed = false;
        for (int i = 0; i < params.size(); i++) {
            ParamDef p = params.get(i);
            String key = op.id() + " " + p.name();
            StringParam c = stringParams.get(key);
            if (c == null) {
                continue;
            }
            if (!(p.type() instanceof TypeShape.Ref ref) || !ref.schemaName().equals(c.specRef())) {
                throw new SpecException(op.id() + ": correction of parameter " + p.name() + " no longer applies (spec has "
                        + p.type() + "); remove it from SpecCorrections");
            }
            params.set(i, new ParamDef(p.name(), p.in(), new TypeShape.Scalar("string", null), p.required(),
                    p.multiSegment(), p.fromConfig()));
            applied.add(key);
            changed = true;
        }
        return !changed ? op : new OperationDef(op.id(), op.specPackage(), op.service(), op.method(), op.scope(),
                op.verb(), op.path(), List.copyOf(params), op.body(), op.bodyField(), op.response(), op.pagination(),
                op.waiter(), op.autoIdempotencyField(), op.sharedPath());
    }

    private OperationDef applyItemsField(OperationDef op) {
        ItemsField c = itemsFields.get(op.id());
        if (c == null) {
            return op;
        }
        PaginationDef pg = op.pagination();
        if (pg == null || !c.specValue().equals(pg.itemsField())) {
            throw new SpecException(op.id() + ": correction of items_field " + c.specValue()
                    + " no longer applies (spec has " + (pg == null ? "no pagination" : pg.itemsField())
                    + "); remove it from SpecCorrections");
        }
        applied.add(op.id());
        PaginationDef fixed = new PaginationDef(pg.kind(), pg.requestField(), pg.responseField(), c.correctValue(),
                pg.dedupeBy(), pg.firstPage());
        return new OperationDef(op.id(), op.specPackage(), op.service(), op.method(), op.scope(), op.verb(),
                op.path(), op.params(), op.body(), op.bodyField(), op.response(), fixed, op.waiter(),
                op.autoIdempotencyField(), op.sharedPath());
    }

    /** Fails when a correction matched no operation (the operation was renamed or removed). */
    public void verifyAllApplied() {
        List<String> all = new ArrayList<>(itemsFields.keySet());
        all.addAll(stringParams.keySet());
        for (String id : all) {
            if (!applied.contains(id)) {
                throw new SpecException("correction for " + id + " matched no operation; remove it from SpecCorrections");
            }
        }
    }
}
