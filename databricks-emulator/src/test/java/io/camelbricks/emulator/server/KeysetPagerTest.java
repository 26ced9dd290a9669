package io.camelbricks.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class KeysetPagerTest {

    private final KeysetPager<Long> ascending = new KeysetPager<>("things", Long::longValue, false);
    private final KeysetPager<Long> descending = new KeysetPager<>("things", Long::longValue, true);

    @Test
    void walksForwardAndBackAscending() {
        List<Long> items = List.of(1L, 2L, 3L, 4L, 5L);
        KeysetPager.Page<Long> first = ascending.page(items, 2, null, 0);
        assertThat(first.items()).containsExactly(1L, 2L);
        assertThat(first.prevPageToken()).isNull();
        KeysetPager.Page<Long> second = ascending.page(items, 2, first.nextPageToken(), 0);
        assertThat(second.items()).containsExactly(3L, 4L);
        KeysetPager.Page<Long> third = ascending.page(items, 2, second.nextPageToken(), 0);
        assertThat(third.items()).containsExactly(5L);
        assertThat(third.hasMore()).isFalse();
        assertThat(ascending.page(items, 2, third.prevPageToken(), 0).items()).containsExactly(3L, 4L);
    }

    @Test
    void walksDescending() {
        List<Long> items = List.of(9L, 7L, 5L);
        KeysetPager.Page<Long> first = descending.page(items, 2, null, 0);
        assertThat(first.items()).containsExactly(9L, 7L);
        assertThat(descending.page(items, 2, first.nextPageToken(), 0).items()).containsExactly(5L);
    }

    @Test
    void legacyOffsetSkipsItems() {
        assertThat(ascending.page(List.of(1L, 2L, 3L), 5, null, 2).items()).containsExactly(3L);
    }

    @Test
    void pagesOfASortedMapAreThoseOfTheSortedList() {
        TreeMap<Long, Long> byKey = new TreeMap<>();
        for (long k = 1; k <= 23; k++) {
            byKey.put(k * 10, k * 10);
        }
        for (KeysetPager<Long> pager : List.of(ascending, descending)) {
            for (Predicate<Long> filter : Arrays.<Predicate<Long>>asList(null, k -> k % 30 != 0, k -> k > 1_000)) {
                List<Long> sorted = new ArrayList<>(pager == ascending ? byKey.values()
                        : byKey.descendingMap().values());
                sorted.removeIf(k -> filter != null && !filter.test(k));
                for (int limit : List.of(1, 4, 7, 100)) {
                    for (long offset : List.of(0L, 3L, 22L, 50L)) {
                        assertSamePage(pager.page(sorted, limit, null, offset),
                                pager.page(byKey, filter, limit, null, offset));
                    }
                    for (long boundary : List.of(0L, 10L, 15L, 120L, 230L, 999L)) {
                        for (boolean forward : List.of(true, false)) {
                            String token = new PageToken("things", forward, boundary).encode();
                            assertSamePage(pager.page(sorted, limit, token, 0),
                                    pager.page(byKey, filter, limit, token, 0));
                        }
                    }
                }
            }
        }
    }

    private static void assertSamePage(KeysetPager.Page<Long> expected, KeysetPager.Page<Long> actual) {
        assertThat(actual.items()).isEqualTo(expected.items());
        assertThat(actual.nextPageToken()).isEqualTo(expected.nextPageToken());
        assertThat(actual.prevPageToken()).isEqualTo(expected.prevPageToken());
    }

    @Test
    void rejectsTokensOfAnotherList() {
        String token = new PageToken("other", true, 1).encode();
        assertThatThrownBy(() -> ascending.page(List.of(1L), 1, token, 0))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE"));
    }
}
