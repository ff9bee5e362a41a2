package dev.harness.payload;

/** How the next payload is chosen. */
public enum Sampling {
  /** In file order, wrapping around. */
  SEQUENTIAL,
  /** A seeded shuffle of the whole set per pass, without replacement inside a pass. */
  SHUFFLE,
  /** Independent draws with probability proportional to each line's weight (seeded). */
  WEIGHTED
}
