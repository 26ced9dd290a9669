package io.camelbricks.emulator.repos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.Paging;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Repos API ({@code /api/2.0/repos}): create ({@code url}, {@code provider}, {@code path},
 * {@code sparse_checkout}), get, list ({@code path_prefix}; pages of up to 100 by path, the token goes back as
 * {@code next_page_token}), update ({@code PATCH}: {@code branch} or {@code tag}, {@code sparse_checkout}), delete.
 * An unknown id is {@code 404 RESOURCE_DOES_NOT_EXIST "Repo <id> does not exist."}.
 */
public final class ReposHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.0");
    private static final String LIST = "workspace.Repos.list";
    private static final int PAGE_SIZE = 100;

    private final EmulatedRepos repos;
    private final PageSizes pageSizes;

    public ReposHandler(EmulatedRepos repos, PageSizes pageSizes) {
        this.repos = repos;
        this.pageSizes = pageSizes;
    }

    @Override
    public void register(Router router) {
        router.post(V, "/repos", this::create)
              .get(V, "/repos", this::list)
              .get(V, "/repos/{repo_id}", r -> ApiResponse.ok(render(repos.existing(id(r)))))
              .add("PATCH", V, "/repos/{repo_id}", this::update)
              .add("DELETE", V, "/repos/{repo_id}", r -> {
                  repos.delete(id(r));
                  return ApiResponse.ok(Json.object());
              });
    }

    private ApiResponse create(ApiRequest request) {
        EmulatedRepos.Repo repo = repos.create(request.optionalString("url").orElse(null),
                request.optionalString("provider").orElse(null), request.optionalString("path").orElse(null),
                patterns(request.body()));
        return ApiResponse.ok(render(repo));
    }

    private ApiResponse list(ApiRequest request) {
        String prefix = request.optionalString("path_prefix").orElse("");
        List<EmulatedRepos.Repo> all = repos.repos().stream().filter(r -> r.path().startsWith(prefix)).toList();
        int size = pageSizes.resolve(OptionalLong.empty(), PAGE_SIZE, PAGE_SIZE, LIST, "/repos");
        Paging.TokenPage<EmulatedRepos.Repo> page = Paging.token(LIST, all,
                request.optionalString("next_page_token").orElse(null), size);
        return ApiResponse.ok(page.writeTo(Json.object(), "repos", ReposHandler::render));
    }

    private ApiResponse update(ApiRequest request) {
        long id = id(request);
        repos.update(id, request.optionalString("branch").filter(s -> !s.isEmpty()).orElse(null),
                request.optionalString("tag").filter(s -> !s.isEmpty()).orElse(null), patterns(request.body()));
        return ApiResponse.ok(Json.object());
    }

    private static long id(ApiRequest request) {
        String raw = request.pathParameter("repo_id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("Invalid repo id: " + raw + ".");
        }
    }

    /** {@code sparse_checkout.patterns}, or null when the body has no {@code sparse_checkout}. */
    private static List<String> patterns(ObjectNode body) {
        JsonNode sparse = body.get("sparse_checkout");
        if (sparse == null || sparse.isNull()) {
            return null;
        }
        JsonNode array = sparse.path("patterns");
        if (!sparse.isObject() || !(array.isArray() || array.isMissingNode())) {
            throw ApiException.malformedRequest("expected an object with an array 'patterns' for field 'sparse_checkout'");
        }
        List<String> patterns = new ArrayList<>();
        array.forEach(p -> patterns.add(p.asText()));
        return patterns;
    }

    static ObjectNode render(EmulatedRepos.Repo repo) {
        ObjectNode json = Json.object();
        json.put("id", repo.id());
        json.put("path", repo.path());
        json.put("url", repo.url());
        json.put("provider", repo.provider());
        if (repo.branch() != null) {
            json.put("branch", repo.branch());
        }
        json.put("head_commit_id", repo.headCommitId());
        if (repo.sparseCheckoutPatterns() != null) {
            ArrayNode patterns = json.putObject("sparse_checkout").putArray("patterns");
            repo.sparseCheckoutPatterns().forEach(patterns::add);
        }
        return json;
    }
}
