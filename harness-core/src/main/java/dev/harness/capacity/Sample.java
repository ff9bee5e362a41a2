package dev.harness.capacity;

import dev.harness.record.Outcome;

/**
 * One request of a measured step's cohort, as the verdict sees it (all nanos from one monotonic
 * clock).
 *
 * @param intendedNanos the intended send time; orders the cohort in time
 * @param outcome the request's one outcome
 * @param e2eNanos intended send to last byte for successes; the timeout value for timeouts; -1 when
 *     unknown (drops, errors)
 * @param ttftNanos time to first token from the intended send; -1 when not measured (non-LLM
 *     target, no token)
 * @param tpotNanos time per output token; -1 when not measured (non-LLM target, fewer than 2
 *     tokens)
 */
public record Sample(
    long intendedNanos, Outcome outcome, long e2eNanos, long ttftNanos, long tpotNanos) {

  public Sample {
    if (outcome == null) {
      throw new IllegalArgumentException("a sample needs an outcome");
    }
    requireValueOrUnknown("e2eNanos", e2eNanos);
    requireValueOrUnknown("ttftNanos", ttftNanos);
    requireValueOrUnknown("tpotNanos", tpotNanos);
  }

  private static void requireValueOrUnknown(String field, long nanos) {
    if (nanos < -1) {
      throw new IllegalArgumentException(
          field + " must be a duration ≥ 0 or -1 for unknown, got " + nanos);
    }
  }

  /** A successful request with only an end-to-end latency (a non-LLM target). */
  public static Sample success(long intendedNanos, long e2eNanos) {
    return new Sample(intendedNanos, Outcome.SUCCESS, e2eNanos, -1, -1);
  }

  /** True when the outcome is {@link Outcome#SUCCESS}. */
  public boolean isSuccess() {
    return outcome == Outcome.SUCCESS;
  }
}
