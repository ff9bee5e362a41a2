package dev.harness.cost;

/**
 * What the benchmark of one candidate deployment found: the input of {@link Ranking}. Exactly one
 * of {@code capacity} and {@code rejection} is present.
 *
 * <p>A candidate is an instance type with its model copies per instance and GPUs per copy; its
 * capacity is per instance (divide by the instances behind the endpoint if there were several;
 * {@link CapacityBracket#from} does).
 *
 * @param name the candidate's name, unique in a ranking
 * @param instanceType catalog type, e.g. {@code g5.2xlarge}
 * @param copiesPerInstance model copies on one instance, at least 1
 * @param gpusPerCopy GPUs (or accelerators, tensor-parallel degree) per copy; 0 for CPU models
 * @param pricePerHour price of one instance, $/h (from the catalog for the platform)
 * @param capacity sustainable requests/s per instance, or null when rejected
 * @param rejection why it was rejected, or null when it passed
 * @param p99MillisAtSustainable p99 latency at the sustainable rate, or null when unknown
 * @param outputTokensPerSec output tokens/s per instance at the sustainable rate, or null (not an
 *     LLM, or not measured)
 * @param medianOutputTokens median output tokens per request, or null when unknown
 */
public record CandidateOutcome(
    String name,
    String instanceType,
    int copiesPerInstance,
    int gpusPerCopy,
    double pricePerHour,
    CapacityBracket capacity,
    Rejection rejection,
    Double p99MillisAtSustainable,
    Double outputTokensPerSec,
    Double medianOutputTokens) {
  public CandidateOutcome {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a candidate needs a name");
    }
    if (instanceType == null || instanceType.isBlank()) {
      throw new IllegalArgumentException("candidate " + name + " needs an instance type");
    }
    if (copiesPerInstance < 1 || gpusPerCopy < 0) {
      throw new IllegalArgumentException("candidate " + name + " needs copies per instance >= 1"
          + " and GPUs per copy >= 0, got " + copiesPerInstance + " and " + gpusPerCopy);
    }
    if (!(pricePerHour > 0) || Double.isInfinite(pricePerHour)) {
      throw new IllegalArgumentException(
          "candidate " + name + " needs a price > 0 $/h, got " + pricePerHour);
    }
    if ((capacity == null) == (rejection == null)) {
      throw new IllegalArgumentException("candidate " + name
          + " needs exactly one of a capacity and a rejection");
    }
    if (rejection != null && !rejection.candidate().equals(name)) {
      throw new IllegalArgumentException("candidate " + name + " carries the rejection of "
          + rejection.candidate());
    }
    requireNonNegative(name, "p99", p99MillisAtSustainable);
    requireNonNegative(name, "output tokens/s", outputTokensPerSec);
    requireNonNegative(name, "median output tokens", medianOutputTokens);
  }

  /** A candidate that passed with {@code capacity} per instance. */
  public static CandidateOutcome passed(String name, String instanceType, int copiesPerInstance,
      int gpusPerCopy, double pricePerHour, CapacityBracket capacity, Double p99Millis,
      Double outputTokensPerSec, Double medianOutputTokens) {
    return new CandidateOutcome(name, instanceType, copiesPerInstance, gpusPerCopy, pricePerHour,
        capacity, null, p99Millis, outputTokensPerSec, medianOutputTokens);
  }

  /** A candidate that was rejected. */
  public static CandidateOutcome rejected(String instanceType, int copiesPerInstance,
      int gpusPerCopy, double pricePerHour, Rejection rejection) {
    return new CandidateOutcome(rejection.candidate(), instanceType, copiesPerInstance,
        gpusPerCopy, pricePerHour, null, rejection, null, null, null);
  }

  /** Whether it passed (has a capacity). */
  public boolean passed() {
    return capacity != null;
  }

  /** GPUs on one instance used by the model: copies × GPUs per copy. */
  public int gpusUsed() {
    return copiesPerInstance * gpusPerCopy;
  }

  private static void requireNonNegative(String name, String what, Double value) {
    if (value != null && !(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(
          "candidate " + name + ": " + what + " must be >= 0, got " + value);
    }
  }
}
