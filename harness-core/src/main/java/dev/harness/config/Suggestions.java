package dev.harness.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys and values. Candidates are compared with case, '-' and '_'
 * ignored, by Levenshtein edit distance (V. I. Levenshtein, 1966; the dynamic programme of Wagner
 * and Fischer, "The String-to-String Correction Problem", JACM 21(1), 1974). A candidate is close
 * when its distance is at most a third of its length, and at least 1.
 */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate to {@code input}, if one is close enough. */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String in = normalize(input);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String c = normalize(candidate);
      int d = distance(in, c);
      if (d < bestDistance && d <= Math.max(1, c.length() / 3)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code "; did you mean 'x'?"} when a candidate is close, else the empty string. */
  public static String didYouMean(String input, Collection<String> candidates) {
    return closest(input, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Levenshtein distance with two rolling rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
