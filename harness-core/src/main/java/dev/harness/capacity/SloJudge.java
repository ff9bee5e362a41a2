package dev.harness.capacity;

import dev.harness.config.Objective;
import dev.harness.config.Slo;
import dev.harness.record.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Judges one measured step against the {@link Slo}: each objective "pX of metric ≤ T" is read as
 * "the share of requests over T is at most 1 − X/100" and decided with a confidence bound.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li><b>Per-request objectives</b> (e2e, ttft, tpot), from the {@link Sample}s: n = the whole
 *       cohort, every outcome; violations = every non-success plus every success whose value is
 *       over the threshold. A success without a value for the metric (-1, e.g. no TTFT) counts as
 *       a violation. The observed percentile is the nearest-rank value with non-successes and
 *       missing values at +∞, so it reads +∞ when the percentile falls on them.
 *   <li><b>Per-token objectives</b> (itl, icl), and any other metric a Sample does not carry, from
 *       the histogram of microsecond values given for the metric: n = its count, violations = the
 *       values over the threshold (a histogram bucket straddling the threshold counts as over,
 *       like {@link Histogram#getValueAtPercentile}). Failed requests are left to the error-rate
 *       check. No histogram, or an empty one: INCONCLUSIVE with n = 0.
 *   <li><b>Error rate</b>, listed last: n = the cohort, violations = the non-successes, allowed =
 *       {@link Slo#maxErrorRate()}. A guard rail judged on the observed rate unless the bounds
 *       decide: FAIL when the lower bound exceeds the maximum, PASS when the observed rate is
 *       within it (non-successes already count against every latency objective, which are judged
 *       with bounds; proving 1 % with a bound would take ~300 error-free requests).
 *   <li><b>Bounds.</b> One-sided lower and upper bounds of the true share at the judge's
 *       confidence: exact Clopper–Pearson ({@link ClopperPearson}); and, because latencies of
 *       consecutive requests in a queue are correlated, also batch means over time-ordered windows
 *       (see {@code ShareBounds}); the wider interval is used and the method of its upper bound is
 *       named. Per-token checks use Clopper–Pearson only (their gaps carry no send time).
 *   <li><b>Check verdict.</b> PASS when upper ≤ allowed, FAIL when lower &gt; allowed, else
 *       INCONCLUSIVE. With allowed = 0 (a maximum error rate of 0): PASS iff there is no
 *       violation, FAIL otherwise (n ≥ 1).
 *   <li><b>Step verdict.</b> FAIL if any check fails ({@code firstBreach} is the first in plan
 *       order), PASS if all pass, else INCONCLUSIVE naming the undecided checks; an empty cohort is
 *       INCONCLUSIVE "no requests". The judge never returns INVALID: the runner sets it when the
 *       generator was at fault.
 *   <li><b>Goodput.</b> goodRequests = successes meeting every per-request objective.
 * </ul>
 *
 * <p>Sources: Clopper and Pearson, Biometrika 26 (1934); batch means as in Law and Kelton,
 * Simulation Modeling and Analysis, §9.5.3; percentile objectives judged as exceedance shares as
 * in the design's measurement rules ("Verdicts are statistical").
 */
public final class SloJudge {
  private final Slo slo;
  private final double confidence;

  /**
   * @param slo the objectives and maximum error rate
   * @param confidence one-sided confidence of each bound, e.g. 0.95
   */
  public SloJudge(Slo slo, double confidence) {
    if (slo == null) {
      throw new IllegalArgumentException("a judge needs an SLO");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence must be between 0 and 1, both excluded, got " + confidence);
    }
    this.slo = slo;
    this.confidence = confidence;
  }

  public Slo slo() {
    return slo;
  }

  public double confidence() {
    return confidence;
  }

  /**
   * Judges one step's cohort.
   *
   * @param cohort every request of the step, in any order
   * @param tokenGapHistograms ITL / ICL values in microseconds per metric; may be null or lack
   *     metrics
   */
  public StepVerdict judge(List<Sample> cohort, Map<Metric, Histogram> tokenGapHistograms) {
    List<Sample> sorted = new ArrayList<>(cohort);
    sorted.sort(Comparator.comparingLong(Sample::intendedNanos));
    Map<Metric, Histogram> histograms = tokenGapHistograms == null ? Map.of() : tokenGapHistograms;
    List<Check> checks = new ArrayList<>();
    for (Objective o : slo.objectives()) {
      checks.add(
          Checks.isPerRequest(o.metric())
              ? Checks.perRequest(o, sorted, confidence)
              : Checks.fromHistogram(o, histograms.get(o.metric()), confidence));
    }
    checks.add(Checks.errorRate(sorted, slo.maxErrorRate(), confidence));
    long good = goodRequests(sorted);
    Check firstBreach =
        checks.stream().filter(c -> c.verdict() == Verdict.FAIL).findFirst().orElse(null);
    if (sorted.isEmpty()) {
      return new StepVerdict(Verdict.INCONCLUSIVE, "no requests", null, checks, 0);
    }
    if (firstBreach != null) {
      return new StepVerdict(Verdict.FAIL, Reasons.fail(checks), firstBreach, checks, good);
    }
    if (checks.stream().allMatch(c -> c.verdict() == Verdict.PASS)) {
      return new StepVerdict(
          Verdict.PASS, "all " + checks.size() + " objectives met", null, checks, good);
    }
    return new StepVerdict(Verdict.INCONCLUSIVE, Reasons.inconclusive(checks), null, checks, good);
  }

  private long goodRequests(List<Sample> cohort) {
    long good = 0;
    for (Sample s : cohort) {
      boolean ok = s.isSuccess();
      for (Objective o : slo.objectives()) {
        if (ok && Checks.isPerRequest(o.metric())) {
          ok = Checks.meets(s, o);
        }
      }
      good += ok ? 1 : 0;
    }
    return good;
  }
}
