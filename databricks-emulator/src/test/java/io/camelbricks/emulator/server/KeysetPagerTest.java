package io.camelbricks.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
    void rejectsTokensOfAnotherList() {
        String token = new PageToken("other", true, 1).encode();
        assertThatThrownBy(() -> ascending.page(List.of(1L), 1, token, 0))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE"));
    }
}
