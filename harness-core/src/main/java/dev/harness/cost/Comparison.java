package dev.harness.cost;

/**
 * The chosen fleet against another candidate's, for the same traffic.
 *
 * @param candidate the other candidate's name
 * @param instanceType its instance type
 * @param steadyInstances its steady fleet
 * @param peakInstances its peak fleet
 * @param monthlyCost its monthly cost (point estimate), $
 * @param deltaMonthly its monthly cost − the chosen one's, $ (positive: it costs more)
 * @param deltaPercent deltaMonthly ÷ the chosen monthly cost × 100
 * @param costPer1kInferences its cost per 1,000 inferences, $
 * @param tied whether it shares the chosen candidate's rank
 */
public record Comparison(
    String candidate,
    String instanceType,
    int steadyInstances,
    int peakInstances,
    double monthlyCost,
    double deltaMonthly,
    double deltaPercent,
    double costPer1kInferences,
    boolean tied) {

  /** {@code other} compared with {@code chosen}. */
  static Comparison of(RankedCandidate chosen, RankedCandidate other) {
    double base = chosen.fleet().monthlyCost();
    double delta = other.fleet().monthlyCost() - base;
    return new Comparison(other.name(), other.candidate().instanceType(),
        other.fleet().steadyInstances(), other.fleet().peakInstances(),
        other.fleet().monthlyCost(), delta, delta / base * 100, other.costPer1kInferences(),
        other.rank() == chosen.rank());
  }
}
