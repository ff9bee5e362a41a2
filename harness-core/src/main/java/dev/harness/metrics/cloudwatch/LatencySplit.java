package dev.harness.metrics.cloudwatch;

/**
 * Where the end-to-end time of a SageMaker request goes, for one window: the model ({@code
 * ModelLatency}: the container's time), SageMaker's overhead ({@code OverheadLatency}: from
 * SageMaker receiving the request to returning the response, less the model time), and the rest,
 * client and network (TLS, the internet or VPC path, the SDK, the harness's own queueing).
 *
 * <p>{@code clientNetworkMs = endToEndMs − modelMs − overheadMs}, after the definitions of the two
 * metrics in "Monitor Amazon SageMaker AI with Amazon CloudWatch" (SageMaker developer guide,
 * invocation metrics). All three are means over the same window: the client's mean end-to-end
 * latency of the requests sent in it, and CloudWatch's {@code Average} statistic over the periods
 * in it. When the server-side parts add up to more than the client saw (periods that do not line
 * up with the window, a mix of requests), the client/network part is clamped to zero and {@link
 * #consistent()} is false; shares are then of the server-side total.
 *
 * @param endToEndMs client-side mean end-to-end latency
 * @param modelMs mean ModelLatency, in ms (CloudWatch reports microseconds)
 * @param overheadMs mean OverheadLatency, in ms
 * @param clientNetworkMs the remainder, never below zero
 * @param consistent whether the server-side parts fit within the end-to-end time
 */
public record LatencySplit(
    double endToEndMs,
    double modelMs,
    double overheadMs,
    double clientNetworkMs,
    boolean consistent) {

  public LatencySplit {
    requireNonNegative("endToEndMs", endToEndMs);
    requireNonNegative("modelMs", modelMs);
    requireNonNegative("overheadMs", overheadMs);
    requireNonNegative("clientNetworkMs", clientNetworkMs);
  }

  /**
   * Splits {@code endToEndMs} into its parts.
   *
   * @throws IllegalArgumentException when a figure is negative or not finite
   */
  public static LatencySplit of(double endToEndMs, double modelMs, double overheadMs) {
    requireNonNegative("endToEndMs", endToEndMs);
    requireNonNegative("modelMs", modelMs);
    requireNonNegative("overheadMs", overheadMs);
    double rest = endToEndMs - modelMs - overheadMs;
    return new LatencySplit(endToEndMs, modelMs, overheadMs, Math.max(0, rest), rest >= 0);
  }

  /** Share of the model, 0..1. */
  public double modelShare() {
    return share(modelMs);
  }

  /** Share of SageMaker's overhead, 0..1. */
  public double overheadShare() {
    return share(overheadMs);
  }

  /** Share of client and network, 0..1. */
  public double clientNetworkShare() {
    return share(clientNetworkMs);
  }

  private double share(double part) {
    double total = Math.max(endToEndMs, modelMs + overheadMs);
    return total > 0 ? part / total : 0;
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v);
    }
  }
}
