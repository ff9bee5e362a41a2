package dev.harness.protocol.sagemaker;

import dev.harness.config.SageMakerTarget;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Where a SageMaker target's credentials come from, resolved once before the run.
 *
 * <ul>
 *   <li>{@code profile: x} → that named profile of the shared config and credentials files;
 *   <li>otherwise the SDK's default order without the EC2 instance metadata service: system
 *       properties, environment variables ({@code AWS_ACCESS_KEY_ID}, {@code
 *       AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}, read from the environment the run was
 *       given), web identity token file, the default profile ({@code AWS_PROFILE}), the ECS
 *       container endpoint;
 *   <li>{@code use-instance-metadata: true} → the SDK's full default chain, instance metadata
 *       last.
 * </ul>
 */
final class SageMakerCredentials {
  private SageMakerCredentials() {}

  /** The provider for {@code target}'s credential settings, environment keys from {@code env}. */
  static AwsCredentialsProvider provider(SageMakerTarget target, Map<String, String> env) {
    if (target.profile() != null) {
      return ProfileCredentialsProvider.builder().profileName(target.profile()).build();
    }
    if (target.useInstanceMetadata()) {
      return DefaultCredentialsProvider.builder().build();
    }
    return AwsCredentialsProviderChain.builder()
        .reuseLastProviderEnabled(false)
        .credentialsProviders(
            SystemPropertyCredentialsProvider.create(),
            new EnvironmentKeys(env),
            WebIdentityTokenFileCredentialsProvider.create(),
            ProfileCredentialsProvider.create(),
            ContainerCredentialsProvider.builder().build())
        .build();
  }

  /** How the source is named in errors. */
  static String source(SageMakerTarget target) {
    if (target.profile() != null) {
      return "profile '" + target.profile() + "'";
    }
    return target.useInstanceMetadata()
        ? "the default chain (with instance metadata)"
        : "the default chain (system properties, environment, web identity, profile, container;"
            + " instance metadata off)";
  }

  /**
   * Resolves {@code provider} once.
   *
   * @throws CredentialsException naming {@code source} and the SDK's reason
   */
  static AwsCredentials resolve(AwsCredentialsProvider provider, String source) {
    try {
      AwsCredentials credentials = provider.resolveCredentials();
      if (credentials == null) {
        throw new CredentialsException(
            "no AWS credentials for " + source + ": none returned", null);
      }
      return credentials;
    } catch (RuntimeException e) {
      if (e instanceof CredentialsException) {
        throw e;
      }
      // SDK messages name files, variables and profiles, never key material; the cause itself is
      // not kept, so nothing nested in it can reach a log.
      throw new CredentialsException(
          "no AWS credentials for " + source + ": " + reason(e), null);
    }
  }

  /**
   * The SDK's reason in one short line. A chain's own message lists every provider's class and
   * is too long to read, so it becomes what to set instead.
   */
  private static String reason(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Unable to load credentials from any of the providers in the chain")) {
      return "none of its sources has any: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
          + "AWS_PROFILE, or target.sagemaker.profile";
    }
    return e.getClass().getSimpleName() + ": " + StreamBodyParser.oneLine(message);
  }

  /**
   * Access keys from the environment the run was given (the process environment in the CLI), as
   * the SDK's environment provider reads them from the process.
   */
  private static final class EnvironmentKeys implements AwsCredentialsProvider {
    private final Map<String, String> env;

    EnvironmentKeys(Map<String, String> env) {
      this.env = env;
    }

    @Override
    public AwsCredentials resolveCredentials() {
      String id = trimmed(env.get("AWS_ACCESS_KEY_ID"));
      String secret = trimmed(env.get("AWS_SECRET_ACCESS_KEY"));
      if (id == null || secret == null) {
        throw SdkClientException.create(
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set");
      }
      String token = trimmed(env.get("AWS_SESSION_TOKEN"));
      return token == null
          ? AwsBasicCredentials.create(id, secret)
          : AwsSessionCredentials.create(id, secret, token);
    }

    private static String trimmed(String v) {
      return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String toString() {
      return "EnvironmentVariables";
    }
  }

  /** Closes a provider this class created. */
  static void close(AwsCredentialsProvider provider) {
    if (provider instanceof SdkAutoCloseable) {
      ((SdkAutoCloseable) provider).close();
    }
  }
}
