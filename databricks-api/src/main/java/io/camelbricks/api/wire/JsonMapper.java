package io.camelbricks.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one Jackson configuration for the wire: wire names, nulls omitted, unknown fields tolerated. */
public final class JsonMapper {
    private JsonMapper() {
    }

    /**
     * The mapper every client shares unless given its own: Jackson caches the (de)serializers it builds per mapper, so
     * a second client in the same JVM does not build them again for the same models. Configured once, here; a caller
     * that wants other settings passes its own mapper ({@code ApiClient.builder().mapper(...)}) instead of changing
     * this one.
     */
    public static ObjectMapper shared() {
        return Shared.MAPPER;
    }

    /** A new mapper with the wire configuration. */
    public static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
        return mapper;
    }

    /** Holder: created on first use. */
    private static final class Shared {
        static final ObjectMapper MAPPER = create();
    }
}
