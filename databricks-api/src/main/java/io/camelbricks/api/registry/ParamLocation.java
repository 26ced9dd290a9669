package io.camelbricks.api.registry;

/** Where a request parameter travels on the wire. */
public enum ParamLocation {
    PATH, QUERY, HEADER
}
