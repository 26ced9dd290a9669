package io.camelbricks.emulator.server;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Page sizes the emulator answers with, adjustable per emulator and per list: a test can force small pages to
 * exercise a client's paging ({@code emu.pageSizes().max(2)}, or per list
 * {@code emu.pageSizes().max("jobs.Jobs.list", 2)}). A list's key is its spec operationId ({@code jobs.Jobs.list}) or
 * its versionless path ({@code /jobs/list}). Thread-safe.
 *
 * <p>{@link #resolve} gives a handler the page size for one request: what the client asked for (or the API's
 * default when it asked for none), within the API's maximum, then within the forced maximum if one is set.
 */
public final class PageSizes {

    private final int initialMax;
    private volatile int max;
    private final Map<String, Integer> perList = new ConcurrentHashMap<>();

    /** @param max forced maximum for every list; 0 = none (each API's own sizes) */
    public PageSizes(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("page size must not be negative");
        }
        this.initialMax = max;
        this.max = max;
    }

    /** Every list answers at most {@code size} items per page (0: back to each API's own sizes). */
    public PageSizes max(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("page size must not be negative");
        }
        this.max = size;
        return this;
    }

    /** One list (operationId or versionless path) answers at most {@code size} items per page. */
    public PageSizes max(String list, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        perList.put(list, size);
        return this;
    }

    /** The forced maximum for a list (its own setting, else the global one), or 0 when there is none. */
    public int forcedMax(String... keys) {
        for (String key : keys) {
            Integer size = key == null ? null : perList.get(key);
            if (size != null) {
                return size;
            }
        }
        return max;
    }

    /**
     * The page size to answer with.
     *
     * @param requested  what the client asked for (empty or non-positive: the API's default)
     * @param apiDefault the API's default page size
     * @param apiMax     the API's maximum (larger requests are cut down to it, as the services do)
     * @param keys       the list's operationId and/or versionless path
     */
    public int resolve(OptionalLong requested, int apiDefault, int apiMax, String... keys) {
        long size = requested.isPresent() && requested.getAsLong() > 0 ? requested.getAsLong() : apiDefault;
        size = Math.min(size, apiMax);
        int forced = forcedMax(keys);
        if (forced > 0) {
            size = Math.min(size, forced);
        }
        return (int) Math.max(1, size);
    }

    /** Back to the emulator's options. */
    public void reset() {
        perList.clear();
        max = initialMax;
    }

    @Override
    public String toString() {
        return "PageSizes{max=" + (max == 0 ? "API defaults" : max) + ", perList=" + perList + "}";
    }
}
