package dev.harness.protocol.sagemaker;

import dev.harness.config.SageMakerTarget;
import dev.harness.protocol.RequestSpec;
import dev.harness.protocol.ResponseResult;
import dev.harness.time.NanoClock;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;

/**
 * Sends requests to one SageMaker real-time endpoint through the AWS SDK v2: one {@link
 * SageMakerRuntimeAsyncClient} on the SDK's Netty HTTP client, SigV4-signed with credentials
 * resolved once before the run.
 *
 * <p>The client is set up for open-loop load: a connection pool of exactly {@code maxConcurrency}
 * (the plan's in-flight cap) with as many pending acquires allowed, so nothing waits inside the SDK
 * that the harness does not see (and {@link #sdkMetrics()} shows it if something does); explicit
 * connect, read and API-call timeouts; no retries; an explicit region; the endpoint URL override
 * when given. Credentials are resolved at construction and then held as a static identity: the
 * run never pauses to refresh them (session credentials must outlive the run).
 *
 * <pre>{@code
 * try (SageMakerInvoker invoker = SageMakerInvoker.open(target.sageMaker(), options, clock)) {
 *   SageMakerCall call = invoker.invoke(request, events);   // returns at once
 *   ...
 *   call.cancel();                                          // at the request timeout
 * }
 * }</pre>
 *
 * <p>Threading: {@link #invoke} may be called from any thread and returns without waiting; the
 * {@link SageMakerEvents} callbacks run on SDK threads. {@link #close()} aborts calls in flight.
 */
public final class SageMakerInvoker implements AutoCloseable {

  /**
   * How the client is sized and bounded.
   *
   * @param stream InvokeEndpointWithResponseStream (token metrics) rather than InvokeEndpoint
   * @param maxConcurrency connections (and requests) in flight at most: the plan's in-flight cap
   * @param connectTimeout TCP (and TLS) connect timeout
   * @param requestTimeout whole-call timeout, also the read timeout and the longest wait for a
   *     connection slot
   */
  public record Options(
      boolean stream, int maxConcurrency, Duration connectTimeout, Duration requestTimeout) {
    public Options {
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException("maxConcurrency must be >= 1, got " + maxConcurrency);
      }
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("requestTimeout", requestTimeout);
    }

