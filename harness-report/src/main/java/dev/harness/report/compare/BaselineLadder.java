package dev.harness.report.compare;

import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import java.util.List;
import java.util.TreeSet;

/**
 * The ladder a nightly run replays ({@code harness capacity PLAN --ladder-from BASELINE_DIR}): the
 * offered rates of the baseline's open-loop capacity steps, ascending, each once, so that the
 * current run is measured at the rates the baseline was.
 */
public final class BaselineLadder {
  private BaselineLadder() {}

  /**
   * The baseline's open-loop rates, ascending and distinct.
   *
   * @throws IllegalArgumentException when the baseline is not a capacity run or measured no
   *     open-loop step
   */
  public static List<Double> rates(RunResult baseline) {
    if (baseline.capacity() == null) {
      throw new IllegalArgumentException("run " + baseline.runId() + " is a '" + baseline.kind()
          + "' run without a capacity curve; --ladder-from needs the results of harness "
          + "capacity");
    }
    TreeSet<Double> rates = new TreeSet<>();
    for (CapacityStep s : baseline.capacity().steps()) {
      if (s.offeredRps() != null && s.concurrency() == 0 && s.offeredRps() > 0) {
        rates.add(s.offeredRps());
      }
    }
    if (rates.isEmpty()) {
      throw new IllegalArgumentException("run " + baseline.runId()
          + " measured no open-loop step: there is no ladder to replay");
    }
    return List.copyOf(rates);
  }
}
