package dev.harness.result;

/**
 * One objective judged on one step: "share over the threshold ≤ allowed share" with one-sided
 * confidence bounds.
 *
 * @param name display form, e.g. "p99 e2e ≤ 250 ms"
 * @param metric metric tag, or "errors"
 * @param percentile e.g. 99 (null for the error-rate check)
 * @param thresholdMillis threshold (null for the error-rate check)
 * @param n requests judged (token gaps for itl)
 * @param violations requests over the threshold, plus every non-success
 * @param share violations ÷ n
 * @param allowedShare 1 − percentile/100, or the maximum error rate
 * @param lowerBound one-sided lower confidence bound of the share
 * @param upperBound one-sided upper confidence bound of the share
 * @param observedMillis the metric's observed percentile over the cohort (null if not finite)
 * @param verdict pass, fail or inconclusive
 * @param method clopper-pearson, or batch-means(k=…) when correlation made that interval wider
 */
public record CheckResult(
    String name,
    String metric,
    Double percentile,
    Double thresholdMillis,
    long n,
    long violations,
    double share,
    double allowedShare,
    double lowerBound,
    double upperBound,
    Double observedMillis,
    String verdict,
    String method) {}
