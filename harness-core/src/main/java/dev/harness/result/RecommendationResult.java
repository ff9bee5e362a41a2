package dev.harness.result;

import java.util.List;
import java.util.Map;

/**
 * A {@code harness recommend} run (results.json {@code recommendation}, kind "recommend"): the
 * declared traffic, every candidate with its figures or its rejection, the ranking and the sizing
 * decision. Rates are requests/s per instance, money in dollars; a value that does not exist is
 * null. docs/results-schema.md and docs/recommend.md describe every field.
 *
 * @param traffic what the fleets were sized for
 * @param platform {@code sagemaker} or {@code ec2}: which catalog price
 * @param catalog the catalog files read, in order, and its region
 * @param candidates every candidate in plan order
 * @param ranking names of the passing candidates, cheapest fleet first
 * @param decision the sizing decision, or null when no candidate passed
 * @param nothingFits no candidate passed and every rejection was "does-not-fit"
 * @param warnings what the reader must know about the decision (one line each)
 */
public record RecommendationResult(
    TrafficSummary traffic,
    String platform,
    CatalogSummary catalog,
    List<Candidate> candidates,
    List<String> ranking,
    DecisionSummary decision,
    boolean nothingFits,
    List<String> warnings) {
  public RecommendationResult {
    candidates = List.copyOf(candidates);
    ranking = List.copyOf(ranking);
    warnings = List.copyOf(warnings);
  }

  /**
   * The declared traffic.
   *
   * @param steadyRps requests/s outside the peak
   * @param peakRps requests/s at the peak
   * @param peakHoursPerDay hours a day at the peak
   * @param growth multiplier applied to both rates
   * @param minInstances fewest instances
   * @param redundancy k of N+k
   */
  public record TrafficSummary(double steadyRps, double peakRps, double peakHoursPerDay,
      double growth, int minInstances, int redundancy) {}

  /**
   * The instance catalog the prices came from.
   *
   * @param files catalog files in the order read (later override earlier)
   * @param region the catalog's region, or null
   */
  public record CatalogSummary(List<String> files, String region) {
    public CatalogSummary {
      files = List.copyOf(files);
    }
  }

  /**
   * A low / point / high triple (a capacity bracket or the monthly cost over it).
   *
   * @param low lowest
   * @param point point estimate
   * @param high highest
   */
  public record Range(double low, double point, double high) {}

  /**
   * A cold-start probe of a candidate the harness started itself: from the moment its health
   * check answered OK, the first requests sent at once.
   *
   * @param healthyToFirstSuccessMillis from health OK to the first successful response, or null
   *     when none succeeded
   * @param firstLatenciesMillis end-to-end latency of each first request, in send order (null for
   *     one that failed)
   */
  public record ColdStart(Double healthyToFirstSuccessMillis, List<Double> firstLatenciesMillis) {
    public ColdStart {
      firstLatenciesMillis = java.util.Collections.unmodifiableList(
          new java.util.ArrayList<>(firstLatenciesMillis));
    }
  }

  /**
   * One candidate deployment.
   *
   * @param name the candidate's name
   * @param instanceType catalog type
   * @param copiesPerInstance model copies per instance
   * @param gpusPerCopy GPUs per copy (0 for a CPU model)
   * @param pricePerHour price of one instance on the platform, $/h
   * @param priceTaken date the catalog price was taken, or null
   * @param priceSource where the price comes from, or null
   * @param notes the plan's notes, or null
   * @param status {@code passed}, {@code rejected} or {@code not-run}
   * @param position 1-based place in the ranking, or null when not ranked
   * @param rank 1-based rank (tied candidates share one), or null
   * @param tiedWith the other candidates of the same rank
   * @param capacityRps requests/s per instance: [highest pass, point, lowest fail], or null
   * @param perCopyRps point estimate per model copy, or null
   * @param perGpuRps point estimate per GPU, or null (CPU model, or not passed)
   * @param p99Millis p99 end-to-end latency at the highest passing rate, or null
   * @param p99TtftMillis p99 time to first token there (LLM), or null
   * @param outputTokensPerSec output tokens/s per instance there, or null
   * @param medianOutputTokens median output tokens of its successful requests there, or null
   * @param serverMetrics what the server reported at that rate ({@code <metric>.mean|max|...})
   * @param costPer1kInferences $ per 1,000 requests at the point estimate, or null
   * @param costPer1MOutputTokens $ per 1M output tokens, or null
   * @param monthlyCost the fleet's monthly cost over the capacity bracket, or null
   * @param steadyInstances fleet outside the peak at the point estimate, or null
   * @param peakInstances fleet at the peak, or null
   * @param rejectionReason e.g. {@code does-not-fit}, or null
   * @param evidence the rejection's evidence, or null
   * @param notRunReason why it was not run (interrupted), or null
   * @param resultsDir its capacity results directory relative to this run's, or null
   * @param coldStart the cold-start probe, or null
   */
  public record Candidate(
      String name,
      String instanceType,
      int copiesPerInstance,
      int gpusPerCopy,
      double pricePerHour,
      String priceTaken,
      String priceSource,
      String notes,
      String status,
      Integer position,
      Integer rank,
      List<String> tiedWith,
      Range capacityRps,
      Double perCopyRps,
      Double perGpuRps,
      Double p99Millis,
      Double p99TtftMillis,
      Double outputTokensPerSec,
      Double medianOutputTokens,
      Map<String, Double> serverMetrics,
      Double costPer1kInferences,
      Double costPer1MOutputTokens,
      Range monthlyCost,
      Integer steadyInstances,
      Integer peakInstances,
      String rejectionReason,
      String evidence,
      String notRunReason,
      String resultsDir,
      ColdStart coldStart) {
    /**
     * The server metrics that give {@link #serverUtilisation()}, in order of preference: the
     * accelerator's busy share from a Prometheus scrape (DCGM, Triton, the simulator), from
     * CloudWatch (SageMaker {@code GPUUtilization} per GPU, the CloudWatch agent's NVIDIA
     * metrics), then NeuronCore utilisation from either.
     */
    public static final List<String> UTILISATION_METRICS = List.of("gpu_busy.mean",
        "cloudwatch.gpu_busy.mean", "neuroncore_utilization.mean",
        "cloudwatch.neuroncore_utilization.mean");

    public Candidate {
      tiedWith = List.copyOf(tiedWith);
      serverMetrics = serverMetrics == null ? Map.of()
          : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(serverMetrics));
    }

    /**
     * Server-side utilisation at the highest passing rate, 0..1: the first of {@link
     * #UTILISATION_METRICS} the server reported there; null when it reported none (derived from
     * {@link #serverMetrics()}, not a field of results.json).
     */
    public Double serverUtilisation() {
      for (String key : UTILISATION_METRICS) {
        Double v = serverMetrics.get(key);
        if (v != null && Double.isFinite(v)) {
          return v;
        }
      }
      return null;
    }
  }

  /**
   * The chosen fleet and its basis.
   *
   * @param chosen name of the first-ranked candidate
   * @param instanceType its type
   * @param steadyInstances instances outside the peak
   * @param peakInstances instances at the peak
   * @param autoscalingMin lower autoscaling bound
   * @param autoscalingMax upper autoscaling bound
   * @param redundancy k of N+k in both bounds
   * @param burstFactor peak ÷ steady, or null when the steady rate is zero
   * @param growth growth multiplier in both bounds
   * @param minSizedAtRps capacity per instance the minimum was sized with (point estimate)
   * @param maxSizedAtRps capacity per instance the maximum was sized with (bracket's low end)
   * @param monthlyCost the chosen fleet's monthly cost, $
   * @param runnerUp the second candidate compared, or null
   * @param biggest the passing candidate with the highest price compared, or null when chosen
   */
  public record DecisionSummary(
      String chosen,
      String instanceType,
      int steadyInstances,
      int peakInstances,
      int autoscalingMin,
      int autoscalingMax,
      int redundancy,
      Double burstFactor,
      double growth,
      double minSizedAtRps,
      double maxSizedAtRps,
      double monthlyCost,
      Versus runnerUp,
      Versus biggest) {}

  /**
   * Another candidate against the chosen one, for the same traffic.
   *
   * @param candidate its name
   * @param instanceType its type
   * @param steadyInstances its steady fleet
   * @param peakInstances its peak fleet
   * @param monthlyCost its monthly cost, $
   * @param deltaMonthly its cost − the chosen one's, $ a month
   * @param deltaPercent that as % of the chosen cost
   * @param costPer1kInferences its $ per 1,000 inferences
   * @param tied whether it shares the chosen candidate's rank
   */
  public record Versus(String candidate, String instanceType, int steadyInstances,
      int peakInstances, double monthlyCost, double deltaMonthly, double deltaPercent,
      double costPer1kInferences, boolean tied) {}
}
