package dev.harness.capacity;

/**
 * What one search step measured and how it was judged: the input of the next strategy decision.
 *
 * @param plan the step as asked for
 * @param verdict PASS, FAIL (an objective missed, or unstable), INCONCLUSIVE (still so at the
 *     longest window) or INVALID (the generator was at fault)
 * @param reason one line: the first breach, the instability, the generator fault, or "all met"
 * @param pointPass every objective holds on the point estimate (what an inconclusive step leans
 *     to)
 * @param exceedance the worst objective's observed share over its threshold divided by its
 *     allowed share (1.0 = exactly at the limit); NaN when nothing was judged
 * @param n requests in the step's cohort
 * @param achievedRps successes of the cohort per second of window
 * @param goodputRps requests meeting every objective per second of window
 * @param measuredSeconds length of the measured window
 * @param resultIndex index of the step in results.json's {@code steps}; -1 if none
 */
public record StepReport(
    StepPlan plan,
    Verdict verdict,
    String reason,
    boolean pointPass,
    double exceedance,
    long n,
    double achievedRps,
    double goodputRps,
    double measuredSeconds,
    int resultIndex) {

  /** The offered rate (open loop) or the achieved rate (saturation). */
  public double rate() {
    return plan.openLoop() ? plan.rate() : achievedRps;
  }

  /** PASS, or INCONCLUSIVE leaning to pass. */
  public boolean leansPass() {
    return verdict == Verdict.PASS || (verdict == Verdict.INCONCLUSIVE && pointPass);
  }

  /** FAIL, or INCONCLUSIVE leaning to fail. */
  public boolean leansFail() {
    return verdict == Verdict.FAIL || (verdict == Verdict.INCONCLUSIVE && !pointPass);
  }
}
