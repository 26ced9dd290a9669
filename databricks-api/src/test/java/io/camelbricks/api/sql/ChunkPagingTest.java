package io.camelbricks.api.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.sql.ExternalLink;
import io.camelbricks.api.service.sql.ResultData;
import io.camelbricks.api.service.sql.ResultManifest;

/** Which chunk follows: next_chunk_index, else next_chunk_internal_link, else total_chunk_count. */
class ChunkPagingTest {
    private static final ResultManifest NO_TOTAL = new ResultManifest();

    @Test
    void nextChunkIndexIsFollowedWithoutATotal() {
        assertThat(ChunkPaging.next(NO_TOTAL, 0, new ResultData().setNextChunkIndex(1L))).isEqualTo(1);
        assertThat(ChunkPaging.next(NO_TOTAL, 3, new ResultData().setExternalLinks(List.of(
                new ExternalLink().setChunkIndex(3L).setNextChunkIndex(4L))))).isEqualTo(4);
    }

    @Test
    void theInternalLinkGivesTheIndexWhenNextChunkIndexIsAbsent() {
        assertThat(ChunkPaging.next(NO_TOTAL, 1, new ResultData()
                .setNextChunkInternalLink("/api/2.0/sql/statements/01ef-aa/result/chunks/2"))).isEqualTo(2);
        assertThat(ChunkPaging.next(NO_TOTAL, 6, new ResultData().setExternalLinks(List.of(new ExternalLink()
                .setChunkIndex(6L).setNextChunkInternalLink("/api/2.0/sql/statements/x/result/chunks/7?row_offset=70")))))
                .isEqualTo(7);
    }

    @Test
    void withoutNextFieldsTheTotalDecidesAndOtherwiseTheChunkIsTheLast() {
        ResultManifest three = new ResultManifest().setTotalChunkCount(3L);
        assertThat(ChunkPaging.next(three, 1, new ResultData())).isEqualTo(2);
        assertThat(ChunkPaging.next(three, 2, new ResultData())).isEqualTo(-1);
        assertThat(ChunkPaging.next(NO_TOTAL, 0, new ResultData())).isEqualTo(-1);
        assertThat(ChunkPaging.knownCount(three)).isEqualTo(3);
        assertThat(ChunkPaging.knownCount(NO_TOTAL)).isEqualTo(-1);
    }
}
