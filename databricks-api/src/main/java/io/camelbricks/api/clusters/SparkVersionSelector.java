package io.camelbricks.api.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.compute.SparkVersion;

/**
 * What {@link ClustersExt#selectSparkVersion} looks for, with the Python SDK's defaults: the latest non-ML, non-GPU,
 * non-Genomics, non-Photon, non-Graviton, non-Beta runtime for Scala 2.12, LTS or not.
 *
 * <pre>{@code
 * String key = w.clusters().selectSparkVersion(new SparkVersionSelector().longTermSupport(true).ml(true));
 * }</pre>
 *
 * A runtime matches when its key has {@code -scala<scala>}, is not a light {@code apache-spark-} runtime, and has
 * {@code -ml-}, {@code -hls-}, {@code -gpu-}, {@code -photon-}, {@code -aarch64-} in its key and {@code Beta} in its
 * name exactly when {@code ml}, {@code genomics}, {@code gpu}, {@code photon}, {@code graviton} and {@code beta} ask
 * for it; with {@code longTermSupport} its name says {@code LTS} or its key {@code -esr-}; with {@code sparkVersion}
 * its name says {@code Apache Spark <sparkVersion>}. Of several matches the newest (by major.minor of the key) wins,
 * unless {@code latest} is false: then several matches are an error.
 */
public final class SparkVersionSelector {
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+|x)(?:\\.(\\d+|x))?");

    private boolean latest = true;
    private boolean longTermSupport;
    private boolean ml;
    private boolean genomics;
    private boolean gpu;
    private String scala = "2.12";
    private String sparkVersion;
    private boolean photon;
    private boolean graviton;
    private boolean beta;

    /** The newest of several matches (default true); false makes several matches an error. */
    public SparkVersionSelector latest(boolean latest) { this.latest = latest; return this; }

    /** Long-term support runtimes only (LTS, or Extended Support). */
    public SparkVersionSelector longTermSupport(boolean lts) { this.longTermSupport = lts; return this; }

    /** Machine Learning runtimes (only those when true, none when false). */
    public SparkVersionSelector ml(boolean ml) { this.ml = ml; return this; }

    /** Genomics runtimes. */
    public SparkVersionSelector genomics(boolean genomics) { this.genomics = genomics; return this; }

    /** GPU runtimes. */
    public SparkVersionSelector gpu(boolean gpu) { this.gpu = gpu; return this; }

    /** The Scala version, default {@code 2.12}. */
    public SparkVersionSelector scala(String scala) { this.scala = scala; return this; }

    /** The Apache Spark version the runtime includes, e.g. {@code 3.5.2} (default: any). */
    public SparkVersionSelector sparkVersion(String sparkVersion) { this.sparkVersion = sparkVersion; return this; }

    /** Photon runtimes. */
    public SparkVersionSelector photon(boolean photon) { this.photon = photon; return this; }

    /** Graviton (aarch64) runtimes. */
    public SparkVersionSelector graviton(boolean graviton) { this.graviton = graviton; return this; }

    /** Beta runtimes. */
    public SparkVersionSelector beta(boolean beta) { this.beta = beta; return this; }

    /**
     * The key of the matching runtime among {@code versions}.
     *
     * @throws DatabricksException when none matches, or several do and {@code latest} is false; the message names
     *                             the criteria and the keys on offer
     */
    public String select(List<SparkVersion> versions) {
        List<String> matching = new ArrayList<>();
        List<String> available = new ArrayList<>();
        for (SparkVersion v : versions == null ? List.<SparkVersion>of() : versions) {
            String key = v.getKey() == null ? "" : v.getKey();
            available.add(key);
            if (matches(key, v.getName() == null ? "" : v.getName())) {
                matching.add(key);
            }
        }
        if (matching.isEmpty()) {
            throw new DatabricksException("no spark version matches: " + this + "; available: "
                    + String.join(", ", available));
        }
        if (matching.size() > 1 && !latest) {
            throw new DatabricksException(matching.size() + " spark versions match " + this
                    + " and latest=false asks for exactly one: " + String.join(", ", matching));
        }
        return matching.stream().max(NEWEST_LAST).orElseThrow();
    }

    private boolean matches(String key, String name) {
        if (!key.contains("-scala" + scala) || key.contains("apache-spark-")) {
            return false;
        }
        boolean match = key.contains("-ml-") == ml
                && key.contains("-hls-") == genomics
                && key.contains("-gpu-") == gpu
                && key.contains("-photon-") == photon
                && key.contains("-aarch64-") == graviton
                && name.contains("Beta") == beta;
        if (match && longTermSupport) {
            match = name.contains("LTS") || key.contains("-esr-");
        }
        if (match && sparkVersion != null) {
            match = name.contains("Apache Spark " + sparkVersion);
        }
        return match;
    }

    /** By major, minor and patch of the key ({@code x} counts as 0), then by key; unparseable keys first. */
    private static final Comparator<String> NEWEST_LAST = Comparator
            .comparing((String key) -> version(key), (a, b) -> {
                for (int i = 0; i < 3; i++) {
                    int c = Long.compare(a[i], b[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            })
            .thenComparing(Comparator.naturalOrder());

    private static long[] version(String key) {
        Matcher m = VERSION.matcher(key);
        if (!m.find()) {
            return new long[] {-1, -1, -1};
        }
        return new long[] {number(m.group(1)), number(m.group(2)), number(m.group(3))};
    }

    private static long number(String part) {
        return part == null || "x".equals(part) ? 0 : Long.parseLong(part);
    }

    /** The criteria, e.g. {@code latest, LTS, scala 2.12, ml=false, genomics=false, gpu=false, ...}. */
    @Override
    public String toString() {
        return (latest ? "latest" : "exactly one") + (longTermSupport ? ", LTS" : "") + ", scala " + scala
                + (sparkVersion == null ? "" : ", Apache Spark " + sparkVersion)
                + ", ml=" + ml + ", genomics=" + genomics + ", gpu=" + gpu + ", photon=" + photon
                + ", graviton=" + graviton + ", beta=" + beta;
    }
}
