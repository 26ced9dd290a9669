package io.camelbricks.emulator.repos;

import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.workspace.EmulatedWorkspace;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Git folders made with the Repos API ({@code /api/2.0/repos}), test-facing side: seeding and inspection. Each repo
 * is also an object of type {@code REPO} in the workspace tree, and its id is that object's {@code object_id}.
 * Nothing is cloned: {@code head_commit_id} is a deterministic fake SHA-1 of the URL and the checked-out branch or
 * tag, so the same checkout always shows the same commit.
 *
 * <pre>{@code
 * long id = emu.repos().createRepo("https://github.com/acme/etl.git", "gitHub", null);   // /Repos/<user>/etl
 * emu.repos().repo(id).map(EmulatedRepos.Repo::branch);                                  // Optional["main"]
 * }</pre>
 * Thread-safe.
 */
public final class EmulatedRepos {

    /** The Git providers the service accepts (matched case-insensitively, answered in this spelling). */
    public static final List<String> PROVIDERS = List.of("gitHub", "bitbucketCloud", "gitLab", "azureDevOpsServices",
            "gitHubEnterprise", "bitbucketServer", "gitLabEnterpriseEdition", "awsCodeCommit");

    /**
     * One repo. {@code branch} is null after a tag was checked out (detached head); {@code sparseCheckoutPatterns}
     * is null when the repo has no sparse checkout.
     */
    public record Repo(long id, String path, String url, String provider, String branch, String headCommitId,
                       List<String> sparseCheckoutPatterns) {
    }

    private final EmulatedWorkspace workspace;
    private final String userName;
    private final Map<Long, Repo> repos = new LinkedHashMap<>();

    public EmulatedRepos(EmulatedWorkspace workspace, String userName) {
        this.workspace = workspace;
        this.userName = userName;
    }

    /**
     * Creates a repo on branch {@code main} (no HTTP); returns its id. {@code provider} null: inferred from the
     * host of {@code url}; {@code path} null: {@code /Repos/<user>/<last segment of the url without .git>}.
     *
     * @throws ApiException as the API answers it (400 for a bad provider or path, a taken path)
     */
    public long createRepo(String url, String provider, String path) {
        return create(url, provider, path, null).id();
    }

    public synchronized Optional<Repo> repo(long id) {
        prune();
        return Optional.ofNullable(repos.get(id));
    }

    /** Every repo, by path. */
    public synchronized List<Repo> repos() {
        prune();
        List<Repo> all = new ArrayList<>(repos.values());
        all.sort(Comparator.comparing(Repo::path));
        return all;
    }

    /** Forgets every repo (the workspace tree is reset on its own by {@code emu.reset()}). */
    public synchronized void reset() {
        repos.clear();
    }

    synchronized Repo create(String url, String provider, String path, List<String> sparsePatterns) {
        if (url == null || url.isBlank()) {
            throw ApiException.missingField("url");
        }
        String canonicalProvider = provider == null || provider.isBlank() ? inferProvider(url) : canonical(provider);
        String repoPath = path == null || path.isBlank() ? "/Repos/" + userName + "/" + nameOf(url)
                : path.startsWith("/Workspace/") ? path.substring("/Workspace".length()) : path;
        validatePath(repoPath);
        OptionalLong id = workspace.putRepo(repoPath);
        if (id.isEmpty()) {
            throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "Path (" + repoPath + ") already exists.");
        }
        Repo repo = new Repo(id.getAsLong(), repoPath, url, canonicalProvider, "main", commitOf(url, "branch", "main"),
                sparsePatterns == null ? null : List.copyOf(sparsePatterns));
        repos.put(repo.id(), repo);
        return repo;
    }

    /** Checks out {@code branch} or {@code tag} (at most one) and/or replaces the sparse checkout patterns. */
    synchronized Repo update(long id, String branch, String tag, List<String> sparsePatterns) {
        Repo repo = existing(id);
        if (branch != null && tag != null) {
            throw ApiException.invalidParameter("Only one of branch and tag can be given.");
        }
        String newBranch = repo.branch();
        String head = repo.headCommitId();
        if (branch != null) {
            newBranch = branch;
            head = commitOf(repo.url(), "branch", branch);
        } else if (tag != null) {
            newBranch = null;
            head = commitOf(repo.url(), "tag", tag);
        }
        Repo updated = new Repo(id, repo.path(), repo.url(), repo.provider(), newBranch, head,
                sparsePatterns == null ? repo.sparseCheckoutPatterns() : List.copyOf(sparsePatterns));
        repos.put(id, updated);
        return updated;
    }

    synchronized void delete(long id) {
        Repo repo = existing(id);
        repos.remove(id);
        workspace.delete(repo.path());
    }

    synchronized Repo existing(long id) {
        prune();
        Repo repo = repos.get(id);
        if (repo == null) {
            throw ApiException.resourceDoesNotExist("Repo " + id + " does not exist.");
        }
        return repo;
    }

    /** Forgets repos whose folder was deleted through the Workspace API (or replaced since). */
    private void prune() {
        repos.values().removeIf(r -> workspace.objectId(r.path()).filter(id -> id == r.id()).isEmpty());
    }

    /** The fake SHA-1 of a checkout: hex of SHA-1("url#kind:name"). */
    static String commitOf(String url, String kind, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((url + "#" + kind + ":" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(String provider) {
        return PROVIDERS.stream().filter(p -> p.equalsIgnoreCase(provider)).findFirst()
                .orElseThrow(() -> ApiException.invalidParameter("Invalid Git provider: " + provider
                        + ". Use one of " + String.join(", ", PROVIDERS) + "."));
    }

    private static String inferProvider(String url) {
        String host;
        try {
            host = Optional.ofNullable(URI.create(url.trim()).getHost()).orElse("").toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            host = "";
        }
        if (host.equals("github.com")) {
            return "gitHub";
        }
        if (host.equals("gitlab.com")) {
            return "gitLab";
        }
        if (host.equals("bitbucket.org")) {
            return "bitbucketCloud";
        }
        if (host.equals("dev.azure.com") || host.endsWith(".visualstudio.com")) {
            return "azureDevOpsServices";
        }
        throw ApiException.missingField("provider");
    }

    private static String nameOf(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        String name = u.substring(u.lastIndexOf('/') + 1);
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        if (name.isEmpty()) {
            throw ApiException.invalidParameter("Cannot derive a repo name from url " + url + "; give a path.");
        }
        return name;
    }

    private static void validatePath(String path) {
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw ApiException.invalidParameter("Invalid path: " + path + ".");
        }
        if (path.startsWith("/Repos/") && path.split("/").length != 4) {
            throw ApiException.invalidParameter("Repos in /Repos must be at /Repos/{folder}/{repo-name}: " + path + ".");
        }
    }
}
