package dev.harness.protocol.sagemaker;

import dev.harness.config.SageMakerTarget;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Where a SageMaker target's credentials come from, resolved once before the run.
 *
 * <ul>
 *   <li>{@code profile: x} → that named profile of the shared config and credentials files;
 *   <li>otherwise the SDK's default order without the EC2 instance metadata service: system
 *       properties, environment variables, web identity token file, the default profile ({@code
 *       AWS_PROFILE}), the ECS container endpoint;
 *   <li>{@code use-instance-metadata: true} → the SDK's full default chain, instance metadata
 *       last.
 * </ul>
 */
final class SageMakerCredentials {
  private SageMakerCredentials() {}

  /** The provider for {@code target}'s credential settings. */
  static AwsCredentialsProvider provider(SageMakerTarget target) {
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
            EnvironmentVariableCredentialsProvider.create(),
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
          "no AWS credentials for " + source + ": " + e.getClass().getSimpleName() + ": "
              + StreamBodyParser.oneLine(String.valueOf(e.getMessage())), null);
    }
  }

  /** Closes a provider this class created. */
  static void close(AwsCredentialsProvider provider) {
    if (provider instanceof SdkAutoCloseable) {
      ((SdkAutoCloseable) provider).close();
    }
  }
}
