package dev.harness.metrics.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and as whom the metrics readers call AWS: an explicit region (never looked up from the
 * instance metadata service), an optional named profile, and an optional endpoint URL that
 * replaces the service endpoints (tests, LocalStack, VPC endpoints).
 *
 * @param region AWS region, e.g. {@code us-east-1}
 * @param profile named profile of the shared config and credentials files, or null for the default
 *     chain without instance metadata
 * @param endpointUrl replaces the endpoint of every service called (CloudWatch and EC2), or null
 * @param apiCallTimeout longest time one API call (one page) may take
 */
public record AwsAccess(String region, String profile, URI endpointUrl, Duration apiCallTimeout) {
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)*-[0-9]+");

  /** {@link #apiCallTimeout()} when not given. */
  public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(30);

  public AwsAccess {
    Objects.requireNonNull(region, "region");
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "region must look like us-east-1, got '" + region + "'");
    }
    if (profile != null && profile.isBlank()) {
      throw new IllegalArgumentException("profile must not be blank");
    }
    if (endpointUrl != null && (endpointUrl.getScheme() == null || endpointUrl.getHost() == null)) {
      throw new IllegalArgumentException(
          "endpointUrl must be an absolute http(s) URL, got '" + endpointUrl + "'");
    }
    Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    if (apiCallTimeout.isZero() || apiCallTimeout.isNegative()) {
      throw new IllegalArgumentException("apiCallTimeout must be > 0, got " + apiCallTimeout);
    }
  }

  /** Access to {@code region} with the default chain, the real endpoints and default timeout. */
  public static AwsAccess of(String region) {
    return new AwsAccess(region, null, null, DEFAULT_API_CALL_TIMEOUT);
  }

  /** This access with {@code url} as the endpoint of every service. */
  public AwsAccess withEndpointUrl(URI url) {
    return new AwsAccess(region, profile, url, apiCallTimeout);
  }

  /** This access with credentials from the named {@code profile}. */
  public AwsAccess withProfile(String name) {
    return new AwsAccess(region, name, endpointUrl, apiCallTimeout);
  }

  /** How the credentials' source is named in messages (never the credentials themselves). */
  public String credentialsSource() {
    return profile != null
        ? "profile '" + profile + "'"
        : "the default chain (system properties, environment, web identity, profile, container;"
            + " instance metadata off)";
  }
}
