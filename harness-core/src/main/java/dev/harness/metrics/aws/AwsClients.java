package dev.harness.metrics.aws;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.ec2.Ec2AsyncClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS SDK clients of the metrics readers, built one way: credentials resolved once when this
 * is opened and then held as a static identity, an explicit region, the endpoint URL override
 * when given, SDK retries off (the callers retry throttled reads themselves, counted), an API-call
 * timeout, and the SDK's Netty HTTP client on one event-loop thread owned here, so that {@link
 * #close()} is quick.
 *
 * <pre>{@code
 * try (AwsClients aws = AwsClients.open(AwsAccess.of("us-east-1"))) {
 *   CloudWatchAsyncClient cw = aws.cloudWatch();
 *   ...
 * }
 * }</pre>
 */
public final class AwsClients implements AutoCloseable {
  private final AwsAccess access;
  private final AwsCredentialsProvider credentials;
  private final EventLoopGroup loops;
  private CloudWatchAsyncClient cloudWatch;
  private Ec2AsyncClient ec2;
  private boolean closed;

  private AwsClients(AwsAccess access, AwsCredentials identity) {
    this.access = access;
    this.credentials = StaticCredentialsProvider.create(identity);
    this.loops = new NioEventLoopGroup(1, new DefaultThreadFactory("aws-metrics", true));
  }

  /**
   * Clients whose credentials come from {@code access}: its profile, or the default chain without
   * the EC2 instance metadata service.
   *
   * @throws AwsAccessException when no credentials can be resolved
   */
  public static AwsClients open(AwsAccess access) {
    Objects.requireNonNull(access, "access");
    AwsCredentialsProvider provider = provider(access);
    try {
      return open(access, provider, access.credentialsSource());
    } finally {
      if (provider instanceof SdkAutoCloseable) {
        ((SdkAutoCloseable) provider).close();
      }
    }
  }

  /**
   * Clients with credentials from {@code provider}, resolved once, now.
   *
   * @throws AwsAccessException when {@code provider} cannot resolve
   */
  public static AwsClients open(AwsAccess access, AwsCredentialsProvider provider) {
    return open(access, provider, "the given credentials provider");
  }

  private static AwsClients open(AwsAccess access, AwsCredentialsProvider provider, String source) {
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(provider, "provider");
    return new AwsClients(access, resolve(provider, source));
  }

  /** The region, endpoint and credential source these clients use. */
  public AwsAccess access() {
    return access;
  }

  /** The CloudWatch client, built on first use. */
  public synchronized CloudWatchAsyncClient cloudWatch() {
    ensureOpen();
    if (cloudWatch == null) {
      cloudWatch = configure(CloudWatchAsyncClient.builder()).build();
    }
    return cloudWatch;
  }

  /** The EC2 client, built on first use. */
  public synchronized Ec2AsyncClient ec2() {
    ensureOpen();
    if (ec2 == null) {
      ec2 = configure(Ec2AsyncClient.builder()).build();
    }
    return ec2;
  }

  private <B extends AwsClientBuilder<B, C> & SdkAsyncClientBuilder<B, C>, C> B configure(
      B builder) {
    builder
        .region(Region.of(access.region()))
        .credentialsProvider(credentials)
        .httpClientBuilder(
            NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(SdkEventLoopGroup.create(loops))
                .protocol(Protocol.HTTP1_1)
                .maxConcurrency(8)
                .connectionTimeout(access.apiCallTimeout())
                .readTimeout(access.apiCallTimeout()))
        .overrideConfiguration(
            o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(access.apiCallTimeout()));
    if (access.endpointUrl() != null) {
      builder.endpointOverride(access.endpointUrl());
    }
    return builder;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("AWS clients are closed");
    }
  }

  /** Closes the clients and their connections. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (cloudWatch != null) {
      cloudWatch.close();
    }
    if (ec2 != null) {
      ec2.close();
    }
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Override
  public String toString() {
    return "AwsClients[region=" + access.region() + ", credentials=" + access.credentialsSource()
        + (access.endpointUrl() != null ? ", endpoint=" + access.endpointUrl() : "") + "]";
  }

  /** The provider for {@code access}: the named profile, or the chain without instance metadata. */
  static AwsCredentialsProvider provider(AwsAccess access) {
    if (access.profile() != null) {
      return ProfileCredentialsProvider.builder().profileName(access.profile()).build();
    }
    return AwsCredentialsProviderChain.builder()
        .reuseLastProviderEnabled(false)
        .credentialsProviders(
            SystemPropertyCredentialsProvider.create(),
            EnvironmentVariableCredentialsProvider.create(),
            WebIdentityTokenFileCredentialsProvider.create(),
            ProfileCredentialsProvider.create(),
            ContainerCredentialsProvider.builder().build())
        .build();
  }

  private static AwsCredentials resolve(AwsCredentialsProvider provider, String source) {
    AwsCredentials identity;
    try {
      identity = provider.resolveCredentials();
    } catch (RuntimeException e) {
      // SDK messages name files, variables and profiles, never key material; the cause is not
      // kept, so nothing nested in it can reach a log.
      throw new AwsAccessException("no AWS credentials from " + source + ": "
          + e.getClass().getSimpleName() + ": " + Text.oneLine(e.getMessage()));
    }
    if (identity == null) {
      throw new AwsAccessException("no AWS credentials from " + source + ": none returned");
    }
    return identity;
  }
}
