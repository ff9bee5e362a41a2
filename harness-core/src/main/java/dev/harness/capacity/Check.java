package dev.harness.capacity;

/**
 * One objective judged on one step: "pX of metric ≤ T" read as "the share of requests over T is at
 * most 1 − X/100", or the error rate against its maximum. See {@link SloJudge} for the rules.
 *
 * @param name for display, e.g. {@code "p99 e2e ≤ 250 ms"} or {@code "error rate ≤ 1%"}
 * @param metric {@code Metric.tag()} ("e2e", "ttft", "tpot", "itl", "icl") or "errors"
 * @param percentile e.g. 99.0; NaN for the error-rate check
 * @param thresholdMillis the objective's threshold; NaN for the error-rate check
 * @param n requests judged (token gaps for itl/icl)
 * @param violations requests over the threshold plus every non-success (token gaps over the
 *     threshold for itl/icl; non-successes for the error-rate check)
 * @param share violations / n (0 when n = 0)
 * @param allowedShare 1 − percentile/100, or the maximum error rate
 * @param lowerBound one-sided lower confidence bound of the true share
 * @param upperBound one-sided upper confidence bound of the true share
 * @param observedMillis observed percentile over the cohort; +infinity when it falls on a
 *     non-success; NaN for the error-rate check or when nothing was observed
 * @param verdict PASS, FAIL or INCONCLUSIVE
 * @param method the method behind the upper bound: "clopper-pearson" or "batch-means(k=12)"
 */
public record Check(
    String name,
    String metric,
    double percentile,
    double thresholdMillis,
    long n,
    long violations,
    double share,
    double allowedShare,
    double lowerBound,
    double upperBound,
    double observedMillis,
    Verdict verdict,
    String method) {

  /** The {@link #metric} of the error-rate check. */
  public static final String ERRORS = "errors";

  public Check {
    if (name == null || metric == null || verdict == null || method == null) {
      throw new IllegalArgumentException(
          "a check needs a name, metric, verdict and method, got name=" + name + ", metric="
              + metric + ", verdict=" + verdict + ", method=" + method);
    }
    if (n < 0 || violations < 0 || violations > n) {
      throw new IllegalArgumentException(
          "violations must be from 0 to n, got violations=" + violations + ", n=" + n);
    }
    if (!(lowerBound >= 0 && lowerBound <= upperBound && upperBound <= 1)) {
      throw new IllegalArgumentException(
          "bounds must satisfy 0 ≤ lower ≤ upper ≤ 1, got [" + lowerBound + ", " + upperBound + "]");
    }
    if (!(allowedShare >= 0 && allowedShare <= 1)) {
      throw new IllegalArgumentException("allowedShare must be from 0 to 1, got " + allowedShare);
    }
  }

  /** True for the error-rate check. */
  public boolean isErrorRate() {
    return ERRORS.equals(metric);
  }
}
