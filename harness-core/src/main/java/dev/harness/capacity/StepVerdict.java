package dev.harness.capacity;

import java.util.List;

/**
 * The verdict on one measured step: every objective's {@link Check} in plan order, the error-rate
 * check last.
 *
 * @param verdict FAIL if any check fails, PASS if all pass, else INCONCLUSIVE (INVALID only when
 *     the runner finds the generator at fault)
 * @param reason one line for people, numbers with their n
 * @param firstBreach the first failing check in {@code checks}, or null when none fails
 * @param checks every check, in plan order of the objectives, the error-rate check last
 * @param goodRequests successes meeting every per-request objective (the goodput count)
 */
public record StepVerdict(
    Verdict verdict, String reason, Check firstBreach, List<Check> checks, long goodRequests) {

  public StepVerdict {
    if (verdict == null || reason == null) {
      throw new IllegalArgumentException(
          "a step verdict needs a verdict and a reason, got " + verdict + ", " + reason);
    }
    checks = List.copyOf(checks);
    if (goodRequests < 0) {
      throw new IllegalArgumentException("goodRequests must be ≥ 0, got " + goodRequests);
    }
  }

  /** The same verdict with another verdict and reason, e.g. INVALID when the generator lagged. */
  public StepVerdict withVerdict(Verdict newVerdict, String newReason) {
    return new StepVerdict(newVerdict, newReason, firstBreach, checks, goodRequests);
  }
}
