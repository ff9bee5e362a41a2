package dev.harness.report;

import dev.harness.record.LatencySummary;
import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the table every report shows: for a capacity run one search step (a point of the
 * capacity curve, joined with its measured window in {@code steps}), for a plain run one step.
 * Fields a plain run does not have (goodput, verdict) are null.
 *
 * @param label "1", "2", … for search steps; the step name for plain runs
 * @param kind capacity step kind (saturation, trial, final, ladder), or null
 * @param offeredRps the open-loop rate, or null for a closed-loop saturation step
 * @param concurrency requests in flight of a saturation step, else 0
 * @param achievedRps successes per second of window
 * @param goodputRps requests meeting every objective per second (capacity only), or null
 * @param scheduled requests in the cohort
 * @param step the measured window in results.json {@code steps}, or null if missing
 * @param stepJson JSON pointer of {@code step} in results.json, e.g. "/steps/3"
 * @param rowJson JSON pointer of the row's own object ("/capacity/steps/1" or "/steps/3")
 * @param verdict pass, fail, inconclusive or invalid (capacity only), or null
 * @param reason why the verdict (capacity only), or null
 * @param intervals metric → percentile → [low, high] ms confidence interval; empty if none
 */
record CurveRow(
    String label,
    String kind,
    Double offeredRps,
    int concurrency,
    double achievedRps,
    Double goodputRps,
    long scheduled,
    StepResult step,
    String stepJson,
    String rowJson,
    String verdict,
    String reason,
    Map<String, Map<String, List<Double>>> intervals) {

  CurveRow {
    intervals = Map.copyOf(intervals);
  }

  /** The rows of a run: its capacity steps when it has a capacity search, else its steps. */
  static List<CurveRow> of(RunResult r) {
    List<CurveRow> rows = new ArrayList<>();
    if (r.capacity() != null) {
      for (int i = 0; i < r.capacity().steps().size(); i++) {
        CapacityStep c = r.capacity().steps().get(i);
        boolean known = c.resultStep() >= 0 && c.resultStep() < r.steps().size();
        rows.add(new CurveRow(Integer.toString(c.index() + 1), c.kind(), c.offeredRps(),
            c.concurrency(), c.achievedRps(), c.goodputRps(), c.scheduled(),
            known ? r.steps().get(c.resultStep()) : null,
            known ? "/steps/" + c.resultStep() : null,
            "/capacity/steps/" + i, c.verdict(), c.reason(),
            c.percentileIntervals()));
      }
      return rows;
    }
    for (int i = 0; i < r.steps().size(); i++) {
      StepResult s = r.steps().get(i);
      rows.add(new CurveRow(s.name(), null, s.offeredRps(), 0, s.achievedRps(), null,
          s.scheduled(), s, "/steps/" + i, "/steps/" + i, null, null, Map.of()));
    }
    return rows;
  }

  /** True when any row has LLM metrics (TTFT). */
  static boolean llm(List<CurveRow> rows) {
    return rows.stream().anyMatch(r -> r.latency("ttft") != null);
  }

  /** The measured window's summary of {@code metric}, or null when it has no values. */
  LatencySummary latency(String metric) {
    if (step == null) {
      return null;
    }
    LatencySummary l = step.latencies().get(metric);
    return l == null || l.n() == 0 ? null : l;
  }

  /** The confidence interval [low, high] ms of a percentile ("p99"), or null. */
  List<Double> interval(String metric, String percentile) {
    Map<String, List<Double>> m = intervals.get(metric);
    List<Double> ci = m == null ? null : m.get(percentile);
    return ci == null || ci.size() != 2 ? null : ci;
  }

  /** The offered rate for display: the rate, or "×N" in flight for a saturation step. */
  String offeredLabel() {
    return offeredRps == null ? "×" + concurrency : Formats.rate(offeredRps);
  }
}
