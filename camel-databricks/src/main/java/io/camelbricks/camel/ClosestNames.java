package io.camelbricks.camel;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Picks, among valid names, the ones closest to a misspelt name by edit distance (case-insensitive), so that an
 * error can say "did you mean ...".
 */
public final class ClosestNames {
    private static final int MAX_SUGGESTIONS = 3;

    private ClosestNames() {
    }

    /**
     * The valid names nearest to {@code wanted}: those within a distance proportional to its length, best first; if
     * none is that close, the nearest ones anyway (a hint beats an empty list).
     */
    public static List<String> closestTo(String wanted, Collection<String> valid) {
        String w = wanted == null ? "" : wanted.toLowerCase(Locale.ROOT);
        Comparator<Scored> order = Comparator.comparingInt(Scored::distance).thenComparing(Scored::name);
        List<Scored> scored = valid.stream().distinct()
                .map(name -> new Scored(name, distance(w, name.toLowerCase(Locale.ROOT))))
                .sorted(order)
                .toList();
        int close = Math.max(2, w.length() / 3);
        List<String> near = scored.stream().filter(s -> s.distance() <= close).limit(MAX_SUGGESTIONS)
                .map(Scored::name).toList();
        return near.isEmpty() ? scored.stream().limit(MAX_SUGGESTIONS).map(Scored::name).toList() : near;
    }

    /** Only the valid names within a distance proportional to the length of {@code wanted}; may be empty. */
    public static List<String> nearTo(String wanted, Collection<String> valid) {
        String w = wanted == null ? "" : wanted.toLowerCase(Locale.ROOT);
        int close = Math.max(2, w.length() / 3);
        return closestTo(wanted, valid).stream()
                .filter(name -> distance(w, name.toLowerCase(Locale.ROOT)) <= close).toList();
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of two adjacent characters (optimal
     * string alignment), so that the common typo {@code sumbit} is one edit from {@code submit}.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Scored(String name, int distance) {
    }
}