    private static void requirePositive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be > 0, got " + d);
      }
    }
  }

  private final SageMakerTarget target;
  private final Options options;
  private final NanoClock clock;
  private final SdkMetrics metrics;
  private final EventLoopGroup loops;
  private final SageMakerRuntimeAsyncClient client;

  private SageMakerInvoker(
      SageMakerTarget target, Options options, NanoClock clock, AwsCredentials credentials) {
    this.target = target;
    this.options = options;
    this.clock = clock;
    this.metrics = new SdkMetrics(options.maxConcurrency());
    // Our own event loops, so that close() need not wait out Netty's 2 s quiet period.
    this.loops =
        new NioEventLoopGroup(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("sagemaker-sdk", true));
    try {
      this.client = buildClient(credentials);
    } catch (RuntimeException e) {
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  /**
   * An invoker whose credentials come from the target's settings (profile, or the default chain
   * without instance metadata unless allowed).
   *
   * @throws CredentialsException when no credentials can be resolved
   */
  public static SageMakerInvoker open(SageMakerTarget target, Options options, NanoClock clock) {
    return open(target, options, clock, resolveCredentials(target, System.getenv()));
  }

  /**
   * Resolves {@code target}'s credentials once, now (profile, or the default chain without
   * instance metadata unless allowed; access keys from {@code env}), and returns a provider that
   * hands out that identity without ever refreshing it: resolve before a run, then open any number
   * of invokers with {@link #open(SageMakerTarget, Options, NanoClock, AwsCredentialsProvider)}.
   *
   * @throws CredentialsException when no credentials can be resolved (the message names the
   *     source tried, never a secret)
   */
  public static AwsCredentialsProvider resolveCredentials(
      SageMakerTarget target, Map<String, String> env) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(env, "env");
    AwsCredentialsProvider provider = SageMakerCredentials.provider(target, env);
    try {
      return StaticCredentialsProvider.create(
          SageMakerCredentials.resolve(provider, SageMakerCredentials.source(target)));
    } finally {
      SageMakerCredentials.close(provider);
    }
  }

  /**
   * An invoker with credentials from {@code credentials} (resolved once, now).
   *
   * @throws CredentialsException when {@code credentials} cannot resolve
   */
  public static SageMakerInvoker open(
      SageMakerTarget target, Options options, NanoClock clock,
      AwsCredentialsProvider credentials) {
    return open(target, options, clock, credentials, "the given provider");
  }

  /** As above, naming the credentials' {@code source} in errors (tests use it with profiles). */
  static SageMakerInvoker open(
      SageMakerTarget target, Options options, NanoClock clock,
      AwsCredentialsProvider credentials, String source) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(credentials, "credentials");
    AwsCredentials identity = SageMakerCredentials.resolve(credentials, source);
    return new SageMakerInvoker(target, options, clock, identity);
  }

  private SageMakerRuntimeAsyncClient buildClient(AwsCredentials credentials) {
    int cap = options.maxConcurrency();
    MetricPublisher publisher =
        new MetricPublisher() {
          @Override
          public void publish(MetricCollection collection) {
            metrics.record(collection);
          }

          @Override
          public void close() {}
        };
    SageMakerRuntimeAsyncClientBuilder builder =
        SageMakerRuntimeAsyncClient.builder()
            .region(Region.of(target.region()))
            .credentialsProvider(StaticCredentialsProvider.create(credentials))
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    .eventLoopGroup(SdkEventLoopGroup.create(loops))
                    .protocol(Protocol.HTTP1_1)
                    .maxConcurrency(cap)
                    .maxPendingConnectionAcquires(cap)
                    .connectionTimeout(options.connectTimeout())
                    .connectionAcquisitionTimeout(options.requestTimeout())
                    .readTimeout(options.requestTimeout())
                    .writeTimeout(options.requestTimeout()))
            .overrideConfiguration(
                o ->
                    o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(options.requestTimeout())
                        .addMetricPublisher(publisher)
                        .addExecutionInterceptor(new InFlight.TimingInterceptor()));
    if (target.endpointUrl() != null) {
      builder.endpointOverride(target.endpointUrl());
    }
    return builder.build();
  }

  /**
   * Sends one request; exactly one terminal callback ({@link SageMakerEvents#onDone}) unless the
   * returned call is cancelled first; callbacks run on SDK threads. Only {@code request.body()}
   * and {@code request.expectedOutputTokens()} are used: endpoint, headers and path come from the
   * target.
   */
  public SageMakerCall invoke(RequestSpec request, SageMakerEvents events) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(events, "events");
    InFlight inFlight = new InFlight(events, clock);
    try {
      CompletableFuture<?> future =
          options.stream() ? invokeStream(request, inFlight) : invokeWhole(request, inFlight);
      inFlight.call.attach(future);
    } catch (RuntimeException e) {
      inFlight.end(SageMakerErrors.classify(e), clock.nanoTime());
    }
    return inFlight.call;
  }

  private CompletableFuture<?> invokeWhole(RequestSpec request, InFlight inFlight) {
    InvokeEndpointRequest req =
        InvokeEndpointRequest.builder()
            .endpointName(target.endpoint())
            .contentType(target.contentType())
            .accept(target.accept())
            .customAttributes(target.customAttributes())
            .targetVariant(target.targetVariant())
            .targetModel(target.targetModel())
            .inferenceComponentName(target.inferenceComponent())
            .body(SdkBytes.fromByteArrayUnsafe(request.body()))
            .overrideConfiguration(o -> o.putExecutionAttribute(InFlight.ATTRIBUTE, inFlight))
            .build();
    CompletableFuture<InvokeEndpointResponse> future = client.invokeEndpoint(req);
    future.whenComplete(
        (response, failure) -> {
          long now = clock.nanoTime();
          if (failure != null) {
            inFlight.end(SageMakerErrors.classify(failure), now);
          } else {
            inFlight.end(ResponseResult.success(response.sdkHttpResponse().statusCode()), now);
          }
        });
    return future;
  }

  private CompletableFuture<?> invokeStream(RequestSpec request, InFlight inFlight) {
    InvokeEndpointWithResponseStreamRequest req =
        InvokeEndpointWithResponseStreamRequest.builder()
            .endpointName(target.endpoint())
            .contentType(target.contentType())
            .accept(target.accept())
            .customAttributes(target.customAttributes())
            .targetVariant(target.targetVariant())
            .inferenceComponentName(target.inferenceComponent())
            .body(SdkBytes.fromByteArrayUnsafe(request.body()))
            .overrideConfiguration(o -> o.putExecutionAttribute(InFlight.ATTRIBUTE, inFlight))
            .build();
    StreamState state = new StreamState(request.expectedOutputTokens());
    InvokeEndpointWithResponseStreamResponseHandler handler =
        InvokeEndpointWithResponseStreamResponseHandler.builder()
            .onResponse(r -> state.status(r.sdkHttpResponse().statusCode()))
            .subscriber(
                InvokeEndpointWithResponseStreamResponseHandler.Visitor.builder()
                    .onPayloadPart(p -> state.part(p.bytes().asByteArrayUnsafe(), clock.nanoTime()))
                    .build())
            .onComplete(() -> state.completed(clock.nanoTime()))
            .build();
    CompletableFuture<Void> future = client.invokeEndpointWithResponseStream(req, handler);
    future.whenComplete(
        (ignored, failure) -> {
          long now = clock.nanoTime();
          if (failure != null) {
            inFlight.end(SageMakerErrors.classify(failure), now);
          } else {
            inFlight.end(state.finish(), state.lastByte(now));
          }
        });
    return future;
  }

  /** The SDK's own metrics of the calls so far (connection-slot waits, TTFB, retries). */
  public SdkMetrics sdkMetrics() {
    return metrics;
  }

  /** Whether this invoker uses InvokeEndpointWithResponseStream. */
  public boolean stream() {
    return options.stream();
  }

  /** Closes the client and its connections; calls still in flight fail. */
  @Override
  public void close() {
    client.close();
    // a short quiet period lets the pools finish closing their channels on the loops
    loops.shutdownGracefully(100, 2_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }

  @Override
  public String toString() {
    return "SageMakerInvoker[endpoint=" + target.endpoint() + ", region=" + target.region()
        + ", stream=" + options.stream() + ", maxConcurrency=" + options.maxConcurrency() + "]";
  }

  /** A stream's parser and status, touched by the SDK's callbacks one at a time. */
  private static final class StreamState {
    private final StreamBodyParser parser;
    private int status = 200;
    private long completedNanos = -1;

    StreamState(int expectedOutputTokens) {
      this.parser = new StreamBodyParser(expectedOutputTokens);
    }

    synchronized void status(int s) {
      status = s;
    }

    synchronized void part(byte[] bytes, long nanos) {
      parser.onPart(bytes, nanos);
    }

    synchronized void completed(long nanos) {
      completedNanos = nanos;
    }

    synchronized ResponseResult finish() {
      return parser.finish(status);
    }

    synchronized long lastByte(long now) {
      return completedNanos >= 0 ? completedNanos : now;
    }
  }
}
