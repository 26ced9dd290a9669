package io.camelbricks.api.sql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelbricks.api.service.sql.ExternalLink;
import io.camelbricks.api.service.sql.ResultData;
import io.camelbricks.api.service.sql.ResultManifest;

/**
 * Which chunk follows a given one: the chunk's {@code next_chunk_index}, else the index at the end of its
 * {@code next_chunk_internal_link} ({@code /api/2.0/sql/statements/{id}/result/chunks/{n}}), else, when the manifest
 * has a {@code total_chunk_count}, the next index below it. For EXTERNAL_LINKS these fields are read from the last
 * link of the answer. No next index means the chunk is the last.
 */
final class ChunkPaging {
    private static final Pattern TRAILING_INDEX = Pattern.compile("/result/chunks/(\\d+)/?(?:\\?.*)?$");

    private ChunkPaging() {
    }

    /** The index of the chunk after {@code index}, or -1 when there is none. */
    static int next(ResultManifest manifest, int index, ResultData data) {
        Long next = data.getNextChunkIndex();
        String internal = data.getNextChunkInternalLink();
        List<ExternalLink> links = data.getExternalLinks();
        if (next == null && internal == null && links != null && !links.isEmpty()) {
            ExternalLink last = links.get(links.size() - 1);
            next = last.getNextChunkIndex();
            internal = last.getNextChunkInternalLink();
        }
        if (next != null) {
            return next.intValue();
        }
        if (internal != null) {
            Matcher m = TRAILING_INDEX.matcher(internal);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            throw new IllegalStateException("cannot read a chunk index from next_chunk_internal_link " + internal);
        }
        int last = lastIndexIn(index, links);
        Long total = manifest == null ? null : manifest.getTotalChunkCount();
        if (total != null && last + 1 < total) {
            return last + 1;
        }
        return -1;
    }

    private static int lastIndexIn(int index, List<ExternalLink> links) {
        int last = index;
        if (links != null) {
            for (ExternalLink l : links) {
                if (l.getChunkIndex() != null) {
                    last = Math.max(last, l.getChunkIndex().intValue());
                }
            }
        }
        return last;
    }

    /** The number of chunks when the manifest tells it ({@code total_chunk_count}, else its chunk list); else -1. */
    static int knownCount(ResultManifest manifest) {
        if (manifest == null) {
            return -1;
        }
        if (manifest.getTotalChunkCount() != null) {
            return manifest.getTotalChunkCount().intValue();
        }
        if (manifest.getChunks() != null && !manifest.getChunks().isEmpty()) {
            return manifest.getChunks().size();
        }
        return -1;
    }
}
