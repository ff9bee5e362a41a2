package dev.harness.config;

import java.net.URI;

/**
 * One candidate deployment of a recommend plan: an instance type with its model copies and GPUs
 * per copy, and how to reach it. Exactly one of three forms:
 *
 * <ul>
 *   <li>an endpoint: {@code target} (and optionally {@code metrics}) as in a plan;
 *   <li>a simulated instance: {@code simProfile}, started in-process on a loopback port; {@code
 *       target} is then the protocol and path to use, its address a placeholder the run replaces
 *       with the simulator's ({@link #simUrl});
 *   <li>declared incompatible: {@code incompatible} gives the reason; nothing is run (a target or
 *       sim may still be given, and is ignored).
 * </ul>
 *
 * @param name unique among the plan's candidates; names its results directory
 * @param instanceType catalog type, e.g. {@code g5.2xlarge} (a sim candidate defaults to its
 *     profile's name, which the catalog lists with {@code price-of})
 * @param copies model copies per instance, at least 1
 * @param gpusPerCopy GPUs per copy; null for "the catalog's accelerators ÷ copies"
 * @param instances instances behind the endpoint measured (its capacity is divided by them)
 * @param target the endpoint, or the protocol and path of a sim candidate; null when incompatible
 *     and none was given
 * @param metrics server-side metrics source, or null
 * @param simProfile simulator profile name or path, or null
 * @param simSpeedup the simulator runs this many times faster than the profile (1 = as written)
 * @param incompatible the user's reason this candidate cannot run the model, or null
 * @param notes free text (engine, settings), shown beside the candidate
 */
public record CandidateSpec(
    String name,
    String instanceType,
    int copies,
    Integer gpusPerCopy,
    int instances,
    Target target,
    MetricsSpec metrics,
    String simProfile,
    double simSpeedup,
    String incompatible,
    String notes) {
  /** The address a sim candidate's target holds until the simulator has its port. */
  public static final URI SIM_PLACEHOLDER = URI.create("http://127.0.0.1:9");

  public CandidateSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a candidate needs a name");
    }
    if (instanceType == null || instanceType.isBlank()) {
      throw new IllegalArgumentException("candidate " + name + " needs an instance type");
    }
    if (copies < 1 || instances < 1 || gpusPerCopy != null && gpusPerCopy < 0) {
      throw new IllegalArgumentException("candidate " + name + ": copies and instances must be"
          + " >= 1 and gpus-per-copy >= 0, got " + copies + ", " + instances + ", " + gpusPerCopy);
    }
    if (!(simSpeedup > 0) || Double.isInfinite(simSpeedup)) {
      throw new IllegalArgumentException(
          "candidate " + name + ": sim-speedup must be > 0, got " + simSpeedup);
    }
    if (incompatible == null && target == null) {
      throw new IllegalArgumentException(
          "candidate " + name + " needs a target, a sim or an incompatible reason");
    }
  }

  /** Whether the user declared it incompatible (it is not run). */
  public boolean declaredIncompatible() {
    return incompatible != null;
  }

  /** Whether it is a simulated instance the run starts itself. */
  public boolean simulated() {
    return simProfile != null;
  }

  /**
   * The target's URL with its scheme, host and port replaced by {@code simBase} ({@code
   * http://127.0.0.1:PORT}): path and query stay.
   */
  public static URI simUrl(URI targetUrl, String simBase) {
    String path = targetUrl.getRawPath() == null ? "" : targetUrl.getRawPath();
    String query = targetUrl.getRawQuery() == null ? "" : "?" + targetUrl.getRawQuery();
    return URI.create(simBase + path + query);
  }
}
