package dev.harness.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The load generator's own behaviour over the whole run: if these are large, the generator, not
 * the endpoint, shaped the numbers.
 *
 * @param transport how requests were sent: "epoll" or "nio" (the engine's Netty HTTP client),
 *     "aws-sdk" (SageMaker runtime through the AWS SDK)
 * @param eventLoops event loop threads
 * @param maxInFlight in-flight cap
 * @param connections pool size
 * @param preconnected connections opened before the first send
 * @param scheduleLagP99Millis p99 of (dispatched − intended)
 * @param scheduleLagMaxMillis max of (dispatched − intended)
 * @param hiccupP999Millis p99.9 of generator pauses (1 ms sleeper)
 * @param hiccupMaxMillis longest generator pause
 * @param staleResends requests re-sent once because their pooled connection had been closed by the
 *     server before it answered
 * @param sdk the AWS SDK's own metrics for the sagemaker protocols, else null (left out of
 *     results.json)
 */
public record GeneratorSummary(
    String transport,
    int eventLoops,
    int maxInFlight,
    int connections,
    int preconnected,
    double scheduleLagP99Millis,
    double scheduleLagMaxMillis,
    double hiccupP999Millis,
    double hiccupMaxMillis,
    long staleResends,
    @JsonInclude(JsonInclude.Include.NON_NULL) SdkSummary sdk) {

  /** Facts of a run without an SDK (the HTTP transport). */
  public GeneratorSummary(
      String transport,
      int eventLoops,
      int maxInFlight,
      int connections,
      int preconnected,
      double scheduleLagP99Millis,
      double scheduleLagMaxMillis,
      double hiccupP999Millis,
      double hiccupMaxMillis,
      long staleResends) {
    this(transport, eventLoops, maxInFlight, connections, preconnected, scheduleLagP99Millis,
        scheduleLagMaxMillis, hiccupP999Millis, hiccupMaxMillis, staleResends, null);
  }
}
