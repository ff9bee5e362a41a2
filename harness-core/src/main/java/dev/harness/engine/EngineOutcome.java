package dev.harness.engine;

import java.util.List;

/**
 * How a run ended, as facts for results.
 *
 * @param originWallMillis wall-clock time of the schedule origin
 * @param originNanos monotonic time of the schedule origin
 * @param scheduled requests the schedule produced before it ended or was stopped
 * @param interrupted the run was stopped early (Ctrl-C or max duration)
 * @param stopReason why it stopped early, or null
 * @param scheduleEndNanos offset at which scheduling stopped
 * @param endNanos offset at which the run ended (drain included)
 * @param preconnected connections opened before the origin
 * @param transport how requests were sent: "epoll" or "nio" (the engine's Netty HTTP client) or
 *     "aws-sdk" (the SageMaker runtime through the AWS SDK)
 * @param anchors (monotonic, wall-clock) pairs taken at each interval boundary
 */
public record EngineOutcome(
    long originWallMillis,
    long originNanos,
    long scheduled,
    boolean interrupted,
    String stopReason,
    long scheduleEndNanos,
    long endNanos,
    int preconnected,
    String transport,
    List<Anchor> anchors) {

  public EngineOutcome {
    anchors = List.copyOf(anchors);
  }

  /** A monotonic reading and the wall clock at the same moment. */
  public record Anchor(long nanoTime, long wallClockMillis) {}
}
