package io.camelbricks.codegen.plan;

import java.util.Locale;

import io.camelbricks.codegen.spec.PaginationDef;
import io.camelbricks.codegen.spec.SpecException;
import io.camelbricks.codegen.types.JavaType;

/**
 * Resolves {@code x-databricks-pagination} against the request, response and item classes. Any field that does not
 * resolve, or has a type the pagination kind cannot use, stops the generation with the operation's id.
 */
public final class PaginationPlanner {

    private final ModelPlanner models;

    public PaginationPlanner(ModelPlanner models) {
        this.models = models;
    }

    public PaginationPlan plan(OperationPlan op) {
        PaginationDef pg = op.def().pagination();
        if (pg == null) {
            return null;
        }
        String id = op.def().id();
        String kind = switch (pg.kind()) {
            case "token" -> "TOKEN";
            case "offset" -> "OFFSET";
            case "page" -> "PAGE";
            case "next_page_request" -> "NEXT_PAGE_REQUEST";
            case "single" -> "SINGLE";
            default -> throw new SpecException(id + ": unknown pagination kind " + pg.kind());
        };
        BeanClass response = op.responseBean();
        if (response == null) {
            throw new SpecException(id + ": pagination needs a JSON object response, not " + op.responseType());
        }
        BeanField items = require(id, response, pg.itemsField(), "items_field");
        if (!items.type().isList()) {
            throw new SpecException(id + ": items_field " + pg.itemsField() + " is not an array");
        }
        JavaType itemType = items.type().typeArgs().get(0);
        if (!itemType.typeArgs().isEmpty()) {
            throw new SpecException(id + ": items of " + pg.itemsField() + " are " + itemType
                    + "; a generic item type has no class literal");
        }

        BeanField requestCursor = null;
        BeanField responseCursor = null;
        Long firstPage = null;
        switch (kind) {
            case "TOKEN" -> {
                requestCursor = requireRequestField(op, pg.requestField());
                requireType(id, requestCursor, JavaType.STRING);
                responseCursor = require(id, response, pg.responseField(), "response_field");
                requireType(id, responseCursor, JavaType.STRING);
            }
            case "OFFSET", "PAGE" -> {
                requestCursor = requireRequestField(op, pg.requestField());
                if (!requestCursor.type().equals(JavaType.LONG) && !requestCursor.type().equals(JavaType.INTEGER)) {
                    throw new SpecException(id + ": " + kind.toLowerCase(Locale.ROOT) + " cursor "
                            + requestCursor.wireName() + " is " + requestCursor.type() + ", not an integer");
                }
                firstPage = pg.firstPage() == null ? 1L : pg.firstPage();
            }
            case "NEXT_PAGE_REQUEST" -> {
                responseCursor = require(id, response, pg.responseField(), "response_field");
                if (!responseCursor.type().equals(op.requestType())) {
                    throw new SpecException(id + ": next_page_request field " + pg.responseField() + " is "
                            + responseCursor.type() + " but the request is " + op.requestType());
                }
            }
            default -> {
                if (pg.requestField() != null || pg.responseField() != null) {
                    throw new SpecException(id + ": single pagination with a cursor field");
                }
            }
        }

        BeanField dedupe = null;
        if (pg.dedupeBy() != null) {
            BeanClass item = models.model(itemType);
            if (item == null) {
                throw new SpecException(id + ": dedupe_by " + pg.dedupeBy() + " but the items are " + itemType);
            }
            dedupe = require(id, item, pg.dedupeBy(), "dedupe_by");
        }
        return new PaginationPlan(kind, itemType, items, requestCursor, responseCursor, dedupe, firstPage);
    }

    private static BeanField requireRequestField(OperationPlan op, String name) {
        if (op.requestBean() == null) {
            throw new SpecException(op.def().id() + ": pagination request_field " + name
                    + " but the operation takes no request");
        }
        return require(op.def().id(), op.requestBean(), name, "request_field");
    }

    private static BeanField require(String id, BeanClass bean, String name, String what) {
        if (name == null) {
            throw new SpecException(id + ": pagination without " + what);
        }
        BeanField f = FieldResolver.resolve(bean, name);
        if (f == null) {
            throw new SpecException(id + ": pagination " + what + " " + name + " is not a field of "
                    + bean.type().simpleName());
        }
        return f;
    }

    private static void requireType(String id, BeanField f, JavaType type) {
        if (!f.type().equals(type)) {
            throw new SpecException(id + ": pagination field " + f.wireName() + " is " + f.type() + ", not " + type);
        }
    }
}
