package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.KeysetPager;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.OptionalLong;
import java.util.Set;

/** The Clusters API ({@code /api/2.0|2.1/clusters/...}): list (token paging with page_size) and get. */
public final class ClustersHandler implements ServiceHandler {

    private static final int MAX_PAGE_SIZE = 100;

    private final EmulatedClusters clusters;
    private final KeysetPager<ClusterStore.StoredCluster> pager =
            new KeysetPager<>("clusters", ClusterStore.StoredCluster::sequence, false);

    public ClustersHandler(EmulatedClusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public void register(Router router) {
        Set<String> v = Router.Versions.CLUSTERS;
        router.get(v, "/clusters/list", this::list)
              .get(v, "/clusters/get", this::get);
    }

    private ApiResponse get(ApiRequest request) {
        String clusterId = request.requiredString("cluster_id");
        ObjectNode cluster = clusters.cluster(clusterId)
                .orElseThrow(() -> ApiException.legacyDoesNotExist("Cluster " + clusterId + " does not exist"));
        return ApiResponse.ok(cluster);
    }

    /** Without page_size every cluster comes in one answer; with it, pages of that size (at most 100). */
    private ApiResponse list(ApiRequest request) {
        OptionalLong pageSize = request.optionalLong("page_size");
        String token = request.optionalString("page_token").orElse(null);
        var all = clusters.store.list();
        int size;
        if (pageSize.isPresent() && pageSize.getAsLong() != 0) {
            if (pageSize.getAsLong() < 0) {
                throw ApiException.invalidParameter("page_size must not be negative.");
            }
            size = (int) Math.min(MAX_PAGE_SIZE, pageSize.getAsLong());
        } else {
            size = token == null || token.isEmpty() ? Math.max(1, all.size()) : MAX_PAGE_SIZE;
        }
        KeysetPager.Page<ClusterStore.StoredCluster> page = pager.page(all, size, token, 0);
        ObjectNode json = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode array = json.putArray("clusters");
            page.items().forEach(c -> array.add(c.details()));
        }
        if (page.nextPageToken() != null) {
            json.put("next_page_token", page.nextPageToken());
        }
        if (page.prevPageToken() != null) {
            json.put("prev_page_token", page.prevPageToken());
        }
        return ApiResponse.ok(json);
    }
}
