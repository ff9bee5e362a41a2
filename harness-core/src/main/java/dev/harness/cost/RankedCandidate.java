package dev.harness.cost;

import java.util.List;

/**
 * A passing candidate in the ranking, with every figure a table needs. Figures are at the point
 * estimate of the capacity unless named otherwise.
 *
 * @param candidate what was measured
 * @param position 1-based place in the order (point-estimate monthly cost, then cost per 1,000
 *     inferences, then name)
 * @param rank 1-based rank; tied candidates share one
 * @param tiedWith names of the other candidates of the same rank, empty when none
 * @param fleet the fleet for the declared traffic at the point estimate
 * @param monthlyCost monthly cost over the capacity bracket (the tie rule's range)
 * @param rpsPerInstance sustainable requests/s per instance (point estimate)
 * @param rpsPerCopy per model copy
 * @param rpsPerGpu per GPU, or null for CPU models (0 GPUs per copy)
 * @param costPer1kInferences $ per 1,000 requests at the sustainable rate
 * @param costPer1MOutputTokens $ per 1M output tokens, or null when tokens/s is unknown
 */
public record RankedCandidate(
    CandidateOutcome candidate,
    int position,
    int rank,
    List<String> tiedWith,
    Fleet fleet,
    CostRange monthlyCost,
    double rpsPerInstance,
    double rpsPerCopy,
    Double rpsPerGpu,
    double costPer1kInferences,
    Double costPer1MOutputTokens) {
  public RankedCandidate {
    if (candidate == null || !candidate.passed()) {
      throw new IllegalArgumentException("only a passing candidate can be ranked");
    }
    if (position < 1 || rank < 1 || rank > position) {
      throw new IllegalArgumentException(
          "need 1 <= rank <= position, got rank " + rank + " at position " + position);
    }
    tiedWith = List.copyOf(tiedWith);
  }

  /** Figures for {@code c} sized for {@code traffic}, before its place is known. */
  static RankedCandidate unplaced(CandidateOutcome c, Traffic traffic) {
    CapacityBracket b = c.capacity();
    double price = c.pricePerHour();
    Fleet point = Fleet.size(traffic, b.pointRps(), price);
    CostRange range = new CostRange(Fleet.size(traffic, b.highRps(), price).monthlyCost(),
        point.monthlyCost(), Fleet.size(traffic, b.lowRps(), price).monthlyCost());
    return new RankedCandidate(c, 1, 1, List.of(), point, range, b.pointRps(),
        CostFormulas.perCopy(b.pointRps(), c.copiesPerInstance()),
        c.gpusPerCopy() == 0 ? null
            : CostFormulas.perGpu(b.pointRps(), c.copiesPerInstance(), c.gpusPerCopy()),
        CostFormulas.costPer1kInferences(price, b.pointRps()),
        c.outputTokensPerSec() == null || c.outputTokensPerSec() == 0 ? null
            : CostFormulas.costPer1MOutputTokens(price, c.outputTokensPerSec()));
  }

  /** The same figures at another place. */
  RankedCandidate placed(int position, int rank, List<String> tiedWith) {
    return new RankedCandidate(candidate, position, rank, tiedWith, fleet, monthlyCost,
        rpsPerInstance, rpsPerCopy, rpsPerGpu, costPer1kInferences, costPer1MOutputTokens);
  }

  /** The candidate's name. */
  public String name() {
    return candidate.name();
  }

  /** Whether another candidate shares this rank. */
  public boolean tied() {
    return !tiedWith.isEmpty();
  }
}
