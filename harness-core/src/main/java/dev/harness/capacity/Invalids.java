package dev.harness.capacity;

import java.util.List;

/**
 * Steps where the generator was at fault. One is re-run once (a passing disturbance on a shared
 * machine is not a verdict); a second at the same rate ends the search as generator-limited.
 */
final class Invalids {
  private Invalids() {}

  /** An invalid step seen twice at one rate, else the last step if it is invalid, else null. */
  static StepReport repeatedOrLast(List<StepReport> history) {
    for (StepReport r : history) {
      if (r.verdict() == Verdict.INVALID && count(history, r) >= 2) {
        return r;
      }
    }
    if (!history.isEmpty() && history.get(history.size() - 1).verdict() == Verdict.INVALID) {
      return history.get(history.size() - 1);
    }
    return null;
  }

  /** Invalid steps with the same kind and rate (or concurrency) as {@code r}. */
  static int count(List<StepReport> history, StepReport r) {
    int n = 0;
    for (StepReport s : history) {
      if (s.verdict() == Verdict.INVALID && s.plan().kind() == r.plan().kind()
          && Double.compare(s.plan().rate(), r.plan().rate()) == 0
          && s.plan().concurrency() == r.plan().concurrency()) {
        n++;
      }
    }
    return n;
  }
}
