package dev.harness.capacity;

/** The verdict on one objective or one step. */
public enum Verdict {
  /** The objective holds with the chosen confidence. */
  PASS,
  /** The objective is breached with the chosen confidence. */
  FAIL,
  /** The data cannot decide either way at the chosen confidence: measure longer. */
  INCONCLUSIVE,
  /** The generator, not the endpoint, was at fault; set by the runner, never by the judge. */
  INVALID
}
