package io.camelbricks.codegen.plan;

import io.camelbricks.codegen.spec.ParamDef;

/**
 * A parameter bound to the request class.
 *
 * @param def        the spec parameter
 * @param field      the request field holding it, or null when the value comes from configuration
 * @param alsoInBody whether that field is a property of the JSON body too (so it is sent in both places)
 */
public record ParamPlan(ParamDef def, BeanField field, boolean alsoInBody) {
}
