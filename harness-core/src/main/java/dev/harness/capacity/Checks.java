package dev.harness.capacity;

import dev.harness.config.Objective;
import dev.harness.record.Metric;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** Builds the {@link Check}s of {@link SloJudge}; the rules are in the judge's Javadoc. */
final class Checks {
  private Checks() {}

  /** True for the metrics a {@link Sample} carries, judged request by request. */
  static boolean isPerRequest(Metric metric) {
    return metric == Metric.E2E || metric == Metric.TTFT || metric == Metric.TPOT;
  }

  /** True for the tag of a per-request metric. */
  static boolean isPerRequestTag(String tag) {
    return tag.equals(Metric.E2E.tag()) || tag.equals(Metric.TTFT.tag())
        || tag.equals(Metric.TPOT.tag());
  }

  /** The sample's value of a per-request metric, in nanos, or -1 when not measured. */
  static long valueNanos(Sample s, Metric metric) {
    switch (metric) {
      case E2E:
        return s.e2eNanos();
      case TTFT:
        return s.ttftNanos();
      case TPOT:
        return s.tpotNanos();
      default:
        throw new IllegalArgumentException("a sample does not carry " + metric.tag());
    }
  }

  /** True when the sample meets the per-request objective: a success with a value ≤ threshold. */
  static boolean meets(Sample s, Objective o) {
    long v = valueNanos(s, o.metric());
    return s.isSuccess() && v >= 0 && v <= o.threshold().toNanos();
  }

  static String name(Objective o) {
    return Texts.percentile(o.percentile())
        + " "
        + o.metric().tag()
        + " ≤ "
        + Texts.millis(thresholdMillis(o))
        + " ms";
  }

  /** A per-request objective over the cohort, in order of intended send time. */
  static Check perRequest(Objective o, List<Sample> sorted, double confidence) {
    int n = sorted.size();
    boolean[] violated = new boolean[n];
    double[] millis = new double[n];
    for (int i = 0; i < n; i++) {
      Sample s = sorted.get(i);
      long v = valueNanos(s, o.metric());
      violated[i] = !meets(s, o);
      millis[i] = s.isSuccess() && v >= 0 ? v / 1e6 : Double.POSITIVE_INFINITY;
    }
    long violations = count(violated);
    ShareBounds.Bounds b = ShareBounds.widest(violated, confidence);
    return check(o, n, violations, b, observed(millis, o.percentile()));
  }

  /**
   * An objective judged on a histogram of microsecond values (token gaps for ITL and ICL). A value
   * is over the threshold when its bucket's highest equivalent value is, so a bucket straddling the
   * threshold counts as over, consistently with {@link Histogram#getValueAtPercentile}.
   */
  static Check fromHistogram(Objective o, Histogram micros, double confidence) {
    if (micros == null || micros.getTotalCount() == 0) {
      return new Check(name(o), o.metric().tag(), o.percentile(), thresholdMillis(o), 0, 0, 0,
          allowed(o), 0, 1, Double.NaN, Verdict.INCONCLUSIVE, ShareBounds.CLOPPER_PEARSON);
    }
    long thresholdMicros = o.threshold().toNanos() / 1000;
    long n = micros.getTotalCount();
    long violations = 0;
    for (HistogramIterationValue v : micros.recordedValues()) {
      if (micros.highestEquivalentValue(v.getValueIteratedTo()) > thresholdMicros) {
        violations += v.getCountAtValueIteratedTo();
      }
    }
    double observedMillis = micros.getValueAtPercentile(o.percentile()) / 1000.0;
    return check(o, n, violations, ShareBounds.clopperPearson(violations, n, confidence),
        observedMillis);
  }

  /** The error-rate check: non-successes against the maximum error rate. */
  static Check errorRate(List<Sample> sorted, double maxErrorRate, double confidence) {
    int n = sorted.size();
    boolean[] failed = new boolean[n];
    for (int i = 0; i < n; i++) {
      failed[i] = !sorted.get(i).isSuccess();
    }
    long k = count(failed);
    ShareBounds.Bounds b = ShareBounds.widest(failed, confidence);
    return new Check("error rate ≤ " + Texts.percent(maxErrorRate), Check.ERRORS, Double.NaN,
        Double.NaN, n, k, share(k, n), maxErrorRate, b.lower(), b.upper(), Double.NaN,
        errorVerdict(k, n, b, maxErrorRate), b.method());
  }

  private static Check check(
      Objective o, long n, long violations, ShareBounds.Bounds b, double observedMillis) {
    double allowed = allowed(o);
    return new Check(name(o), o.metric().tag(), o.percentile(), thresholdMillis(o), n, violations,
        share(violations, n), allowed, b.lower(), b.upper(), observedMillis,
        verdict(violations, n, b, allowed), b.method());
  }

  /**
   * The error rate is a guard rail, not the capacity criterion: FAIL when the lower bound exceeds
   * the maximum (or, with a maximum of 0, on any error), PASS when the observed rate is within it,
   * else INCONCLUSIVE. Proving a 1 % maximum with a confidence bound would take about 300
   * requests without an error, and every non-success already counts as a violation of each
   * latency objective, which are judged with bounds.
   */
  static Verdict errorVerdict(long errors, long n, ShareBounds.Bounds b, double maxErrorRate) {
    Verdict strict = verdict(errors, n, b, maxErrorRate);
    if (strict == Verdict.INCONCLUSIVE && n > 0 && share(errors, n) <= maxErrorRate) {
      return Verdict.PASS;
    }
    return strict;
  }

  /**
   * PASS when the upper bound is within the allowed share, FAIL when the lower bound exceeds it,
   * else INCONCLUSIVE; with nothing allowed, any violation fails and none passes.
   */
  static Verdict verdict(long violations, long n, ShareBounds.Bounds b, double allowed) {
    if (n == 0) {
      return Verdict.INCONCLUSIVE;
    }
    if (allowed == 0) {
      return violations == 0 ? Verdict.PASS : Verdict.FAIL;
    }
    if (b.upper() <= allowed) {
      return Verdict.PASS;
    }
    if (b.lower() > allowed) {
      return Verdict.FAIL;
    }
    return Verdict.INCONCLUSIVE;
  }

  /** Nearest-rank percentile: the ⌈p/100 · n⌉-th smallest value; NaN for no values. */
  static double observed(double[] values, double percentile) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    long rank = (long) Math.ceil(percentile / 100 * sorted.length - 1e-9);
    int index = (int) Math.max(0, Math.min(sorted.length - 1, rank - 1));
    return sorted[index];
  }

  private static double allowed(Objective o) {
    return 1 - o.percentile() / 100;
  }

  private static double thresholdMillis(Objective o) {
    return o.threshold().toNanos() / 1e6;
  }

  private static double share(long k, long n) {
    return n == 0 ? 0 : (double) k / n;
  }

  private static long count(boolean[] flags) {
    long k = 0;
    for (boolean f : flags) {
      k += f ? 1 : 0;
    }
    return k;
  }
}
