package dev.harness.engine;

import dev.harness.config.Target;
import dev.harness.protocol.sagemaker.CredentialsException;
import dev.harness.protocol.sagemaker.SageMakerInvoker;
import dev.harness.protocol.sagemaker.SdkMetrics;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How the engine's dispatched requests reach the endpoint. Whatever the transport, the same pacer,
 * in-flight cap, timeout, completion and recording serve every request (one timing model): the
 * transport only sends, stamps what it can see of the timeline, and reports the end on the
 * request's event loop.
 *
 * <ul>
 *   <li>{@link #http()}: the engine's own Netty HTTP/1.1 client (every HTTP protocol), with its
 *       pre-opened, sized connection pool;
 *   <li>{@link #sageMaker}: the SageMaker runtime through the AWS SDK ({@link SageMakerInvoker}),
 *       whose connection pool is sized to each engine run's in-flight cap; the SDK's own metrics
 *       add up in {@link #sdkMetrics()}.
 * </ul>
 *
 * <p>Choose once per run, before it starts ({@link #forTarget}), and pass the same transport to
 * every {@link LoadEngine} of that run (the steps and probes of a capacity search).
 */
public sealed interface Transport permits HttpTransport, SageMakerTransport {

  /** The engine's own HTTP/1.1 client. */
  static Transport http() {
    return HttpTransport.INSTANCE;
  }

  /**
   * The SageMaker runtime through the AWS SDK.
   *
   * @param target a target of the sagemaker or sagemaker-stream protocol
   * @param credentials already resolved (see {@link SageMakerInvoker#resolveCredentials}); asked
   *     once per engine run
   */
  static Transport sageMaker(Target target, AwsCredentialsProvider credentials) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(credentials, "credentials");
    if (target.protocol() == null || !target.protocol().isSageMaker()) {
      throw new IllegalArgumentException("not a SageMaker target: protocol " + target.protocol());
    }
    return new SageMakerTransport(target.sageMaker(), target.stream(), credentials);
  }

  /**
   * The transport {@code target}'s protocol needs. For the sagemaker protocols the credentials are
   * resolved now, once for the whole run, with access keys from {@code env}.
   *
   * @throws CredentialsException when a SageMaker target has no credentials (the message names
   *     the source tried, never a secret)
   */
  static Transport forTarget(Target target, Map<String, String> env) {
    Objects.requireNonNull(target, "target");
    if (target.protocol() != null && target.protocol().isSageMaker()) {
      return sageMaker(target, SageMakerInvoker.resolveCredentials(target.sageMaker(), env));
    }
    return http();
  }

  /**
   * The AWS SDK's own metrics, summed over every engine run through this transport so far
   * (connection-slot waits, time to first byte, retries, pool size); null for {@link #http()}.
   */
  default SdkMetrics sdkMetrics() {
    return null;
  }
}
