package dev.harness.result;

import java.util.Map;

/**
 * The whole run.
 *
 * @param scheduled requests the schedule produced
 * @param succeeded successful requests
 * @param outcomes count per outcome label (only non-zero ones)
 * @param errorRate share that did not succeed
 * @param outputTokens output tokens of successful requests
 * @param durationSeconds from the origin to the end of the drain
 */
public record Totals(
    long scheduled,
    long succeeded,
    Map<String, Long> outcomes,
    double errorRate,
    long outputTokens,
    double durationSeconds) {
  public Totals {
    outcomes = Map.copyOf(outcomes);
  }
}
