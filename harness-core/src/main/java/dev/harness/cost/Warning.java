package dev.harness.cost;

import java.util.List;

/**
 * Something the reader of a decision must know, as data: its kind, one line of text and the
 * candidates it is about.
 *
 * @param kind what it is about
 * @param text one line with the numbers
 * @param candidates the candidates concerned
 */
public record Warning(Kind kind, String text, List<String> candidates) {
  public Warning {
    if (kind == null || text == null || text.isBlank()) {
      throw new IllegalArgumentException("a warning needs a kind and a text");
    }
    candidates = List.copyOf(candidates);
  }

  /** The kinds of warning a decision can carry. */
  public enum Kind {
    /** Median output lengths differ by more than 10 %: costs per request are not comparable. */
    OUTPUT_LENGTHS_DIFFER,
    /** The cheapest candidates are tied within the measurement's uncertainty. */
    TIE_AT_TOP,
    /** Another candidate is cheaper per inference but not for the declared traffic. */
    CHEAPER_PER_INFERENCE
  }
}
