package dev.harness.engine;

import dev.harness.config.SageMakerTarget;
import dev.harness.protocol.sagemaker.SageMakerInvoker;
import dev.harness.protocol.sagemaker.SdkMetrics;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The SageMaker runtime through the AWS SDK: each engine run opens one {@link SageMakerInvoker}
 * whose connection pool (the SDK client's max concurrency) is the run's in-flight cap, so no
 * request waits inside the SDK where the engine cannot see it, and closes it when the run ends.
 * The SDK's timeouts are set a little beyond the engine's request timeout, so that the engine's
 * own timeout (from the intended time) always decides first.
 */
final class SageMakerTransport implements Transport {
  /** How much later than the engine's request timeout the SDK's own timeouts fire. */
  static final Duration SDK_TIMEOUT_SLACK = Duration.ofSeconds(1);

  /** Longest wait after a run for the SDK to publish the metrics of its last calls. */
  static final Duration METRICS_WAIT = Duration.ofSeconds(1);

  private final SageMakerTarget target;
  private final boolean stream;
  private final AwsCredentialsProvider credentials;
  private final SdkMetrics total = SdkMetrics.empty();

  SageMakerTransport(SageMakerTarget target, boolean stream, AwsCredentialsProvider credentials) {
    this.target = target;
    this.stream = stream;
    this.credentials = credentials;
  }

  /** An invoker for one engine run. */
  SageMakerInvoker open(EngineConfig config) {
    return SageMakerInvoker.open(
        target,
        new SageMakerInvoker.Options(
            stream,
            config.maxInFlight(),
            config.connectTimeout(),
            config.requestTimeout().plus(SDK_TIMEOUT_SLACK)),
        config.clock(),
        credentials);
  }

  /**
   * Closes an engine run's invoker once the SDK has published the metrics of its {@code invoked}
   * calls (it publishes each just after the call ends; a cancelled call may publish none, so the
   * wait is bounded by {@link #METRICS_WAIT}), and adds them to the total.
   */
  void close(SageMakerInvoker invoker, long invoked) throws InterruptedException {
    try {
      long until = System.nanoTime() + METRICS_WAIT.toNanos();
      while (invoker.sdkMetrics().apiCalls() < invoked && System.nanoTime() < until) {
        Thread.sleep(5);
      }
    } finally {
      invoker.close();
      total.add(invoker.sdkMetrics());
    }
  }

  @Override
  public SdkMetrics sdkMetrics() {
    return total;
  }

  @Override
  public String toString() {
    return "sagemaker[" + target.endpoint() + ", stream=" + stream + "]";
  }
}
